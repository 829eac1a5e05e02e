/** How the 10 platforms are written for people, and the slug a connection will get (as the server makes it). */
import { PLATFORMS, type Platform } from '../../api/types';

export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  x: 'X',
  linkedin: 'LinkedIn',
  threads: 'Threads',
  bluesky: 'Bluesky',
  facebook: 'Facebook',
  instagram: 'Instagram',
  reddit: 'Reddit',
  pinterest: 'Pinterest',
  tiktok: 'TikTok',
  youtube: 'YouTube',
};

/** The platform's name, or the raw value for one this dashboard does not know. */
export function platformLabel(platform: string): string {
  return (PLATFORM_LABELS as Record<string, string>)[platform] ?? platform;
}

/** Options for a platform select, in the API's order. */
export const PLATFORM_OPTIONS = PLATFORMS.map((value) => ({ value, label: PLATFORM_LABELS[value] }));

/** The handles the API accepts: letters, digits, dots, underscores, hyphens, and a leading "@". */
const HANDLE_SHAPE = /^@?[A-Za-z0-9._-]+$/;

/** What is wrong with a handle, in words, or null when the API will accept it. */
export function handleProblem(handle: string): string | null {
  const trimmed = handle.trim();
  if (!trimmed || trimmed === '@') return 'Enter the account name on the platform, e.g. @brand.';
  if (!HANDLE_SHAPE.test(trimmed)) {
    return 'Use only letters, digits, dots, underscores and hyphens (a leading @ is fine).';
  }
  return null;
}

/** `x` + `@Brand.Co` → `x-brand.co`: the slug posts will name this connection by. */
export function previewSlug(platform: Platform, handle: string): string {
  const bare = handle.trim().replace(/^@/, '');
  return `${platform}-${bare.toLowerCase()}`;
}
