// Search learns spellings: each vocabulary word gets its transliteration key (core/text nameKey),
// so a query "Nourbakhsh" can reach the articles that wrote "Nurbakhsh", and documents start
// carrying the names and aliases of their linked entities. Existing words are keyed here; one
// search rebuild is queued so every document is remade with its entities' names.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';
import { nameKey } from '../../core/text/index.js';
import { queueMigrationJob } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('search_terms').addColumn('name_key', 'text').execute();
  await db.schema.createIndex('search_terms_by_name_key').on('search_terms').columns(['edition_code', 'name_key']).execute();

  const rows = (await db.selectFrom('search_terms').select(['edition_code', 'term']).execute()) as Array<{ edition_code: string; term: string }>;
  for (const row of rows) {
    const key = nameKey(row.term);
    if (key) await db.updateTable('search_terms').set({ name_key: key }).where('edition_code', '=', row.edition_code).where('term', '=', row.term).execute();
  }

  const indexed = await db.selectFrom('search_documents').select('article_id').limit(1).execute();
  if (indexed.length) await queueMigrationJob(db, 'search.rebuild', '2026-12-02-004-search-names');
}
