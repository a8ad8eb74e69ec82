// The newsroom's first schema: editions, taxonomy, entities, users, stories and articles with
// revisions, media, comments and curated blocks. Timestamps are ISO-8601 UTC text in both dialects
// (they sort as text, and keyset cursors compare them directly); booleans are 0/1 integers.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';
import { idColumn, sqlIn } from './helpers.js';

// Migrations act on tables that later migrations may change, so they use an untyped handle.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  const id = idColumn(dialect);

  await db.schema
    .createTable('editions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('native_name', 'text', (c) => c.notNull())
    .addColumn('english_name', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sqlIn('direction', ['ltr', 'rtl'])))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('calendar', 'text', (c) => c.notNull())
    .addColumn('numbering', 'text', (c) => c.notNull())
    // IANA zone in which the edition's readers see times, e.g. Asia/Tehran.
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sections')
    .addColumn('id', 'integer', id)
    .addColumn('edition_code', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('sections_edition_slug', ['edition_code', 'slug'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', id)
    .addColumn('edition_code', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('tags_edition_slug', ['edition_code', 'slug'])
    .execute();

  await db.schema
    .createTable('entities')
    .addColumn('id', 'integer', id)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['person', 'place', 'organisation'])))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // One primary name per entity and language, any number of aliases ("Deir ez-Zor", "Deir Ezzor").
  await db.schema
    .createTable('entity_names')
    .addColumn('id', 'integer', id)
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalized', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('entity_names_unique', ['entity_id', 'language', 'normalized'])
    .execute();
  await db.schema.createIndex('entity_names_lookup').on('entity_names').columns(['language', 'normalized']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sqlIn('role', ['admin', 'editor', 'reporter', 'translator', 'moderator'])),
    )
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Bearer tokens for the Admin API; only a SHA-256 of the token is stored.
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'integer', id)
    .addColumn('blob_key', 'text', (c) => c.notNull().unique())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Alt text and caption are language-dependent; the credit and the file are not.
  await db.schema
    .createTable('media_texts')
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('alt_text', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('media_texts_pk', ['media_id', 'language'])
    .execute();

  // A story groups the translations of one piece of news: at most one article per edition.
  await db.schema
    .createTable('stories')
    .addColumn('id', 'integer', id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'integer', id)
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id'))
    .addColumn('edition_code', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dateline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit_line', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('byline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_doc', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('featured_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'removed'])),
    )
    .addColumn('comments_open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('first_published_at', 'text')
    .addColumn('unpublished_at', 'text')
    .addUniqueConstraint('articles_edition_slug', ['edition_code', 'slug'])
    .addUniqueConstraint('articles_story_edition', ['story_id', 'edition_code'])
    .execute();
  // Keyset pagination of an edition's (and a section's) published articles, newest first.
  await db.schema
    .createIndex('articles_edition_feed')
    .on('articles')
    .columns(['edition_code', 'status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_section_feed')
    .on('articles')
    .columns(['section_id', 'status', 'published_at', 'id'])
    .execute();
  await db.schema.createIndex('articles_due').on('articles').columns(['status', 'scheduled_at']).execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('article_tags_by_tag').on('article_tags').columns(['tag_id', 'article_id']).execute();

  await db.schema
    .createTable('article_entities')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('article_entities_by_entity')
    .on('article_entities')
    .columns(['entity_id', 'article_id'])
    .execute();

  // Each revision is a full snapshot of the editable fields, so any one can be shown or restored alone.
  await db.schema
    .createTable('article_revisions')
    .addColumn('id', 'integer', id)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('editor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('editor_label', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('article_revisions_number', ['article_id', 'number'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', id)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    // Never selected by a public query: readers' addresses are shown to staff only.
    .addColumn('author_email', 'text', (c) => c.notNull())
    .addColumn('author_url', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['pending', 'approved', 'spam', 'trash'])),
    )
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_at', 'text')
    .execute();
  await db.schema.createIndex('comments_article').on('comments').columns(['article_id', 'status', 'id']).execute();
  await db.schema.createIndex('comments_queue').on('comments').columns(['status', 'created_at']).execute();

  // Curated blocks: the lead story, top stories and sidebar items of an edition.
  await db.schema
    .createTable('curated_blocks')
    .addColumn('id', 'integer', id)
    .addColumn('edition_code', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('slot', 'text', (c) => c.notNull().check(sqlIn('slot', ['lead', 'top', 'sidebar'])))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sqlIn('kind', ['article', 'cartoon', 'statement', 'banner', 'most_recent'])),
    )
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('cascade'))
    .addColumn('media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attribution', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('link_url', 'text')
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('curated_blocks_edition')
    .on('curated_blocks')
    .columns(['edition_code', 'slot', 'position'])
    .execute();
}
