// The agency's identity as data: one row for the whole site (scope '*') and one per edition that
// overrides it field by field (a null column inherits). Logo and favicon bytes live in the blob
// store; the row holds their keys, types and sizes.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('site_identity')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('about', 'text')
    .addColumn('contact', 'text')
    .addColumn('corrections', 'text')
    .addColumn('terms', 'text')
    .addColumn('privacy', 'text')
    .addColumn('social', 'text')
    .addColumn('brand_color', 'text')
    .addColumn('logo_key', 'text')
    .addColumn('logo_type', 'text')
    .addColumn('logo_width', 'integer')
    .addColumn('logo_height', 'integer')
    .addColumn('favicon_key', 'text')
    .addColumn('favicon_type', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
