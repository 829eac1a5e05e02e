import { describe, expect, it } from 'vitest';
import { maskKeys } from './redact.js';

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
