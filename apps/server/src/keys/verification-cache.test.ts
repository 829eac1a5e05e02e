import { describe, expect, it } from 'vitest';
import { FakeClock } from '../test/harness.js';
import { type CachedKey, VerificationCache } from './verification-cache.js';

const key: CachedKey = {
  id: 'key_1',
  workspaceId: 'ws_1',
  createdByUserId: 'usr_1',
  label: 'CI',
  hint: 'sk_…',
  tier: 'free',
};

describe('VerificationCache', () => {
  it('keeps entries for at most 1 s while invalidations may be missed, and 5 minutes otherwise', () => {
    const clock = new FakeClock();
    let degraded = false;
    const cache = new VerificationCache({ clock, degraded: () => degraded });
    cache.setKey('digest', key, cache.beginRead());
    cache.setRole('ws_1', 'usr_1', 'EDITOR', cache.beginRead());
    clock.advance(1001);
    expect(cache.getKey('digest')).toEqual(key);
    degraded = true;
    expect(cache.getKey('digest')).toBeUndefined();
    expect(cache.getRole('ws_1', 'usr_1')).toBeUndefined();
    cache.setKey('digest', key, cache.beginRead());
    clock.advance(1000);
    expect(cache.getKey('digest')).toEqual(key);
  });

  it('distrusts everything cached, and every read under way, after a resync', () => {
    const cache = new VerificationCache();
    cache.setKey('digest', key, cache.beginRead());
    cache.setRole('ws_1', 'usr_1', 'EDITOR', cache.beginRead());
    const inFlight = cache.beginRead();
    cache.invalidate({ type: 'everything' });
    expect(cache.getKey('digest')).toBeUndefined();
    expect(cache.getRole('ws_1', 'usr_1')).toBeUndefined();
    cache.setKey('other', { ...key, id: 'key_2' }, inFlight);
    expect(cache.getKey('other')).toBeUndefined();
    cache.setKey('other', { ...key, id: 'key_2' }, cache.beginRead());
    expect(cache.getKey('other')).toMatchObject({ id: 'key_2' });
  });

  it('serves a key and a role until an invalidation names them', () => {
    const cache = new VerificationCache();
    cache.setKey('digest', key, cache.beginRead());
    cache.setRole('ws_1', 'usr_1', 'EDITOR', cache.beginRead());
    expect(cache.getKey('digest')).toEqual(key);
    expect(cache.getRole('ws_1', 'usr_1')).toBe('EDITOR');

    cache.invalidate({ type: 'member-changed', workspaceId: 'ws_1', userId: 'usr_1' });
    expect(cache.getRole('ws_1', 'usr_1')).toBeUndefined();
    expect(cache.getKey('digest')).toEqual(key);

    cache.invalidate({ type: 'key-deleted', keyId: 'key_1' });
    expect(cache.getKey('digest')).toBeUndefined();
  });

  it('never caches a key read before its deletion was announced (the delete race)', () => {
    const cache = new VerificationCache();
    const readSeq = cache.beginRead(); // store read starts: the key still exists
    cache.invalidate({ type: 'key-deleted', keyId: 'key_1' }); // delete commits, invalidation arrives
    cache.setKey('digest', key, readSeq); // the stale read finishes and tries to fill the cache
    expect(cache.getKey('digest')).toBeUndefined();
  });

  it('never caches a role read before a membership change was announced', () => {
    const cache = new VerificationCache();
    const readSeq = cache.beginRead();
    cache.invalidate({ type: 'member-changed', workspaceId: 'ws_1', userId: 'usr_1' });
    cache.setRole('ws_1', 'usr_1', 'ADMIN', readSeq);
    expect(cache.getRole('ws_1', 'usr_1')).toBeUndefined();
  });

  it('caches reads that start after an invalidation', () => {
    const cache = new VerificationCache();
    cache.invalidate({ type: 'member-changed', workspaceId: 'ws_1', userId: 'usr_1' });
    cache.setRole('ws_1', 'usr_1', 'CONTRIBUTOR', cache.beginRead());
    expect(cache.getRole('ws_1', 'usr_1')).toBe('CONTRIBUTOR');
  });

  it('drops every key and role of a deleted workspace', () => {
    const cache = new VerificationCache();
    cache.setKey('digest', key, cache.beginRead());
    cache.setRole('ws_1', 'usr_1', 'OWNER', cache.beginRead());
    cache.invalidate({ type: 'workspace-deleted', workspaceId: 'ws_1' });
    expect(cache.getKey('digest')).toBeUndefined();
    expect(cache.getRole('ws_1', 'usr_1')).toBeUndefined();
  });

  it('remembers unknown digests as null, separately from misses', () => {
    const cache = new VerificationCache();
    expect(cache.getKey('nope')).toBeUndefined();
    cache.setKey('nope', null, cache.beginRead());
    expect(cache.getKey('nope')).toBeNull();
  });

  it('distrusts entries older than tombstones it had to forget for room', () => {
    const cache = new VerificationCache({ maxTombstones: 2 });
    cache.setKey('digest', key, cache.beginRead());
    cache.invalidate({ type: 'key-deleted', keyId: 'key_a' });
    cache.invalidate({ type: 'key-deleted', keyId: 'key_b' });
    expect(cache.getKey('digest')).toEqual(key);
    cache.invalidate({ type: 'key-deleted', keyId: 'key_c' }); // key_a's tombstone is folded into the floor
    expect(cache.getKey('digest')).toBeUndefined();
    cache.setKey('digest', key, cache.beginRead());
    expect(cache.getKey('digest')).toEqual(key);
  });

  it('forgets tombstones older than the cache lifetime without distrusting newer entries', () => {
    const clock = new FakeClock();
    const cache = new VerificationCache({ ttlMs: 1000, maxTombstones: 2, clock });
    cache.invalidate({ type: 'key-deleted', keyId: 'key_a' });
    cache.invalidate({ type: 'key-deleted', keyId: 'key_b' });
    clock.advance(2000);
    cache.setKey('digest', key, cache.beginRead());
    cache.invalidate({ type: 'key-deleted', keyId: 'key_c' }); // key_a and key_b expire: no floor is raised
    expect(cache.getKey('digest')).toEqual(key);
  });
});
