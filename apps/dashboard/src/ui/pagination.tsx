/**
 * "Showing 21–40 of 45" with Previous / Next, for a list the API pages (`page` is 1-based). Renders nothing
 * when everything fits on one page and the caller is on it.
 */
import { Button } from './button';
import './pagination.css';

export interface PaginationProps {
  /** 1-based. */
  page: number;
  /** Items per page. */
  limit: number;
  /** Items in the whole list. */
  total: number;
  onPage: (page: number) => void;
  /** What is counted, plural, e.g. "posts". Default "items". */
  noun?: string;
}

/** The number of the last page (at least 1). */
export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, limit)));
}

/** "21–40 of 45"; "0 of 0" past the end. */
export function rangeText(page: number, limit: number, total: number): string {
  const first = (page - 1) * limit + 1;
  const last = Math.min(total, page * limit);
  return first > last ? `0 of ${total}` : `${first}–${last} of ${total}`;
}

export function Pagination({ page, limit, total, onPage, noun = 'items' }: PaginationProps) {
  const pages = pageCount(total, limit);
  if (pages === 1 && page === 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      <p className="pagination-note" aria-live="polite">
        Showing {rangeText(page, limit, total)} {noun} · page {page} of {pages}
      </p>
      <div className="pagination-buttons">
        <Button small disabled={page <= 1} onClick={() => onPage(Math.min(page - 1, pages))}>
          Previous
        </Button>
        <Button small disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
