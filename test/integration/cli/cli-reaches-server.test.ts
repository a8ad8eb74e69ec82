// A write made by the CLI reaches a running server through the outbox: the server drops the cached
// pages it made stale (and reloads its editions), on SQLite (the server polls the file) and PostgreSQL (woken by NOTIFY).
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

    it('serves an edition and a section the CLI adds, within seconds', async () => {
      assert.ok(server && db);
      const base = server.url;
      const waitFor = async (check: () => Promise<boolean>) => {
        for (let i = 0; i < 50; i++) {
          if (await check()) return true;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return false;
      };
      assert.equal((await fetch(`${base}/de/`)).status, 404, 'no German edition yet');
      const edition = await runCli(['edition', 'create', '--code', 'de', '--name', 'Deutsch'], db.env);
      assert.equal(edition.code, 0, edition.stderr);
      assert.ok(await waitFor(async () => (await fetch(`${base}/de/`)).status === 200), 'the new edition answers within 5 s, not at the 30 s refresh');

      const home = async () => (await fetch(`${base}/en/`)).headers.get('x-cache');
      await home();
      assert.equal(await home(), 'hit', 'the English front page is cached');
      const section = await runCli(['section', 'create', '--edition', 'en', '--name', 'Harbour Affairs'], db.env);
      assert.equal(section.code, 0, section.stderr);
      assert.ok(await waitFor(async () => (await home()) === 'miss'), 'the front page, which lists sections, was dropped');
      assert.equal((await fetch(`${base}/en/section/harbour-affairs`)).status, 200, 'the new section has its page');
    });
  });
}
