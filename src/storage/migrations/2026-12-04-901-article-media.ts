// Which images an article's body shows (its image blocks), kept beside the body by every save,
// so "used in" and the refusal to delete an image in use are one indexed query, not a scan of
// every body's JSON. Bodies stored before image blocks existed have none: nothing to backfill.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('article_media')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_media_pk', ['article_id', 'media_id'])
    .execute();
  await db.schema.createIndex('article_media_by_media').on('article_media').columns(['media_id', 'article_id']).execute();
  // The library pages newest first by id and searches credits; captions and alt text live in media_texts.
  await db.schema.createIndex('media_texts_by_media').on('media_texts').columns(['media_id']).execute();
}
