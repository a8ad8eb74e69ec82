// The related-articles floor rose from 0.01 to 0.15 (RELATED.minScore, docs/related-articles.md):
// lists stored before it still hold the unrelated articles that padded them. Queue one rebuild,
// which recomputes every list under the new floor; a database with nothing published needs none.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';
import { queueMigrationJob } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  const listed = await db.selectFrom('related_articles').select('article_id').limit(1).execute();
  if (listed.length) await queueMigrationJob(db, 'related.rebuild', '2026-12-03-401-related-floor');
}
