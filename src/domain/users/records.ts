// Shapes and loaders shared by the users module's files: email normalisation, an account's
// edition limit, and the actor an account stands for.
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../core/context.js';
import type { DB } from '../../storage/schema.js';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The edition codes an account is limited to; undefined when it works in every edition. */
export async function loadEditionLimit(db: Kysely<DB>, userId: number): Promise<string[] | undefined> {
  const rows = await db.selectFrom('user_editions').select('edition_code').where('user_id', '=', userId).orderBy('edition_code').execute();
  return rows.length ? rows.map((r) => r.edition_code) : undefined;
}

export async function actorOf(db: Kysely<DB>, user: { id: number; role: Role; name: string }): Promise<Actor> {
  const editions = await loadEditionLimit(db, user.id);
  return editions ? { kind: 'user', id: user.id, role: user.role, name: user.name, editions } : { kind: 'user', id: user.id, role: user.role, name: user.name };
}

/** Replaces an account's edition limit (an empty list: every edition). */
export async function writeEditionLimit(db: Kysely<DB>, userId: number, editions: readonly string[]): Promise<void> {
  await db.deleteFrom('user_editions').where('user_id', '=', userId).execute();
  const unique = [...new Set(editions)];
  if (unique.length) await db.insertInto('user_editions').values(unique.map((edition_code) => ({ user_id: userId, edition_code }))).execute();
}
