// The newsroom's article list (/admin/articles) at 100,000 articles: keyset pages on
// (updated_at, id), alone, within an edition and status, and within an author; and a
// contains-match on the headline in any script that an index answers. SQLite: an FTS5 table
// with the trigram tokenizer (case folded for every script) over articles.headline, kept in
// step by triggers. PostgreSQL: a pg_trgm GIN index on lower(headline) (pg_trgm is a trusted
// extension: the database's owner may create it).
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.createIndex('articles_updated').on('articles').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('articles_edition_status_updated').on('articles').columns(['edition_code', 'status', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_author_updated').on('articles').columns(['author_id', 'updated_at', 'id']).execute();

  if (dialect === 'sqlite') {
    // External content: the headline is stored once, in articles; the index holds its trigrams.
    await sql`create virtual table articles_headline using fts5(
      headline,
      content = 'articles',
      content_rowid = 'id',
      tokenize = 'trigram case_sensitive 0'
    )`.execute(db);
    await sql`create trigger articles_headline_ai after insert on articles begin
      insert into articles_headline (rowid, headline) values (new.id, new.headline);
    end`.execute(db);
    await sql`create trigger articles_headline_ad after delete on articles begin
      insert into articles_headline (articles_headline, rowid, headline) values ('delete', old.id, old.headline);
    end`.execute(db);
    await sql`create trigger articles_headline_au after update of headline on articles begin
      insert into articles_headline (articles_headline, rowid, headline) values ('delete', old.id, old.headline);
      insert into articles_headline (rowid, headline) values (new.id, new.headline);
    end`.execute(db);
    await sql`insert into articles_headline (articles_headline) values ('rebuild')`.execute(db);
  } else {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index articles_headline_trgm on articles using gin (lower(headline) gin_trgm_ops)`.execute(db);
  }
}
