/**
 * Whether this browser signed in through the dashboard and has not signed out since. The session cookie is
 * HttpOnly, so the page cannot see it; without this hint every signed-out visit would start with a 401 from
 * /auth/me. No secret: a flag only. When it is missing the sign-in page shows at once; when it is stale
 * (the session expired) /auth/me answers 401 once and the flag is dropped.
 */
const STORAGE_KEY = 'socifyr.signedIn';

export function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    // Storage blocked: always ask the server.
    return true;
  }
}

export function setSessionHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(STORAGE_KEY, '1');
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to remember in
  }
}
