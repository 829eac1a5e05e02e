/** Anything shaped like an API key, wherever free text may carry one (a URL, an echoed id). */
const KEY_IN_TEXT = /sk_[0-9a-zA-Z]{4,}/g;

/**
 * Masks API keys in free text down to their prefix. Used on logged URLs and on every error message
 * and path the API sends, so a key pasted into the wrong place is never repeated back or written down.
 */
export const maskKeys = (text: string): string => text.replace(KEY_IN_TEXT, 'sk_[redacted]');
