// API tokens for an operator: listed without their secret, revoked by number, and their last use
// recorded when they authenticate (at most once a minute per token, so the hot path stays a read).
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { after, before, it } from 'node:test';
import { createApiToken, createUser, listApiTokens, noteApiTokenUse, revokeApiToken, TOKEN_USE_PRECISION_MS } from '../../../src/domain/users/index.js';
import { isDomainError } from '../../../src/core/errors.js';
import { buildTestApp } from '../../support/app.js';
import { runCli } from '../../support/cli.js';
import { eachDialect, type Harness } from '../../support/database.js';
import { threeEditions } from '../../fixtures/factories.js';

const lastUsed = async (h: () => Harness, id: number) =>
  (await h().db.storage.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()).last_used_at;

eachDialect('API tokens', (h) => {
  let app: FastifyInstance;
  let secret: string;
  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    await createUser(ctx, { email: 'ed@example.org', name: 'Edna', role: 'editor', password: 'correct horse battery' });
    await createUser(ctx, { email: 'ops@example.org', name: 'Ops', role: 'admin', password: 'correct horse battery' });
    secret = await createApiToken(ctx, { email: 'ed@example.org', name: 'wire import' });
    await createApiToken(ctx, { email: 'ops@example.org', name: 'backup' });
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('records a token’s last use when it authenticates, at most once a minute', async () => {
    const [mine] = await listApiTokens(h().ctx(), { email: 'ed@example.org' });
    assert.ok(mine);
    assert.equal(mine.lastUsedAt, null);
    const headers = { authorization: `Bearer ${secret}` };
    assert.equal((await app.inject({ url: '/admin', headers })).statusCode, 200);
    const first = await lastUsed(h, mine.id);
    assert.equal(first, h().clock.now().toISOString(), 'the admin context recorded it');

    h().clock.advance(TOKEN_USE_PRECISION_MS / 2);
    assert.equal((await app.inject({ url: '/api/admin/v1/articles/999999', headers })).statusCode, 404, 'authenticated, then not found');
    assert.equal(await lastUsed(h, mine.id), first, 'not written again within the minute');

    h().clock.advance(TOKEN_USE_PRECISION_MS);
    assert.equal((await app.inject({ url: '/api/admin/v1/articles/999999', headers })).statusCode, 404);
    assert.equal(await lastUsed(h, mine.id), h().clock.now().toISOString(), 'the API context recorded it after the minute');

    // An unknown token changes nothing (and never throws).
    await noteApiTokenUse(h().ctx(), 'dl_not-a-real-token-at-all-000000000');
    assert.equal(await lastUsed(h, mine.id), h().clock.now().toISOString());
    assert.equal((await app.inject({ url: '/admin', headers: { authorization: 'Bearer dl_wrong' } })).statusCode, 401);
  });

  it('revokes a token at once; a second revocation keeps the first time; an unknown number is TOKEN_NOT_FOUND', async () => {
    const [mine] = await listApiTokens(h().ctx(), { email: 'ed@example.org' });
    assert.ok(mine);
    const revoked = await revokeApiToken(h().ctx(), mine.id);
    assert.equal(revoked.revokedAt, h().clock.now().toISOString());
    h().clock.advance(1000);
    assert.equal((await revokeApiToken(h().ctx(), mine.id)).revokedAt, revoked.revokedAt);
    assert.equal((await app.inject({ url: '/api/admin/v1/articles/1', headers: { authorization: `Bearer ${secret}` } })).statusCode, 401);
    await assert.rejects(revokeApiToken(h().ctx(), 999_999), (e: unknown) => isDomainError(e) && e.code === 'TOKEN_NOT_FOUND');
    await assert.rejects(listApiTokens(h().ctx(), { email: 'nobody@example.org' }), (e: unknown) => isDomainError(e) && e.code === 'USER_NOT_FOUND');
  });

  it('the CLI lists tokens without their secret, filters by user, and revokes by number', async () => {
    const env = h().db.env;
    const created = await runCli(['token', 'create', '--email', 'ops@example.org', '--name', 'deploy'], env);
    assert.equal(created.code, 0, created.stderr);
    const newSecret = created.stdout.trim();
    assert.match(newSecret, /^dl_[A-Za-z0-9_-]{32}$/);

    const list = await runCli(['token', 'list'], env);
    assert.equal(list.code, 0, list.stderr);
    const lines = list.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^\s+3\s+ops@example\.org\s+"deploy"\s+created \S+\s+last used never$/, 'newest first');
    assert.match(list.stdout, /^\s+1\s+ed@example\.org\s+"wire import"\s+created \S+\s+revoked \S+$/m);
    assert.ok(!list.stdout.includes(newSecret) && !list.stdout.includes(secret), 'never the secret');
    assert.doesNotMatch(list.stdout, /[0-9a-f]{64}/, 'nor its hash');

    const mine = await runCli(['token', 'list', '--user', 'ED@example.org'], env);
    assert.equal(mine.stdout.trim().split('\n').length, 1);
    const nobody = await runCli(['token', 'list', '--user', 'nobody@example.org'], env);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /\(USER_NOT_FOUND\)\n$/);

    const revoke = await runCli(['token', 'revoke', '3'], env);
    assert.equal(revoke.code, 0, revoke.stderr);
    assert.equal((await app.inject({ url: '/admin', headers: { authorization: `Bearer ${newSecret}` } })).statusCode, 401, 'refused from then on');
    const unknown = await runCli(['token', 'revoke', '999'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^[A-Z][^\n]+\. \(TOKEN_NOT_FOUND\)\n$/);
  });
});
