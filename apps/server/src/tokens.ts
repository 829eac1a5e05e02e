/**
 * Opaque bearer tokens for people (session cookies, invitation links): 256 random bits, base64url.
 * Only their SHA-256 is stored, so a database dump holds no usable token. (API keys have their own
 * format and an HMAC digest: see @socifyr/keys.)
 */
import { createHash, randomBytes } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
