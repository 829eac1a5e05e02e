/**
 * The Content page's filter and paging, kept in the URL (`?status=draft&page=2&limit=50`) so a reload or a
 * shared link shows the same list. Anything unreadable falls back to the default rather than failing.
 */
import { POST_STATUSES, type PostStatus } from '../../api/types';

export type StatusFilter = 'all' | PostStatus;

export interface ContentQuery {
  status: StatusFilter;
  /** 1-based. */
  page: number;
  /** Posts per page, 1–100 (the API's bounds). */
  limit: number;
}

/** The API's default page size. */
export const DEFAULT_LIMIT = 20;
/** The API's largest page. */
export const MAX_LIMIT = 100;
/** Sizes offered in the "Per page" select; another valid `limit` from the URL is kept and offered too. */
export const LIMIT_CHOICES = [10, 20, 50] as const;

export const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'archived', label: 'Archived' },
];

export function parseContentQuery(params: URLSearchParams): ContentQuery {
  const status = params.get('status');
  return {
    status: (POST_STATUSES as readonly string[]).includes(status ?? '') ? (status as PostStatus) : 'all',
    page: positiveInt(params.get('page'), 1, Number.MAX_SAFE_INTEGER),
    limit: positiveInt(params.get('limit'), DEFAULT_LIMIT, MAX_LIMIT),
  };
}

/** The query string for `query`, leaving out defaults (so the plain page has a plain URL). */
export function contentSearch(query: ContentQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status !== 'all') params.set('status', query.status);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.limit !== DEFAULT_LIMIT) params.set('limit', String(query.limit));
  return params;
}

function positiveInt(text: string | null, fallback: number, max: number): number {
  if (!text || !/^\d+$/.test(text)) return fallback;
  const value = Number(text);
  return value >= 1 && value <= max ? value : fallback;
}
