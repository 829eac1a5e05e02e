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
