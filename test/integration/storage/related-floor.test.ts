// The migration that follows the related-articles floor's rise (0.01 → 0.15): a database with
// stored lists gets one related.rebuild job, which drops the padding the old floor let in; a
// database without lists gets none.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { rebuildRelated } from '../../../src/domain/articles/index.js';
import { migrateToLatest } from '../../../src/storage/migrate.js';
import { createTestDatabase, makeHarness, postgresUrl, type TestDatabase } from '../../support/database.js';

const BEFORE = '2026-12-02-302-media-avif';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`related floor migration [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    const dbs: TestDatabase[] = [];
    after(() => Promise.all(dbs.map((d) => d.drop())));

    it('queues one rebuild where lists are stored, and the rebuild drops the padding', async () => {
      const db = await createTestDatabase(dialect, { migrate: false });
      dbs.push(db);
      const handle = db.storage.db;
      await migrateToLatest(handle, dialect, BEFORE);
      const now = new Date().toISOString();
      await handle.insertInto('editions').values({ code: 'en', native_name: 'English', english_name: 'English', direction: 'ltr', locale: 'en-GB', calendar: 'gregory', numbering: 'latn', time_zone: 'UTC', is_default: 1, position: 0, created_at: now }).execute();
      const ids: number[] = [];
      for (const [headline, text] of <Array<[string, string]>>[
        ['Metro line opens with eighteen stations', 'Trains run every four minutes between the railway station and the university.'],
        ['Blood donation week begins', 'Mobile clinics collect donations outside markets and stadiums.'],
      ]) {
        const story = await handle.insertInto('stories').values({ created_at: now }).returning('id').executeTakeFirstOrThrow();
        const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
        const row = await handle
          .insertInto('articles')
          .values({ story_id: story.id, edition_code: 'en', slug: `a-${story.id}`, status: 'published', headline, dek: '', dateline: '', credit_line: '', byline: '', body_doc: body, body_html: '', section_id: null, featured_media_id: null, comments_open: 1, version: 1, author_id: null, created_at: now, updated_at: now, scheduled_at: null, published_at: now, first_published_at: now, unpublished_at: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      const [a = 0, b = 0] = ids;
      // What the old floor stored: two unrelated articles listing each other.
      await handle.insertInto('related_articles').values([{ article_id: a, related_id: b, rank: 1, score: 0.02 }, { article_id: b, related_id: a, rank: 1, score: 0.02 }]).execute();

      await migrateToLatest(handle, dialect);
      const jobs = await handle.selectFrom('jobs').select(['kind', 'state', 'unique_key']).execute();
      assert.deepEqual(jobs, [{ kind: 'related.rebuild', state: 'pending', unique_key: 'migration:2026-12-03-401-related-floor' }]);

      await rebuildRelated(makeHarness(db).ctx());
      assert.deepEqual(await handle.selectFrom('related_articles').selectAll().execute(), [], 'no padding is stored again');
    });

    it('queues nothing for a database without stored lists', async () => {
      const db = await createTestDatabase(dialect);
      dbs.push(db);
      assert.deepEqual(await db.storage.db.selectFrom('jobs').select('kind').execute(), []);
    });
  });
}
