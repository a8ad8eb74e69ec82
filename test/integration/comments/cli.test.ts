// `dateline comments …` in a child process on every dialect: list with filters, approve by id and
// --all, spam, delete to the trash, export and erase by email; usage errors exit 2, nothing to do 1.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../../src/core/context.js';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { issueFormToken, submitComment } from '../../../src/domain/comments/index.js';
import { runCli } from '../../support/cli.js';
import { createTestDatabase, makeHarness, postgresUrl, type Harness, type TestDatabase } from '../../support/database.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`dateline comments [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    let db: TestDatabase;
    let h: Harness;
    const run = (...args: string[]) => runCli(['comments', ...args], db.env);
    const statusOf = async (id: number) => (await db.storage.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const ids: number[] = [];

    before(async () => {
      db = await createTestDatabase(dialect);
      h = makeHarness(db);
      // The real clock: the CLI runs in another process with its own.
      h.clock.set(new Date().toISOString());
      const ctx = h.ctx(systemActor('test'));
      await threeEditions(ctx);
      for (const edition of ['en', 'fa', 'fa']) {
        const a = await anArticle(ctx, { edition });
        await publishArticle(ctx, a.id);
        const token = await issueFormToken(ctx, a.id);
        h.clock.advance(5_000);
        const c = await submitComment(ctx, { edition, articleId: a.id, name: 'Cli Reader', email: `cli-${ids.length}@example.org`, website: '', body: `Comment ${ids.length} from the shell test`, honeypot: '', token, ip: `10.9.9.${ids.length}`, userAgent: 'test', notifyReplies: false, authorKey: `k${ids.length}`.padEnd(32, 'x') });
        ids.push(c.id);
      }
    });
    after(() => db.drop());

    it('lists with counts, filters by state and edition, and shows staff the email', async () => {
      const all = await run('list');
      assert.equal(all.code, 0, all.stderr);
      assert.match(all.stdout, /^pending 3 {2}approved 0 {2}spam 0 {2}trash 0$/m);
      assert.ok(all.stdout.includes('cli-0@example.org'));
      const fa = await run('list', '--state', 'pending', '--edition', 'fa');
      assert.equal(fa.stdout.split('\n').filter((l) => /^\s+\d+ {2}pending/.test(l)).length, 2);
      const bad = await run('list', '--state', 'lost');
      assert.equal(bad.code, 2);
      const unknown = await run('list', '--edition', 'xx');
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /EDITION_NOT_FOUND/);
    });

    it('approves by id and --all, marks spam, deletes to the trash', async () => {
      assert.equal((await run('approve', String(ids[0]))).code, 0);
      assert.equal(await statusOf(ids[0]!), 'approved');
      assert.equal((await run('spam', String(ids[1]))).code, 0);
      assert.equal(await statusOf(ids[1]!), 'spam');
      const all = await run('approve', '--all', '--edition', 'fa');
      assert.equal(all.code, 0, all.stderr);
      assert.equal(await statusOf(ids[2]!), 'approved');
      assert.equal((await run('approve', '--all')).code, 1, 'nothing pending is exit 1');
      assert.equal((await run('delete', String(ids[2]), String(ids[0]))).code, 0);
      assert.equal(await statusOf(ids[2]!), 'trash');
      assert.equal((await run('approve')).code, 2);
      assert.equal((await run('approve', 'abc')).code, 2);
      const missing = await run('spam', '999999');
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /COMMENT_NOT_FOUND/);
      const events = await db.storage.db.selectFrom('events').select('name').where('name', '=', 'comment.moderated').execute();
      assert.ok(events.length >= 4, 'each change is an event in the outbox (purged by every server)');
    });

    it('exports and erases by email', async () => {
      const exported = await run('export', '--email', 'CLI-0@example.org');
      assert.equal(exported.code, 0, exported.stderr);
      const data = JSON.parse(exported.stdout) as { comments: Array<{ email: string; body: string }> };
      assert.equal(data.comments[0]?.email, 'cli-0@example.org');
      assert.equal((await run('erase', '--email', 'cli-0@example.org')).code, 0);
      const row = await db.storage.db.selectFrom('comments').selectAll().where('id', '=', ids[0]!).executeTakeFirstOrThrow();
      assert.deepEqual([row.author_email, row.author_name, row.body, row.ip_hash], ['', '', '', '']);
      assert.ok(row.erased_at);
      assert.equal((await run('erase', '--email', 'cli-0@example.org')).code, 1);
      assert.equal((await run('export')).code, 2);
    });
  });
}
