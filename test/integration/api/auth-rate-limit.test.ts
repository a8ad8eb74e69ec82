// Failed bearer tokens are rate limited per client address on every dialect: a burst of bad
// tokens turns into 429 with Retry-After, without the tokens being looked up; valid requests are
// never counted; X-Forwarded-For is not believed unless TRUST_PROXY says so (the default).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApiToken, createUser } from '../../../src/domain/users/index.js';
import { AUTH_FAILURES } from '../../../src/web/api/admin.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { threeEditions } from '../../fixtures/factories.js';

eachDialect('admin API: failed authentication is rate limited', (h) => {
  let app: FastifyInstance;
  let token: string;

  const ask = (authorization: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/api/admin/v1/articles', remoteAddress, headers: { authorization, ...headers } });

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    await createUser(ctx, { email: 'ed@example.org', name: 'Edna Editor', role: 'editor', password: 'correct horse battery' });
    token = await createApiToken(ctx, { email: 'ed@example.org', name: 'test' });
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('does not count valid requests, however many', async () => {
    for (let i = 0; i < AUTH_FAILURES.limit * 3; i++) assert.equal((await ask(`Bearer ${token}`, '192.0.2.10')).statusCode, 200);
    for (let i = 0; i < AUTH_FAILURES.limit; i++) assert.equal((await ask('Bearer dl_wrong', '192.0.2.10')).statusCode, 401);
  });

  it('turns a burst of 40 bad tokens into 401s up to the allowance, then 429 with Retry-After', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => ask(`Bearer dl_guess_${i}`, '192.0.2.20')));
    const statuses = responses.map((r) => r.statusCode);
    assert.equal(statuses.filter((s) => s === 401).length, AUTH_FAILURES.limit);
    assert.equal(statuses.filter((s) => s === 429).length, 40 - AUTH_FAILURES.limit);
    const limited = responses.find((r) => r.statusCode === 429)!;
    assert.equal(limited.json().errors[0].code, 'AUTH_RATE_LIMITED');
    const wait = Number(limited.headers['retry-after']);
    assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= AUTH_FAILURES.windowMs / 1000, `Retry-After ${wait}`);
    // Another client is not affected.
    assert.equal((await ask('Bearer dl_wrong', '192.0.2.21')).statusCode, 401);
    assert.equal((await ask(`Bearer ${token}`, '192.0.2.22')).statusCode, 200);
  });

  it('keys the limit on the connection, not on a forged X-Forwarded-For, when TRUST_PROXY is off', async () => {
    for (let i = 0; i < AUTH_FAILURES.limit; i++) await ask('Bearer dl_wrong', '192.0.2.30', { 'x-forwarded-for': `198.51.100.${i}` });
    const next = await ask('Bearer dl_wrong', '192.0.2.30', { 'x-forwarded-for': '198.51.100.200' });
    assert.equal(next.statusCode, 429);
  });
});
