/**
 * Change role: a role picker with what the role may do. The server refuses what the caller may not do and
 * keeps the last OWNER; its message is shown here.
 */
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { Member, RoleKey } from '../../api/types';
import { roleLabel } from '../../session/permissions';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Email } from '../../ui/email';
import { SelectField } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { assignableRoles, ROLE_DESCRIPTIONS } from './member-permissions';
import { roleOptions } from './role-options';

export interface ChangeRoleDialogProps {
  member: Member;
  /** True when the member is the signed-in person. */
  isSelf: boolean;
  onChanged: (member: Member) => void | Promise<void>;
  onClose: () => void;
}

export function ChangeRoleDialog({ member, isSelf, onChanged, onClose }: ChangeRoleDialogProps) {
  const api = useApi();
  const { workspaceId, role: callerRole } = useWorkspace();
  const [roleKey, setRoleKey] = useState<RoleKey>(member.roleKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const roles = assignableRoles(callerRole);
  // An ADMIN looking at an OWNER never gets here, but keep the current role visible whatever happens.
  const options = roles.includes(member.roleKey) ? roles : [member.roleKey, ...roles];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (roleKey === member.roleKey) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const changed = await api.members.changeRole(workspaceId, member.userId, { roleKey });
      await onChanged(changed);
      onClose();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Change the role of ${member.name}`}
      onClose={onClose}
      dismissible={!busy}
      size="small"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="change-role-form" busy={busy}>
            Save role
          </Button>
        </>
      }
    >
      <form id="change-role-form" className="form" onSubmit={submit} noValidate>
        <p className="dialog-note">
          <Email address={member.email} /> is {roleLabel(member.roleKey)} now. Their API keys act with the new
          role at once.
        </p>
        <SelectField
          label="Role"
          name="roleKey"
          options={roleOptions(options)}
          value={roleKey}
          onChange={(event) => {
            setRoleKey(event.target.value as RoleKey);
            // The API's answer was about the role chosen before.
            setError(null);
          }}
          hint={ROLE_DESCRIPTIONS[roleKey]}
        />
        {isSelf && roleKey !== member.roleKey ? (
          <p className="field-hint">This is your own role: you may not be able to change it back yourself.</p>
        ) : null}
        <FormError error={error} />
      </form>
    </Dialog>
  );
}
