/** The posts of one page: text and connections, status, author, created; Schedule / Archive / Delete where allowed. */
import type { Post } from '../../api/types';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { RelativeTime } from '../../ui/relative-time';
import { RowActions } from '../../ui/row-actions';
import { type Column, Table } from '../../ui/table';
import type { PostActions } from './post-permissions';

export interface PostsTableProps {
  posts: readonly Post[];
  actionsFor: (post: Post) => PostActions;
  /** Who wrote it, in words ("You", a member's name). */
  authorOf: (post: Post) => string;
  onSchedule: (post: Post) => void;
  onArchive: (post: Post) => void;
  onDelete: (post: Post) => void;
}

/** The start of a post, for button labels and confirmations. */
export function postExcerpt(post: Pick<Post, 'text'>, length = 40): string {
  const flat = post.text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

export function PostsTable({
  posts,
  actionsFor,
  authorOf,
  onSchedule,
  onArchive,
  onDelete,
}: PostsTableProps) {
  const columns: Column<Post>[] = [
    {
      header: 'Post',
      className: 'cell-post',
      cell: (post) => (
        <>
          <span className="post-text">{post.text}</span>
          <span className="post-connections">
            {post.connections.map((slug) => (
              <code key={slug}>{slug}</code>
            ))}
          </span>
        </>
      ),
    },
    { header: 'Status', className: 'cell-nowrap', cell: (post) => <PostStatusCell post={post} /> },
    {
      header: 'Author',
      className: 'cell-person',
      cell: (post) => (
        <>
          {authorOf(post)}
          {post.createdBy.apiKeyId ? <span className="cell-sub">with an API key</span> : null}
        </>
      ),
    },
    { header: 'Created', className: 'cell-nowrap', cell: (post) => <RelativeTime iso={post.createdAt} /> },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'cell-actions',
      cell: (post) => {
        const allowed = actionsFor(post);
        const about = postExcerpt(post);
        return (
          <RowActions>
            {allowed.schedule ? (
              <Button small onClick={() => onSchedule(post)} aria-label={`Schedule post “${about}”`}>
                {post.status === 'scheduled' ? 'Reschedule' : 'Schedule'}
              </Button>
            ) : null}
            {allowed.archive ? (
              <Button small onClick={() => onArchive(post)} aria-label={`Archive post “${about}”`}>
                Archive
              </Button>
            ) : null}
            {allowed.delete ? (
              <Button
                small
                variant="ghost"
                className="btn-link-danger"
                onClick={() => onDelete(post)}
                aria-label={`Delete post “${about}”`}
              >
                Delete
              </Button>
            ) : null}
          </RowActions>
        );
      },
    },
  ];
  return (
    <Table
      caption="Posts"
      columns={columns}
      rows={posts}
      rowKey={(post) => post.id}
      rowClassName={(post) => (post.status === 'archived' ? 'row-inactive' : undefined)}
    />
  );
}

function PostStatusCell({ post }: { post: Post }) {
  if (post.status === 'scheduled') {
    return (
      <>
        <Badge tone="info">Scheduled</Badge>
        {post.scheduledAt ? (
          <span className="cell-sub">
            <RelativeTime iso={post.scheduledAt} />
          </span>
        ) : null}
      </>
    );
  }
  if (post.status === 'archived') return <Badge>Archived</Badge>;
  return <Badge tone="warning">Draft</Badge>;
}
