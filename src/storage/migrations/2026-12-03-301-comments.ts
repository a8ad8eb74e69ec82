// Reader comments: threading (root and depth), the author's pending-view key, spam signals and
// reasons, reply-notification opt-in, erasure; per-edition comment settings; the rate-limit log
// (per hashed address and per article); used form-token nonces; the learning filter's token
// counts; and the keys that sign form tokens and salt hashes (one per database, shared by servers).
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';
import { sqlIn } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  const columns: Array<[string, 'integer' | 'text' | 'real', boolean]> = [
    ['root_id', 'integer', false],
    ['depth', 'integer', true],
    // Salted HMAC of the folded address: "known email", "known spam"; never shown, never public.
    ['email_key', 'text', true],
    // SHA-256 of the random key in the author's cookie: that browser (only) sees its pending comments.
    ['author_key_hash', 'text', false],
    ['notify_replies', 'integer', true],
    ['spam_score', 'real', true],
    ['reasons', 'text', true],
    // Folded text's hash: duplicates of a recent comment.
    ['body_key', 'text', true],
    ['trained_as', 'text', false],
    ['erased_at', 'text', false],
  ];
  for (const [name, type, notNull] of columns) {
    await db.schema
      .alterTable('comments')
      .addColumn(name, type, (c) => (notNull ? c.notNull().defaultTo(type === 'text' ? '' : 0) : c))
      .execute();
  }
  await db.schema.createIndex('comments_root').on('comments').columns(['root_id', 'id']).execute();
  await db.schema.createIndex('comments_email_key').on('comments').columns(['email_key', 'status']).execute();
  await db.schema.createIndex('comments_body_key').on('comments').columns(['body_key']).execute();
  await db.schema.createIndex('comments_ip_hash').on('comments').columns(['ip_hash', 'status']).execute();

  await db.schema
    .createTable('comment_settings')
    .addColumn('edition_code', 'text', (c) => c.primaryKey().references('editions.code').onDelete('cascade'))
    .addColumn('policy', 'text', (c) => c.notNull().defaultTo('hold_first').check(sqlIn('policy', ['hold_all', 'hold_first', 'approve_all'])))
    .addColumn('close_after_days', 'integer')
    // One word or phrase a line, matched after core/text folding.
    .addColumn('block_list', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('comment_attempts')
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comment_attempts_ip').on('comment_attempts').columns(['ip_hash', 'created_at']).execute();
  await db.schema.createIndex('comment_attempts_article').on('comment_attempts').columns(['article_id', 'created_at']).execute();

  await db.schema
    .createTable('comment_nonces')
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    // A page in the shared cache gives every reader the same nonce: a submission is identified by
    // the nonce, the client and the text, so two readers behind one address may both post.
    .addColumn('body_key', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text', (c) => c.notNull())
    // The comment the submission made: a repeated submission answers with it instead of a copy.
    .addColumn('comment_id', 'integer')
    .addPrimaryKeyConstraint('comment_nonces_pk', ['nonce', 'ip_hash', 'body_key'])
    .execute();

  await db.schema
    .createTable('comment_spam_tokens')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('spam', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ham', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('comment_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
