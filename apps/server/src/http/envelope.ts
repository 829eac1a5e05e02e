/** The response envelope of API.md: `{ success, data }` or `{ success: false, error, statusCode, path, timestamp }`. */

export interface SuccessEnvelope<T> {
  success: true;
  data: T;
}

export interface ErrorEnvelope {
  success: false;
  error: string | string[];
  statusCode: number;
  path: string;
  timestamp: string;
}

export const ok = <T>(data: T): SuccessEnvelope<T> => ({ success: true, data });

export function errorEnvelope(
  statusCode: number,
  error: string | string[],
  url: string,
  now: Date,
): ErrorEnvelope {
  const path = url.split('?', 1)[0] ?? url;
  return { success: false, error, statusCode, path, timestamp: now.toISOString() };
}
