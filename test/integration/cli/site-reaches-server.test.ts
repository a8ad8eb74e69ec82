// `dateline site set` reaches a running server through the outbox: the server reloads the identity
// it holds in memory and drops its cached pages, so the cached front shows the new name within
// seconds; a new section joins the menu the same way. SQLite (the server polls) and PostgreSQL (NOTIFY).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runCli } from '../../support/cli.js';
import { createTestDatabase, makeHarness, postgresUrl, type TestDatabase } from '../../support/database.js';
import { threeEditions } from '../../fixtures/factories.js';
import { startServer, type ServerProcess } from '../../support/server.js';

const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 60; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
};

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`dateline site reaches a running server [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    let db: TestDatabase | undefined;
    let server: ServerProcess | undefined;
    after(async () => {
      server?.child.kill('SIGKILL');
      await db?.drop();
    });

    it('shows the new name on a cached page, and a new section in the menu', async () => {
      db = await createTestDatabase(dialect);
      await threeEditions(makeHarness(db).ctx());
      server = await startServer(db.env);
      const front = () => fetch(`${server!.url}/fa/`);
      await front();
      assert.equal((await front()).headers.get('x-cache'), 'hit', 'the front is cached before the CLI runs');

      const set = await runCli(['site', 'set', '--edition', 'fa', '--name', 'خبرگزاری خزر'], db.env);
      assert.equal(set.code, 0, set.stderr);
      assert.ok(await waitFor(async () => (await (await front()).text()).includes('<span class="brand-name" dir="auto">خبرگزاری خزر</span>')), 'within 6 s');
      assert.match(await (await fetch(`${server.url}/fa/feed.rss`)).text(), /<title>خبرگزاری خزر<\/title>/);

      const section = await runCli(['section', 'create', '--edition', 'fa', '--name', 'بندر'], db.env);
      assert.equal(section.code, 0, section.stderr);
      assert.ok(await waitFor(async () => /<nav class="section-menu"[^>]*>.*بندر/.test(await (await front()).text())), 'the menu follows');
    });
  });
}
