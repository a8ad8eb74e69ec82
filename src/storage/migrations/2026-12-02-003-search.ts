// Search: one row per visible article with its folded, weighted terms (core/text's terms(), made
// by domain/search), the dialect's full-text index over them, and each edition's vocabulary for
// did-you-mean. All three are derived data: `rebuildSearchIndex` recreates them at any time.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('search_documents')
    // On SQLite an INTEGER PRIMARY KEY is the rowid, which the FTS5 index is keyed by.
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('edition_code', 'text', (c) => c.notNull().references('editions.code'))
    .addColumn('section_id', 'integer')
    // Space-separated terms: the headline's three times, the dek's twice, the body's once.
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute();
  // Date-sorted results and the date filters walk an edition's documents newest first.
  await db.schema.createIndex('search_documents_by_date').on('search_documents').columns(['edition_code', 'published_at']).execute();

  await db.schema
    .createTable('search_terms')
    .addColumn('edition_code', 'text', (c) => c.notNull().references('editions.code'))
    // Code-point order on PostgreSQL too (SQLite's is already), so that the range of terms
    // sharing a first letter, which did-you-mean reads, is one index range under any locale.
    .addColumn('term', dialect === 'postgres' ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_terms_pk', ['edition_code', 'term'])
    .execute();

  if (dialect === 'sqlite') {
    // External content: the terms are stored once, in search_documents, and the triggers keep
    // the index in step with every insert, upsert and delete (cascades included). The terms are
    // already folded and stemmed, so the tokenizer only splits them; marks are kept inside tokens
    // (the default categories would split scripts whose vowels are combining marks).
    await sql`create virtual table search_fts using fts5(
      terms,
      content = 'search_documents',
      content_rowid = 'article_id',
      tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
      prefix = '2 3'
    )`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts (rowid, terms) values (new.article_id, new.terms);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts (search_fts, rowid, terms) values ('delete', old.article_id, old.terms);
    end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts (search_fts, rowid, terms) values ('delete', old.article_id, old.terms);
      insert into search_fts (rowid, terms) values (new.article_id, new.terms);
    end`.execute(db);
  } else {
    // 'simple': lower case and no stemming or stopwords, which core/text has already applied.
    await sql`alter table search_documents add column search_vector tsvector generated always as (to_tsvector('simple', terms)) stored`.execute(db);
    await sql`create index search_documents_vector on search_documents using gin (search_vector)`.execute(db);
  }
}
