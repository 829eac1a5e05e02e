/**
 * Path patterns of the dashboard's routes: `/w/:workspaceId/settings/api-keys`. A `:name` segment matches one
 * non-empty segment and is decoded; a trailing `/*` matches anything below. A trailing slash is ignored.
 */
export type Params = Record<string, string>;

/** The params of `pathname` under `pattern`, or null when it does not match. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const want = segments(pattern);
  const have = segments(pathname);
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part === '*' && i === want.length - 1) return params;
    const actual = have[i];
    if (actual === undefined) return null;
    if (part.startsWith(':')) {
      const value = safeDecode(actual);
      if (value === null) return null;
      params[part.slice(1)] = value;
    } else if (part !== actual) {
      return null;
    }
  }
  return have.length === want.length ? params : null;
}

/** `pattern` with its `:name` segments filled in (encoded): buildPath('/w/:workspaceId', {workspaceId}). */
export function buildPath(pattern: string, params: Params = {}): string {
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`buildPath: no value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}

/**
 * A path the app may send someone to after sign-in (from `?next=`): same-origin paths only, so a crafted link
 * cannot send a person elsewhere.
 */
export function safeReturnPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

function segments(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
