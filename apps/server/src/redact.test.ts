import { describe, expect, it } from 'vitest';
import { maskKeys, redactUrl } from './redact.js';

const KEY = `sk_${'ab12'.repeat(16)}`;

describe('maskKeys', () => {
  it.each([
    [`/api/content?key=${KEY}`, '/api/content?key=sk_[redacted]'],
    [`/api/x/${KEY.replace('_', '%5F')}`, '/api/x/sk_[redacted]'],
    [`/api/x/${KEY.replace('_', '%5f')}/y`, '/api/x/sk_[redacted]/y'],
    [`cannot act in workspace ${KEY}`, 'cannot act in workspace sk_[redacted]'],
    [`/api/x%2F${KEY}`, '/api/x%2Fsk_[redacted]'],
    ['no key here: sk_ alone, task_1234', 'no key here: sk_ alone, task_1234'],
  ])('masks %s', (input, expected) => {
    expect(maskKeys(input)).toBe(expected);
  });
});

describe('redactUrl', () => {
  it.each([
    [
      '/invitations/accept?token=XNs_raJU9&email=ada%40example.com',
      '/invitations/accept?token=[redacted]&email=[redacted]',
    ],
    ['/sign-in?next=%2Finvitations%2Faccept%3Ftoken%3DXNs', '/sign-in?next=[redacted]'],
    ['/api/content?status=draft&page=2&limit=10', '/api/content?status=draft&page=2&limit=10'],
    [`/api/content?key=${KEY}&status=draft`, '/api/content?key=[redacted]&status=draft'],
    [`/api/x/${KEY}`, '/api/x/sk_[redacted]'],
    ['/w/ws_1/settings/api-keys?unused=30', '/w/ws_1/settings/api-keys?unused=30'],
    ['/api/health', '/api/health'],
    ['/api/health?', '/api/health?'],
  ])('writes %s as %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});
