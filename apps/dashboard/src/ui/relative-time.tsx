/** "5 minutes ago", with the exact time on hover (title) and in the <time> element; updates itself. */
import { useEffect, useState } from 'react';
import { formatExact, formatRelative } from './format-time';

const TICK_MS = 30_000;

/** The current time, re-read every `intervalMs` (default 30 s), so relative times stay true. */
export function useNow(intervalMs = TICK_MS): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatExact(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}
