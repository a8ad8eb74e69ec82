// The failure limiter alone, on a fake clock: allowance, sliding expiry, Retry-After, separate
// clients, bounded memory, and no address kept in its keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { createFailureLimiter } from '../../../src/web/plugins/rate-limit.js';

const from = (ip: string) => ({ ip }) as FastifyRequest;

describe('failure limiter', () => {
  it('allows `limit` failures in the window, then gives the seconds until the oldest ages out', () => {
    let now = 1_000_000;
    const limiter = createFailureLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    const client = from('203.0.113.9');
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.retryAfter(client), undefined);
      limiter.fail(client);
      now += 10_000;
    }
    // Failures at 0 s, 10 s, 20 s; now 30 s: the first ages out at 60 s.
    assert.equal(limiter.retryAfter(client), 30);
    now += 29_000;
    assert.equal(limiter.retryAfter(client), 1);
    now += 1_000;
    assert.equal(limiter.retryAfter(client), undefined, 'the window slides: one failure aged out');
    limiter.fail(client);
    assert.equal(limiter.retryAfter(client), 10, 'and the next oldest decides the wait');
  });

  it('keeps clients apart and forgets them when their failures age out', () => {
    let now = 0;
    const limiter = createFailureLimiter({ limit: 1, windowMs: 1000, now: () => now });
    limiter.fail(from('198.51.100.1'));
    assert.notEqual(limiter.retryAfter(from('198.51.100.1')), undefined);
    assert.equal(limiter.retryAfter(from('198.51.100.2')), undefined);
    now += 1000;
    assert.equal(limiter.retryAfter(from('198.51.100.1')), undefined);
    assert.equal(limiter.size(), 0);
  });

  it('remembers at most maxClients, dropping the least recently failing', () => {
    const limiter = createFailureLimiter({ limit: 1, windowMs: 60_000, maxClients: 100, now: () => 0 });
    for (let i = 0; i < 1000; i++) limiter.fail(from(`10.0.${i >> 8}.${i & 255}`));
    assert.equal(limiter.size(), 100);
    assert.equal(limiter.retryAfter(from('10.0.0.0')), undefined, 'the oldest was forgotten');
    assert.notEqual(limiter.retryAfter(from('10.0.3.231')), undefined, 'the newest is still held');
  });
});

describe('failure limiter: attempts that arrive together', () => {
  it('answers the wait from fail() once a failure goes beyond the allowance', () => {
    const limiter = createFailureLimiter({ limit: 2, windowMs: 60_000, now: () => 0 });
    const client = from('192.0.2.1');
    // Three attempts all passed retryAfter() before any failed.
    assert.deepEqual([limiter.fail(client), limiter.fail(client), limiter.fail(client)], [undefined, undefined, 60]);
  });
});
