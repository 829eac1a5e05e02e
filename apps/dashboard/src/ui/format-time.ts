/** Times for people: "3 minutes ago", "in 2 days", and the exact local time for a hover title. */

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];
const JUST_NOW_MS = 45_000;

/** "just now", "5 minutes ago", "in 3 days"; `now` in ms since the epoch. */
export function formatRelative(iso: string, now: number, locale?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const diff = time - now;
  if (Math.abs(diff) < JUST_NOW_MS) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size || unit === 'minute') return format.format(rounded(diff / size), unit);
  }
  return format.format(rounded(diff / 60_000), 'minute');
}

/** The exact local date and time, e.g. "12 March 2026 at 14:03:09". */
export function formatExact(iso: string, locale?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium' }).format(time);
}

/** Rounds half away from zero, so 1.5 months ago and 1.5 months ahead both read as 2. */
function rounded(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
