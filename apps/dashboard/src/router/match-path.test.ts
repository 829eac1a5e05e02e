import { describe, expect, it } from 'vitest';
import { buildPath, matchPath, safeReturnPath } from './match-path';

describe('matchPath', () => {
  it.each([
    ['/sign-in', '/sign-in', {}],
    ['/sign-in', '/sign-in/', {}],
    ['/w/:workspaceId/settings/api-keys', '/w/ws_1/settings/api-keys', { workspaceId: 'ws_1' }],
    ['/w/:workspaceId', '/w/a%20b', { workspaceId: 'a b' }],
    ['/w/:workspaceId/*', '/w/ws_1/anything/below', { workspaceId: 'ws_1' }],
    ['/', '/', {}],
  ])('%s matches %s', (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });

  it.each([
    ['/sign-in', '/sign-up'],
    ['/w/:workspaceId', '/w'],
    ['/w/:workspaceId', '/w/ws_1/more'],
    ['/w/:workspaceId', '/w/%E0%A4%A'],
    ['/', '/x'],
  ])('%s does not match %s', (pattern, path) => {
    expect(matchPath(pattern, path)).toBeNull();
  });
});

describe('buildPath', () => {
  it('fills and encodes params', () => {
    expect(buildPath('/w/:workspaceId/content', { workspaceId: 'ws 1' })).toBe('/w/ws%201/content');
  });
  it('says which param is missing', () => {
    expect(() => buildPath('/w/:workspaceId', {})).toThrow(':workspaceId');
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/w/ws_1/settings/api-keys?unused=1', '/w/ws_1/settings/api-keys?unused=1'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });
});
