/**
 * A key deleted while a read of it is in flight: requests that arrive after the deletion and its
 * invalidation must not share that read's (stale) answer. The deletion is made, deterministically, right
 * after the read returns and before the service sees it.
 */
import { describe, expect, it } from 'vitest';
import { useRaceDatabase } from '../test/after-next-read.js';
import { createKey, signUp, useHarness } from '../test/harness.js';
import type { VerifyResult } from './key-service.js';

const { between, db, other } = useRaceDatabase('api_keys');
const h = useHarness(() => ({ db: db() }));

describe('a key deleted while a read of it is in flight', () => {
  it('answers a request that arrives after the invalidation from a new read: unknown', async () => {
    const ada = await signUp(h.app, 'Ada');
    const { plaintext, key } = await createKey(h.app, ada);
    const { keys } = h.app.socifyr.services;
    let late: Promise<VerifyResult> | undefined;
    between.arm(async () => {
      // Another server deleted the key and said so; then a new request with it arrives.
      await other().deleteFrom('api_keys').where('id', '=', key.id).execute();
      await h.app.socifyr.bus.publish({ type: 'key-deleted', keyId: key.id });
      late = keys.verify(plaintext);
    });

    // The first request read the key before the deletion: it may pass, as it came first.
    expect(await keys.verify(plaintext)).toMatchObject({ ok: true });
    expect(await late).toEqual({ ok: false, reason: 'unknown' });
    expect(await keys.verify(plaintext)).toEqual({ ok: false, reason: 'unknown' });
  });
});
