// Revisions, presence and the translation desk: who has an article open (one row per article and
// session, refreshed by a heartbeat, rows older than a minute ignored and pruned), and for a
// translation the source article and the source revision it was made from (the desk flags it
// outdated once the source has a newer revision).
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
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
