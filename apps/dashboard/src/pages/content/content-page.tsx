/**
 * Content: the workspace's posts, newest first, filtered by status and paged (both kept in the URL). Everyone
 * writes drafts; OWNER, ADMIN and EDITOR schedule, archive and delete any post; a CONTRIBUTOR archives and
 * deletes only their own drafts and never schedules.
 */
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { Member, Post } from '../../api/types';
import { Link, paths, useSearchParams } from '../../router';
import { useCurrentUser } from '../../session/session-context';
import { useWorkspace } from '../../session/workspace-context';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/notice';
import { PageHeader } from '../../ui/page';
import { Pagination, pageCount } from '../../ui/pagination';
import { SegmentedControl } from '../../ui/segmented-control';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { useRequest } from '../../ui/use-request';
import {
  type ContentQuery,
  contentSearch,
  LIMIT_CHOICES,
  parseContentQuery,
  STATUS_FILTERS,
  type StatusFilter,
} from './content-query';
import { NewDraftDialog } from './new-draft-dialog';
import { postActions } from './post-permissions';
import { PostsTable, postExcerpt } from './posts-table';
import { ScheduleDialog } from './schedule-dialog';
import './content-page.css';

type Action =
  | { kind: 'new-draft' }
  | { kind: 'schedule'; post: Post }
  | { kind: 'archive'; post: Post }
  | { kind: 'delete'; post: Post };

const EMPTY_TITLES: Record<StatusFilter, string> = {
  all: 'No posts yet',
  draft: 'No drafts',
  scheduled: 'No scheduled posts',
  archived: 'No archived posts',
};

