/**
 * Invite: an email and a role (never OWNER), then the invitation link to copy and send. The link (its token)
 * exists only in this dialog: closing it forgets it, and the list of pending invitations never has it.
 */
import { type FormEvent, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { type CreatedInvitation, INVITABLE_ROLE_KEYS, type Invitation, type RoleKey } from '../../api/types';
import { roleLabel } from '../../session/permissions';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { CopyField } from '../../ui/copy-field';
import { Dialog } from '../../ui/dialog';
import { Email } from '../../ui/email';
import { SelectField, TextField } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { formatExact } from '../../ui/format-time';
import { Notice } from '../../ui/notice';
import { useFormErrors } from '../../ui/use-form-errors';
import { invitationLink } from './invitation-link';
import { ROLE_DESCRIPTIONS } from './member-permissions';
import { roleOptions } from './role-options';

const FIELDS = ['email', 'roleKey'] as const;

export interface InviteDialogProps {
  /** Called once the invitation exists, without its token, so the pending list can show it. */
  onInvited: (invitation: Invitation) => void;
  onClose: () => void;
}

export function InviteDialog({ onInvited, onClose }: InviteDialogProps) {
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  return created ? (
    <InvitationLink invitation={created} onDone={onClose} />
  ) : (
    <InviteForm
      onClose={onClose}
      onCreated={(invitation) => {
        setCreated(invitation);
        const { token: _token, ...withoutToken } = invitation;
        onInvited(withoutToken);
      }}
    />
  );
}

function InviteForm({
  onCreated,
  onClose,
}: {
  onCreated: (invitation: CreatedInvitation) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const { workspaceId } = useWorkspace();
  const [email, setEmail] = useState('');
  const [roleKey, setRoleKey] = useState<RoleKey>('EDITOR');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(FIELDS, form);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    const problem = trimmed.includes('@')
      ? null
      : 'Enter the email address of the person to invite, e.g. sam@example.com.';
    if (errors.show({ email: problem })) return;
    setBusy(true);
    try {
      onCreated(await api.invitations.create(workspaceId, { email: trimmed, roleKey }));
    } catch (failure) {
      errors.fail(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Invite a member"
      onClose={onClose}
      dismissible={!busy}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="invite-form" busy={busy}>
            Create invitation
          </Button>
        </>
      }
    >
      <form ref={form} id="invite-form" className="form" onSubmit={submit} noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            errors.edited('email');
          }}
          error={errors.field('email')}
          hint="They sign in, or create an account, with this address to accept."
        />
        <SelectField
          label="Role"
          name="roleKey"
          options={roleOptions(INVITABLE_ROLE_KEYS)}
          value={roleKey}
          onChange={(event) => {
            setRoleKey(event.target.value as RoleKey);
            errors.edited('roleKey');
          }}
          error={errors.field('roleKey')}
          hint={`${ROLE_DESCRIPTIONS[roleKey]} To make someone an owner, invite them, then change their role.`}
        />
        <FormError messages={errors.form} />
      </form>
    </Dialog>
  );
}

function InvitationLink({ invitation, onDone }: { invitation: CreatedInvitation; onDone: () => void }) {
  const role = roleLabel(invitation.roleKey);
  return (
    <Dialog
      title="Invitation created"
      onClose={onDone}
      footer={
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      }
    >
      <p>
        Send this link to{' '}
        <strong>
          <Email address={invitation.email} />
        </strong>
        . It makes them {withArticle(role)} of this workspace.
      </p>
      <CopyField
        label="Invitation link"
        value={invitationLink(window.location.origin, invitation)}
        multiline
        buttonLabel="Copy"
      />
      <Notice tone="warning" title="Copy the link now. It will not be shown again.">
        <p>
          It works once, for {invitation.email} only, until {formatExact(invitation.expiresAt)}. Inviting the
          same address again replaces it.
        </p>
      </Notice>
    </Dialog>
  );
}

/** "an Admin", "an Editor", "a Contributor". */
function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
