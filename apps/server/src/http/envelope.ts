/** The response envelope of API.md: `{ success, data }` or `{ success: false, error, statusCode, path, timestamp }`. */

import { maskKeys } from '../redact.js';

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
  // A key pasted into a path or an id must not be repeated back (API.md: never in an error).
  const path = maskKeys(url.split('?', 1)[0] ?? url);
  const message = Array.isArray(error) ? error.map(maskKeys) : maskKeys(error);
  return { success: false, error: message, statusCode, path, timestamp: now.toISOString() };
}
