import { describe, expect, it } from 'vitest';
import { PERMISSIONS, roleCan, roleLabel } from './permissions';

describe('roleCan', () => {
  // The matrix of API.md, row by row: [permission, OWNER, ADMIN, EDITOR, CONTRIBUTOR].
  it.each([
    ['workspace:read', true, true, true, true],
    ['content:create', true, true, true, true],
    ['content:manage-any', true, true, true, false],
    ['content:schedule', true, true, true, false],
    ['connections:manage', true, true, false, false],
    ['members:manage', true, true, false, false],
    ['workspace:rename', true, true, false, false],
    ['owners:manage', true, false, false, false],
    ['workspace:delete', true, false, false, false],
    ['keys:create', true, true, true, true],
    ['keys:manage-any', true, true, false, false],
  ] as const)('%s', (permission, owner, admin, editor, contributor) => {
    expect([
      roleCan('OWNER', permission),
      roleCan('ADMIN', permission),
      roleCan('EDITOR', permission),
      roleCan('CONTRIBUTOR', permission),
    ]).toEqual([owner, admin, editor, contributor]);
  });

  it('covers every permission of the table', () => {
    expect(Object.keys(PERMISSIONS)).toHaveLength(11);
  });

  it('grants nothing without a role', () => {
    expect(roleCan(null, 'workspace:read')).toBe(false);
  });
});

describe('roleLabel', () => {
  it('reads as a word', () => {
    expect(roleLabel('CONTRIBUTOR')).toBe('Contributor');
    expect(roleLabel(null)).toBe('—');
  });
});
