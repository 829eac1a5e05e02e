import { describe, expect, it } from 'vitest';
import { defaultScheduleTime, localInputToIso, toLocalInputValue } from './local-time';

describe('local time for datetime-local inputs', () => {
  it('round-trips a local time to the minute', () => {
    const date = new Date(2030, 0, 31, 9, 5, 42);
    const value = toLocalInputValue(date);
    expect(value).toBe('2030-01-31T09:05');
    expect(localInputToIso(value)).toBe(new Date(2030, 0, 31, 9, 5).toISOString());
  });

  it.each(['', '2030-01-31', '2030-01-31T9:00', 'tomorrow', '2030-13-01T09:00'])('refuses %j', (value) => {
    expect(localInputToIso(value)).toBeNull();
  });

  it('suggests tomorrow at 09:00', () => {
    const suggested = defaultScheduleTime(new Date(2030, 5, 30, 22, 15));
    expect([suggested.getMonth(), suggested.getDate(), suggested.getHours(), suggested.getMinutes()]).toEqual(
      [6, 1, 9, 0],
    );
  });
});