export function ContentPage() {
  const api = useApi();
  const me = useCurrentUser();
  const { workspaceId, can } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const query = parseContentQuery(params);
  const { status, page, limit } = query;
  const [action, setAction] = useState<Action | null>(null);
  const close = () => setAction(null);

  const posts = useRequest(
    (signal) =>
      api.content.list(
        workspaceId,
        { status: status === 'all' ? undefined : status, page, limit },
        { signal },
      ),
    [api, workspaceId, status, page, limit],
  );
  const connections = useRequest(
    (signal) => api.connections.list(workspaceId, { signal }),
    [api, workspaceId],
  );
  // Only for showing authors by name; the list works without it.
  const members = useRequest((signal) => api.members.list(workspaceId, { signal }), [api, workspaceId]);

  const setQuery = (change: Partial<ContentQuery>) => setParams(contentSearch({ ...query, ...change }));

  // Past the last page (e.g. its last post was just deleted): show the last page that has posts.
  const lastPage = posts.status === 'ready' ? pageCount(posts.data.total, limit) : page;
  useEffect(() => {
    if (posts.status === 'ready' && posts.data.results.length === 0 && page > lastPage) {
      setParams(contentSearch({ status, limit, page: lastPage }));
    }
  }, [posts.status, posts.data, page, lastPage, status, limit, setParams]);

  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const member of members.data ?? ([] as Member[])) byId.set(member.userId, member.name);
    return byId;
  }, [members.data]);
  const authorOf = (post: Post) =>
    post.createdBy.userId === me.id
      ? 'You'
      : (names.get(post.createdBy.userId) ??
        (members.status === 'ready' ? 'A former member' : 'Another member'));

  const newDraftButton = (
    <Button variant="primary" onClick={() => setAction({ kind: 'new-draft' })}>
      New draft
    </Button>
  );
  const noConnections = connections.status === 'ready' && connections.data.length === 0;
  const nothingYet = posts.status === 'ready' && posts.data.total === 0 && status === 'all';

  return (
    <>
      <PageHeader
        title="Content"
        description={
          can('content:manage-any')
            ? 'Drafts, scheduled and archived posts of this workspace.'
            : 'Drafts, scheduled and archived posts of this workspace. You can write drafts and change your own drafts; an editor or admin schedules them.'
        }
        // With nothing at all yet, the empty state below offers it instead.
        actions={nothingYet ? undefined : newDraftButton}
      />

      {noConnections ? (
        <Notice tone="info" title="No connections yet">
          <p>
            Posts go to connections (the workspace's social accounts).{' '}
            {can('connections:manage') ? (
              <Link to={paths.connections(workspaceId)}>Add a connection</Link>
            ) : (
              'Ask an owner or admin to add one.'
            )}
          </p>
        </Notice>
      ) : null}
      {connections.status === 'error' ? (
        <ErrorState
          error={connections.error}
          title="Could not load the connections"
          onRetry={connections.reload}
        />
      ) : null}

      <div className="toolbar">
        <SegmentedControl
          label="Status"
          options={STATUS_FILTERS}
          value={status}
          onChange={(value) => setQuery({ status: value, page: 1 })}
        />
        <div className="toolbar-end">
          {posts.status === 'ready' ? (
            <p className="toolbar-note" aria-live="polite">
              {posts.data.total} {posts.data.total === 1 ? 'post' : 'posts'}
            </p>
          ) : null}
          <label className="inline-select">
            Per page
            <select
              className="input"
              value={limit}
              onChange={(event) => setQuery({ limit: Number(event.target.value), page: 1 })}
            >
              {[...new Set<number>([...LIMIT_CHOICES, limit])]
                .sort((a, b) => a - b)
                .map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
            </select>
          </label>
        </div>
      </div>

      {posts.status === 'loading' ? <Loading label="Loading posts…" /> : null}
      {posts.status === 'error' ? (
        <ErrorState error={posts.error} title="Could not load the posts" onRetry={posts.reload} />
      ) : null}
      {posts.status === 'ready' && posts.data.results.length === 0 && page <= lastPage ? (
        <EmptyState title={EMPTY_TITLES[status]} action={status === 'all' ? newDraftButton : undefined}>
          <p>
            {status === 'all'
              ? 'Write a draft, choose the connections it goes to, then schedule it.'
              : 'Posts with this status show up here.'}
          </p>
        </EmptyState>
      ) : null}
      {posts.status === 'ready' && posts.data.results.length > 0 ? (
        <>
          <PostsTable
            posts={posts.data.results}
            actionsFor={(post) => postActions(post, can, me.id)}
            authorOf={authorOf}
            onSchedule={(post) => setAction({ kind: 'schedule', post })}
            onArchive={(post) => setAction({ kind: 'archive', post })}
            onDelete={(post) => setAction({ kind: 'delete', post })}
          />
          <Pagination
            page={page}
            limit={limit}
            total={posts.data.total}
            noun="posts"
            onPage={(next) => setQuery({ page: next })}
          />
        </>
      ) : null}

      {action?.kind === 'new-draft' ? (
        <NewDraftDialog
          connections={connections.data ?? []}
          onCreated={() => {
            // Show it: newest first, so it is on the first page of "All" or "Drafts".
            const target = status === 'all' || status === 'draft' ? status : 'draft';
            if (target === status && page === 1) posts.reload();
            else setQuery({ status: target, page: 1 });
          }}
          onClose={close}
        />
      ) : null}
      {action?.kind === 'schedule' ? (
        <ScheduleDialog post={action.post} onChanged={() => posts.reload()} onClose={close} />
      ) : null}
      {action?.kind === 'archive' ? (
        <ConfirmDialog
          title="Archive this post?"
          confirmLabel="Archive post"
          danger={false}
          onConfirm={async () => {
            await api.content.archive(workspaceId, action.post.id);
            posts.reload();
          }}
          onClose={close}
        >
          <p>
            “{postExcerpt(action.post, 120)}” will not be published. Archived posts stay in the list and can
            no longer be edited or scheduled.
          </p>
        </ConfirmDialog>
      ) : null}
      {action?.kind === 'delete' ? (
        <ConfirmDialog
          title="Delete this post?"
          confirmLabel="Delete post"
          onConfirm={async () => {
            await api.content.delete(workspaceId, action.post.id);
            posts.reload();
          }}
          onClose={close}
        >
          <p>“{postExcerpt(action.post, 120)}” is deleted for good. This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
