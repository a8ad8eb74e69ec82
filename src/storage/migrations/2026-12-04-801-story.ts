// Revisions, presence and the translation desk: who has an article open (one row per article and
// session, refreshed by a heartbeat, rows older than a minute ignored and pruned), and for a
// translation the source article and the source revision it was made from (the desk flags it
// outdated once the source has a newer revision).
// Corrections: dated notes an editor adds to an article, shown on its public page.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';
import { idColumn } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('article_corrections')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('editor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('editor_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_corrections_article').on('article_corrections').columns(['article_id', 'created_at']).execute();

  await db.schema
    .createTable('article_presence')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Which open screen: a session (or token) of the account; never the session's secret.
    .addColumn('session_key', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_presence_pk', ['article_id', 'session_key'])
    .execute();
  await db.schema.createIndex('article_presence_seen').on('article_presence').column('seen_at').execute();

  await db.schema.alterTable('articles').addColumn('source_article_id', 'integer', (c) => c.references('articles.id').onDelete('set null')).execute();
  await db.schema.alterTable('articles').addColumn('source_revision', 'integer').execute();
}
