// Migrations run from an empty database on every dialect, and a second run changes nothing.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../../../src/storage/migrate.js';
import { createTestDatabase, postgresUrl, type TestDatabase } from '../../support/database.js';

const EXPECTED = [
  'api_tokens', 'article_entities', 'article_revisions', 'article_tags', 'article_terms', 'articles', 'comment_attempts', 'comment_keys', 'comment_nonces', 'comment_settings', 'comment_spam_tokens', 'comments', 'curated_blocks',
  'editions', 'entities', 'entity_names', 'events', 'jobs', 'media', 'media_texts', 'media_variants', 'related_articles',
  'search_documents', 'search_terms', 'sections', 'site_identity', 'stories', 'tags', 'users',
  // newsroom sign-in (2026-12-03-201-sessions)
  'invitations', 'login_failures', 'recovery_codes', 'sessions', 'user_editions',
  // story screens: presence and corrections (2026-12-04-801-story)
  'article_corrections', 'article_presence',
  // which library images an article body shows (2026-12-04-901-article-media)
  'article_media',
  // breaking-news bar (2026-12-04-951-breaking-news)
  'breaking_news',
];
/**
 * SQLite's FTS5 indexes and the shadow tables FTS5 keeps them in: search_documents (search_fts)
 * and the newsroom list's trigram headline copy (articles_headline, 2026-12-04-601-article-list).
 */
const SQLITE_ONLY = [
  'search_fts', 'search_fts_config', 'search_fts_data', 'search_fts_docsize', 'search_fts_idx',
  'articles_headline', 'articles_headline_config', 'articles_headline_content', 'articles_headline_data', 'articles_headline_docsize', 'articles_headline_idx',
];

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`migrations [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    let db: TestDatabase | undefined;
    after(() => db?.drop());

    it('migrates an empty database to the latest schema, then does nothing on a second run', async () => {
      db = await createTestDatabase(dialect, { migrate: false });
      const applied = await migrateToLatest(db.storage.db, dialect);
      assert.ok(applied.length >= 1);
      assert.deepEqual(await migrateToLatest(db.storage.db, dialect), []);
      const tables = (await db.storage.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('schema_migrations'));
      assert.deepEqual(tables.sort(), [...EXPECTED, ...(dialect === 'sqlite' ? SQLITE_ONLY : [])].sort());
      // The adapter's statistics refresh runs on the fresh tables (used after bulk rebuilds).
      await db.storage.adapter.analyze(db.storage.db, ['article_terms', 'related_articles']);
    });

    it('enforces the closed sets and foreign keys in the database itself', async () => {
      assert.ok(db);
      const now = new Date().toISOString();
      await assert.rejects(
        sql`insert into editions (code, native_name, english_name, direction, locale, calendar, numbering, created_at)
            values ('xx', 'X', 'X', 'sideways', 'en', 'gregory', 'latn', ${now})`.execute(db.storage.db),
      );
      await assert.rejects(
        sql`insert into sections (edition_code, slug, name) values ('nope', 'a', 'A')`.execute(db.storage.db),
      );
    });
  });
}
