// Newsroom sign-in: sessions stored in the database (only a hash of each session id), sign-in
// failures for throttling across servers, edition limits of accounts, TOTP recovery codes and
// one-time invitations; users gain a forced-password-change flag, a pending TOTP secret, the last
// TOTP step used (no replay) and an interface language.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';
import { idColumn, sqlIn } from './helpers.js';

const ROLES = ['admin', 'editor', 'reporter', 'translator', 'moderator'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const id = idColumn(dialect);
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema.alterTable('users').addColumn('interface_language', 'text').execute();

  await db.schema
    .createTable('user_editions')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('edition_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_editions_pk', ['user_id', 'edition_code'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', id)
    // SHA-256 of the cookie's value: a copy of the table names no one's session.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // 'second_factor': the password was right and the TOTP code is still to come.
    .addColumn('stage', 'text', (c) => c.notNull().check(sqlIn('stage', ['second_factor', 'signed_in'])))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'integer', id)
    // "account:<sha256 of the email>" or "ip:<sha256 of the address>".
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key').on('login_failures').columns(['key', 'failed_at']).execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'integer', id)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ROLES)))
    // Edition codes, comma-separated; empty for every edition.
    .addColumn('editions', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
}
