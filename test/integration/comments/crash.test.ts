// SIGKILL of the server during a burst of comment posts loses no acknowledged comment, and the
// jobs their events cause (moderator notifications) run once a server starts again, on every dialect.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { createDatabase } from '../../../src/storage/database.js';
import { createTestDatabase, makeHarness, postgresUrl, type TestDatabase } from '../../support/database.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';
import { startServer } from '../../support/server.js';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`crash during comment posts [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    let db: TestDatabase | undefined;
    after(() => db?.drop());

    it('keeps every acknowledged comment and runs its jobs after restart', async () => {
      db = await createTestDatabase(dialect);
      const h = makeHarness(db);
      h.clock.set(new Date(Date.now() - 60_000).toISOString());
      const ctx = h.ctx();
      await threeEditions(ctx);
      const article = await anArticle(ctx);
      await publishArticle(ctx, article.id);
      // A job the killed server was running is taken over once its lease (2 s here) runs out.
      const env = { ...db.env, COMMENT_RATE_ADDRESS: '100000', COMMENT_RATE_ARTICLE: '100000', JOB_LEASE_SECONDS: '2' };
      const server = await startServer(env);
      const acknowledged = new Set<number>();
      let stop = false;
      let n = 0;
      const writer = async (lane: number) => {
        while (!stop) {
          try {
            const { token } = (await (await fetch(`${server.url}/en/news/${article.id}/comments/token`)).json()) as { token: string };
            const i = n++;
            const response = await fetch(`${server.url}/en/news/${article.id}/comments`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', accept: 'application/json' },
              body: JSON.stringify({ token, name: `Lane ${lane}`, email: `crash${i}@example.org`, comment: `Crash comment ${i} from lane ${lane}`, homepage: '' }),
            });
            if (response.status !== 201) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
            const { comment } = (await response.json()) as { comment: { id: number } };
            acknowledged.add(comment.id);
          } catch (error) {
            if (stop) return;
            throw error;
          }
        }
      };
      const lanes = Array.from({ length: 6 }, (_, i) => writer(i));
      const started = Date.now();
      while (acknowledged.size < 80 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
      stop = true;
      server.child.kill('SIGKILL');
      await Promise.all(lanes);
      await new Promise((resolve) => (server.child.exitCode !== null || server.child.signalCode !== null ? resolve(null) : server.child.once('exit', resolve)));
      assert.ok(acknowledged.size >= 30, `only ${acknowledged.size} comments were acknowledged before the kill`);

      await db.storage.close();
      db.storage = await createDatabase({ databaseUrl: dialect === 'postgres' ? db.location : undefined, sqlitePath: db.location });
      const rows = await db.storage.db.selectFrom('comments').select('id').where('id', 'in', [...acknowledged]).execute();
      assert.equal(rows.length, acknowledged.size, 'every acknowledged comment is stored');

      const again = await startServer(env);
      try {
        const done = async () => {
          const jobs = await db!.storage.db.selectFrom('jobs').select(['payload', 'state']).where('kind', '=', 'comments.notify-moderators').execute();
          const finished = new Set(jobs.filter((j) => j.state === 'done').map((j) => (JSON.parse(j.payload) as { commentId: number }).commentId));
          return [...acknowledged].filter((id) => !finished.has(id));
        };
        let missing = await done();
        for (let i = 0; i < 250 && missing.length; i++) {
          await new Promise((r) => setTimeout(r, 100));
          missing = await done();
        }
        assert.deepEqual(missing, [], 'each acknowledged comment’s notification job ran after the restart');
      } finally {
        again.child.kill('SIGTERM');
      }
    });
  });
}
