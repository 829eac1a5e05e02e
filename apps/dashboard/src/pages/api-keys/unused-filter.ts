/**
 * "Unused for 30 days or more": a key last used at least that long ago, or never used and created at least
 * that long ago (a key made yesterday and not used yet is not forgotten, just new).
 */
import type { ApiKey } from '../../api/types';

export const UNUSED_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether `key` has gone unused for `days` (default 30) as of `now` (ms since the epoch). */
export function isUnused(
  key: Pick<ApiKey, 'createdAt' | 'lastUsedAt'>,
  now: number,
  days = UNUSED_AFTER_DAYS,
): boolean {
  const since = Date.parse(key.lastUsedAt ?? key.createdAt);
  return Number.isFinite(since) && now - since >= days * DAY_MS;
}
