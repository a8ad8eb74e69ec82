// A write made by the CLI reaches a running server through the outbox: the server drops the cached
// pages it made stale, on SQLite (the server polls the file) and PostgreSQL (woken by NOTIFY).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { runCli } from '../../support/cli.js';
import { createTestDatabase, makeHarness, postgresUrl, type TestDatabase } from '../../support/database.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';
import { startServer, type ServerProcess } from '../../support/server.js';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`CLI writes reach a running server [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    let db: TestDatabase | undefined;
    let server: ServerProcess | undefined;
    after(async () => {
      server?.child.kill('SIGKILL');
      await db?.drop();
    });

    it('purges the server’s cached article page after `dateline related rebuild`', async () => {
      db = await createTestDatabase(dialect);
      const ctx = makeHarness(db).ctx();
      await threeEditions(ctx);
      const ref = await anArticle(ctx, { headline: 'Night trains return to the coast line' });
      await publishArticle(ctx, ref.id);
      server = await startServer(db.env);
      const url = `${server.url}/en/news/${ref.id}/${ref.slug}`;
      const state = async () => (await fetch(url)).headers.get('x-cache');
      await state();
      assert.equal(await state(), 'hit', 'the page is cached before the CLI runs');

      const result = await runCli(['related', 'rebuild'], db.env);
      assert.equal(result.code, 0, result.stderr);

      let seen = await state();
      for (let i = 0; i < 50 && seen === 'hit'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        seen = await state();
      }
      assert.equal(seen, 'miss', 'the running server dropped the page within 5 s');
      assert.equal(await state(), 'hit', 'and caches it again');
    });
  });
}
