/**
 * Between an `<input type="datetime-local">` value ("2030-01-31T09:00", the person's local time, no zone)
 * and the API's ISO-8601 UTC times.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `date` as a datetime-local value in the browser's time zone, to the minute. */
export function toLocalInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as an ISO-8601 UTC time, or null when it is not a complete date and time. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A sensible first choice for a new schedule: tomorrow at 09:00 local time. */
export function defaultScheduleTime(now: Date): Date {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(9, 0, 0, 0);
  return next;
}
