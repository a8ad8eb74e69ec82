// A crash (SIGKILL of the server during a burst of article writes) loses no acknowledged write,
// on every dialect.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApiToken, createUser } from '../../../src/domain/users/index.js';
import { createDatabase } from '../../../src/storage/database.js';
import { createTestDatabase, makeHarness, postgresUrl, type TestDatabase } from '../../support/database.js';
import { threeEditions } from '../../fixtures/factories.js';
import { startServer } from '../../support/server.js';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`crash during writes [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    let db: TestDatabase | undefined;
    after(() => db?.drop());

    it('keeps every write the server acknowledged before it was killed', async () => {
      db = await createTestDatabase(dialect);
      const ctx = makeHarness(db).ctx();
      await threeEditions(ctx);
      await createUser(ctx, { email: 'ed@example.org', name: 'Editor', role: 'editor', password: 'correct horse battery' });
      const token = await createApiToken(ctx, { email: 'ed@example.org', name: 'crash test' });

      const server = await startServer(db.env);
      const acknowledged = new Map<number, string>();
      let attempted = 0;
      let stop = false;
      const writer = async (lane: number) => {
        while (!stop) {
          const headline = `Crash test lane ${lane} write ${attempted++}`;
          try {
            const response = await fetch(`${server.url}/api/admin/v1/articles`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ edition: 'en', headline, body: 'Body text.' }),
            });
            if (response.status !== 201) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
            const { article } = (await response.json()) as { article: { id: number } };
            acknowledged.set(article.id, headline);
          } catch (error) {
            if (stop) return; // the server is gone: unacknowledged writes may or may not exist
            throw error;
          }
        }
      };
      const lanes = Array.from({ length: 8 }, (_, i) => writer(i));
      const started = Date.now();
      while (acknowledged.size < 150 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
      stop = true;
      server.child.kill('SIGKILL');
      await Promise.all(lanes);
      await new Promise((resolve) => (server.child.exitCode !== null || server.child.signalCode !== null ? resolve(null) : server.child.once('exit', resolve)));
      assert.ok(acknowledged.size >= 50, `only ${acknowledged.size} writes were acknowledged before the kill`);

      // Reopen the database as a fresh process would.
      await db.storage.close();
      const reopened = await createDatabase({ databaseUrl: dialect === 'postgres' ? db.location : undefined, sqlitePath: db.location });
      db.storage = reopened;
      if (dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(reopened.db);
        assert.equal(check.rows[0]?.integrity_check, 'ok');
      }
      const rows = await reopened.db.selectFrom('articles').select(['id', 'headline']).where('id', 'in', [...acknowledged.keys()]).execute();
      const stored = new Map(rows.map((r) => [r.id, r.headline]));
      const lost = [...acknowledged].filter(([id, headline]) => stored.get(id) !== headline);
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged writes were lost`);
      const revisions = await reopened.db.selectFrom('article_revisions').select('article_id').where('article_id', 'in', [...acknowledged.keys()]).execute();
      assert.equal(revisions.length, acknowledged.size, 'each acknowledged article kept its first revision');
    });
  });
}
