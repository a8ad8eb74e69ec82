// Image variants per format: each width is made in AVIF and WebP, so a variant is keyed by
// (media, format, width) instead of (media, width). The table is rebuilt (SQLite cannot change
// a primary key in place) with its rows; new uploads add the AVIF renditions.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('media_variants').renameTo('media_variants_by_width').execute();
  await db.schema
    .createTable('media_variants')
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    // Named apart from the old table's constraint: PostgreSQL names indexes schema-wide.
    .addPrimaryKeyConstraint('media_variants_format_pk', ['media_id', 'mime_type', 'width'])
    .addUniqueConstraint('media_variants_blob_key_unique', ['blob_key'])
    .execute();
  await sql`insert into media_variants (media_id, width, height, blob_key, mime_type, byte_size)
    select media_id, width, height, blob_key, mime_type, byte_size from media_variants_by_width`.execute(db);
  await db.schema.dropTable('media_variants_by_width').execute();
}
