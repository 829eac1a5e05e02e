import { describe, expect, it } from 'vitest';
import { confirmsName } from './delete-workspace-dialog';

describe('confirmsName', () => {
  it.each([
    ['Side project', 'Side project', true],
    ['  Side project ', 'Side project', true],
    ['side project', 'Side project', false],
    ['Side', 'Side project', false],
    ['', '', false],
    ['   ', ' ', false],
  ])('%j for %j → %s', (typed, name, ok) => {
    expect(confirmsName(typed, name)).toBe(ok);
  });
});
