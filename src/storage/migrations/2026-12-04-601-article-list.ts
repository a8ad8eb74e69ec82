// The newsroom's article list (/admin/articles) at 100,000 articles: keyset pages on
// (updated_at, id), alone and after each equality filter the list has (edition, edition and
// status, author, section), so every page is an index range read newest first; and a
// contains-match on the headline in any script that an index answers. SQLite: an FTS5 table
// with the trigram tokenizer (case folded for every script) holding its own copy of each
// headline, kept in step by triggers: a needle too short for trigrams scans these few MB
// instead of the articles table with its bodies. PostgreSQL: a pg_trgm GIN index on
// lower(headline) (pg_trgm is a trusted extension: the database's owner may create it).
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.createIndex('articles_updated').on('articles').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('articles_edition_status_updated').on('articles').columns(['edition_code', 'status', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_author_updated').on('articles').columns(['author_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_edition_updated').on('articles').columns(['edition_code', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_section_updated').on('articles').columns(['section_id', 'updated_at', 'id']).execute();

  if (dialect === 'sqlite') {
    await sql`create virtual table articles_headline using fts5(headline, tokenize = 'trigram case_sensitive 0')`.execute(db);
    await sql`create trigger articles_headline_ai after insert on articles begin
      insert into articles_headline (rowid, headline) values (new.id, new.headline);
    end`.execute(db);
    await sql`create trigger articles_headline_ad after delete on articles begin
      delete from articles_headline where rowid = old.id;
    end`.execute(db);
    await sql`create trigger articles_headline_au after update of headline on articles begin
      update articles_headline set headline = new.headline where rowid = old.id;
    end`.execute(db);
    await sql`insert into articles_headline (rowid, headline) select id, headline from articles`.execute(db);
  } else {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index articles_headline_trgm on articles using gin (lower(headline) gin_trgm_ops)`.execute(db);
  }
}
