/**
 * Anything shaped like an API key, wherever free text may carry one (a URL, an echoed id), including
 * with its underscore percent-encoded (`sk%5F…`) as it appears in a raw URL.
 */
// Starts a word, or follows a percent-encoded character (`%2Fsk_…`); `task_1234` is not a key.
const KEY_IN_TEXT = /(?:(?<![0-9A-Za-z])|(?<=%[0-9A-Fa-f]{2}))sk(?:_|%5[fF])[0-9a-zA-Z]{4,}/g;

/**
 * Masks API keys in free text down to their prefix. Used on logged URLs and on every error message
 * and path the API sends, so a key pasted into the wrong place is never repeated back or written down.
 */
export const maskKeys = (text: string): string => text.replace(KEY_IN_TEXT, 'sk_[redacted]');

/** Query parameters whose values are never secret (the content list's and the dashboard's filters). */
const PLAIN_QUERY_PARAMETERS = new Set(['status', 'page', 'limit', 'unused']);

/**
 * A request URL fit for the log: API keys masked, and the value of every query parameter other than the
 * known-plain ones replaced, since a query may carry an invitation token (`/invitations/accept?token=…`,
 * or inside `?next=…`) or an email address.
 */
export function redactUrl(url: string): string {
  const masked = maskKeys(url);
  const start = masked.indexOf('?');
  if (start === -1) return masked;
  const query = masked
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const [name = '', value] = pair.split('=', 2);
      return value === undefined || PLAIN_QUERY_PARAMETERS.has(name) ? pair : `${name}=[redacted]`;
    })
    .join('&');
  return `${masked.slice(0, start)}?${query}`;
}
