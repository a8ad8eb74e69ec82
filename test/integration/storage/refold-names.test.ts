// The migration that refolds stored entity names with core/text: keys folded the old way match
// again, aliases that now fold alike collapse onto the primary name, and a related-articles
// rebuild is queued for a database that has published articles.
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { describe } from 'node:test';
import { foldName } from '../../../src/core/text/index.js';
import { findEntitiesByName } from '../../../src/domain/editions/index.js';
import { migrateToLatest } from '../../../src/storage/migrate.js';
import { createTestDatabase, makeHarness, postgresUrl, type TestDatabase } from '../../support/database.js';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`refolding entity names [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    let db: TestDatabase | undefined;
    after(() => db?.drop());

    it('rewrites old keys, drops aliases that became equal, and queues a rebuild', async () => {
      db = await createTestDatabase(dialect, { migrate: false });
      const handle = db.storage.db;
      await migrateToLatest(handle, dialect, '2026-12-02-001-outbox');
      const now = new Date().toISOString();
      await handle.insertInto('editions').values({ code: 'ar', native_name: 'العربية', english_name: 'Arabic', direction: 'rtl', locale: 'ar-EG', calendar: 'gregory', numbering: 'arab', time_zone: 'UTC', is_default: 1, position: 0, created_at: now }).execute();
      const entity = await handle.insertInto('entities').values({ key: 'hama', kind: 'place', created_at: now }).returning('id').executeTakeFirstOrThrow();
      // Keys as the old normalizer wrote them: teh marbuta kept, the two spellings distinct.
      await handle
        .insertInto('entity_names')
        .values([
          { entity_id: entity.id, language: 'ar', name: 'حماة', normalized: 'حماة', is_primary: 1 },
          { entity_id: entity.id, language: 'ar', name: 'حماه', normalized: 'حماه', is_primary: 0 },
          { entity_id: entity.id, language: 'ar', name: 'Ḥamāh', normalized: 'xhamah', is_primary: 0 },
        ])
        .execute();
      const story = await handle.insertInto('stories').values({ created_at: now }).returning('id').executeTakeFirstOrThrow();
      await handle.insertInto('articles').values({ story_id: story.id, edition_code: 'ar', slug: 'x', status: 'published', headline: 'خبر', dek: '', dateline: '', credit_line: '', byline: '', body_doc: '{"type":"doc","content":[]}', body_html: '', section_id: null, featured_media_id: null, comments_open: 1, version: 1, author_id: null, created_at: now, updated_at: now, scheduled_at: null, published_at: now, first_published_at: now, unpublished_at: null }).execute();

      await migrateToLatest(handle, dialect);

      const names = await handle.selectFrom('entity_names').select(['name', 'normalized', 'is_primary']).where('entity_id', '=', entity.id).orderBy('id').execute();
      assert.deepEqual(
        names.map((n) => n.name),
        ['حماة', 'Ḥamāh'],
        'the alias that now folds like the primary name is gone',
      );
      for (const n of names) assert.equal(n.normalized, foldName(n.name));
      const ctx = makeHarness(db).ctx();
      assert.deepEqual(await findEntitiesByName(ctx, 'ar', 'حماه'), [entity.id], 'either spelling finds the place');
      assert.deepEqual(await findEntitiesByName(ctx, 'ar', 'hamah'), [entity.id]);
      const jobs = await handle.selectFrom('jobs').select(['kind', 'state']).execute();
      assert.deepEqual(jobs, [{ kind: 'related.rebuild', state: 'pending' }]);
    });
  });
}
