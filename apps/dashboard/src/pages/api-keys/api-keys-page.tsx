/**
 * Settings → API Keys: the workspace's keys (ADMIN+ see all, others their own), Create key (shown once),
 * Delete with a confirmation, a filter for keys unused for 30 days or more (kept in the URL), and how to use
 * a key safely.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { ApiKey } from '../../api/types';
import { useSearchParams } from '../../router';
import { useCurrentUser } from '../../session/session-context';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page';
import { useNow } from '../../ui/relative-time';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { useRequest } from '../../ui/use-request';
import { CreateKeyDialog } from './create-key-dialog';
import { DeleteKeyDialog } from './delete-key-dialog';
import { KeyGuide } from './key-guide';
import { KeysTable } from './keys-table';
import { isUnused, UNUSED_AFTER_DAYS } from './unused-filter';

const UNUSED_PARAM = 'unused';

export function ApiKeysPage() {
  const api = useApi();
  const user = useCurrentUser();
  const { workspaceId, can } = useWorkspace();
  const keys = useRequest((signal) => api.apiKeys.list(workspaceId, { signal }), [api, workspaceId]);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ApiKey | null>(null);
  const [query, setQuery] = useSearchParams();
  const onlyUnused = query.has(UNUSED_PARAM);
  const now = useNow();
  const seesAll = can('keys:manage-any');

  // Coming back to the tab (e.g. after trying the key in a terminal) shows fresh "Last used" times.
  const { reload } = keys;
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const setOnlyUnused = (value: boolean) => {
    const next = new URLSearchParams(query);
    if (value) next.set(UNUSED_PARAM, String(UNUSED_AFTER_DAYS));
    else next.delete(UNUSED_PARAM);
    setQuery(next);
  };

  const createButton = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      Create key
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API Keys"
        description={
          seesAll
            ? 'Every call to the Socifyr API is authenticated with a key. A key belongs to this workspace and acts with the current role of whoever created it.'
            : 'Every call to the Socifyr API is authenticated with a key. Your keys act with your current role in this workspace; you see only the keys you created.'
        }
        actions={keys.status === 'ready' && keys.data.length > 0 ? createButton : undefined}
      />

      {keys.status === 'loading' ? <Loading label="Loading keys…" /> : null}
      {keys.status === 'error' ? (
        <ErrorState error={keys.error} title="Could not load the API keys" onRetry={keys.reload} />
      ) : null}
      {keys.status === 'ready' && keys.data.length === 0 ? (
        <EmptyState title="No API keys yet — create one to call the API" action={createButton}>
          <p>The key is shown once, when you create it. Give it a label that says where it will be used.</p>
        </EmptyState>
      ) : null}
      {keys.status === 'ready' && keys.data.length > 0 ? (
        <KeyList
          keys={keys.data}
          onlyUnused={onlyUnused}
          onToggleUnused={setOnlyUnused}
          now={now}
          seesAll={seesAll}
          canDelete={(key) => seesAll || key.createdBy.userId === user.id}
          onDelete={setDeleting}
        />
      ) : null}

      <KeyGuide />

      {creating ? (
        <CreateKeyDialog
          onCreated={(key) => keys.setData((current) => [key, ...current.filter((k) => k.id !== key.id)])}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {deleting ? (
        <DeleteKeyDialog
          apiKey={deleting}
          onDeleted={(key) => keys.setData((current) => current.filter((k) => k.id !== key.id))}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}

interface KeyListProps {
  keys: readonly ApiKey[];
  onlyUnused: boolean;
  onToggleUnused: (value: boolean) => void;
  now: number;
  seesAll: boolean;
  canDelete: (key: ApiKey) => boolean;
  onDelete: (key: ApiKey) => void;
}

function KeyList({ keys, onlyUnused, onToggleUnused, now, seesAll, canDelete, onDelete }: KeyListProps) {
  const shown = onlyUnused ? keys.filter((key) => isUnused(key, now)) : keys;
  const count = (n: number) => `${n} ${n === 1 ? 'key' : 'keys'}`;
  return (
    <>
      <div className="toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyUnused}
            onChange={(event) => onToggleUnused(event.target.checked)}
          />
          Only keys unused for {UNUSED_AFTER_DAYS} days or more
        </label>
        <p className="toolbar-note" aria-live="polite">
          {onlyUnused ? `${shown.length} of ${count(keys.length)}` : count(keys.length)}
          {seesAll ? '' : ' · only yours'}
        </p>
      </div>
      {shown.length > 0 ? (
        <KeysTable keys={shown} canDelete={canDelete} onDelete={onDelete} />
      ) : (
        <EmptyState title={`No key has gone unused for ${UNUSED_AFTER_DAYS} days`}>
          <p>Every key was used (or created) in the last {UNUSED_AFTER_DAYS} days.</p>
        </EmptyState>
      )}
    </>
  );
}
