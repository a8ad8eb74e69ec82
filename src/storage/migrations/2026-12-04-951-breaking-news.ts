// The breaking-news bar: at most one per edition, a short line with an optional link, shown above
// the header of every public page of the edition until it expires.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('breaking_news')
    .addColumn('edition_code', 'text', (c) => c.primaryKey().references('editions.code').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link_url', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
