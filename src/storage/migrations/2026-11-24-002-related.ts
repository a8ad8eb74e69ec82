// Related articles: each published article's tf-idf term vector (the term index that candidate
// generation reads) and its precomputed related list, read at render time. Both are derived
// data: `rebuildRelated` can recreate them from the articles at any time.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

// Nothing here differs by dialect (plain integer, text and float columns), so the dialect that
// migrate.ts passes as the second argument is not needed.
export async function up(db: AnyDb): Promise<void> {
  // One row per (article, term): the weight is the term's share of the article's unit vector.
  // The edition is repeated here so the postings of a term stay within one edition's index range.
  await db.schema
    .createTable('article_terms')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('edition_code', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('term', 'text', (c) => c.notNull())
    // 4 bytes on PostgreSQL (8 on SQLite): ample for a weight, and the postings index stays small.
    .addColumn('weight', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_terms_pk', ['article_id', 'term'])
    .execute();
  // Postings of a term in an edition, heaviest first when read backwards; covering, so candidate
  // generation and document frequencies never touch the table itself.
  await db.schema
    .createIndex('article_terms_postings')
    .on('article_terms')
    .columns(['edition_code', 'term', 'weight', 'article_id'])
    .execute();

  await db.schema
    .createTable('related_articles')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('related_articles_pk', ['article_id', 'related_id'])
    .execute();
  // Which lists hold an article: read when it is unpublished or its text changes.
  await db.schema.createIndex('related_articles_by_related').on('related_articles').columns(['related_id', 'article_id']).execute();
}
