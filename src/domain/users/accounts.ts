// What an account does to itself (change its password, choose its interface language) and what an
// admin does to accounts (role and edition limit, deactivation, which ends its sessions at once).
import { ROLES, type Role } from '../../core/context.js';
import { DomainError, invalid, type FieldProblem } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { assertSystemOrRole, listEditions } from '../editions/index.js';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { loadEditionLimit, writeEditionLimit } from './records.js';
import { endOtherSessions } from './sessions.js';

/** Interface languages of the newsroom (the shipped catalogs). */
export const INTERFACE_LANGUAGES = ['en', 'fa', 'ar', 'fr', 'es', 'ur'] as const;

function selfOf(ctx: DbCtx): number {
  if (ctx.actor.kind !== 'user') throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
  return ctx.actor.id;
}

/**
 * The actor's own password: the current one is required, the new one must pass the strength
 * rules and differ from it. Every other session of the account ends; `keep` stays signed in.
 */
export async function changePassword(ctx: DbCtx, input: { current: string; next: string; keep?: string | undefined }): Promise<void> {
  const id = selfOf(ctx);
  const row = await ctx.db.selectFrom('users').select(['email', 'name', 'password_hash']).where('id', '=', id).executeTakeFirstOrThrow();
  const problems: FieldProblem[] = [];
  if (!(await verifyPassword(row.password_hash, input.current.slice(0, 1024)))) problems.push({ field: 'current', key: 'errors.password.current' });
  problems.push(...passwordProblems(input.next, row, 'next'));
  if (!problems.length && input.next === input.current) problems.push({ field: 'next', key: 'errors.password.same' });
  if (problems.length) throw invalid('PASSWORD_INVALID', problems);
  await ctx.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.next), must_change_password: 0, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
  await endOtherSessions(ctx, id, input.keep);
}

export async function setInterfaceLanguage(ctx: DbCtx, language: string): Promise<void> {
  const id = selfOf(ctx);
  const value = language === '' ? null : language;
  if (value !== null && !(INTERFACE_LANGUAGES as readonly string[]).includes(value)) {
    throw invalid('USER_INVALID', [{ field: 'language', key: 'errors.user.language' }]);
  }
  await ctx.db.updateTable('users').set({ interface_language: value, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
}

export interface Account {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  totpEnabled: boolean;
  /** Edition codes the account is limited to; empty for every edition. */
  editions: string[];
  createdAt: string;
}

/** Every account with its limit and two-factor state, for the admin's users screen. */
export async function listAccounts(ctx: DbCtx): Promise<Account[]> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const [rows, limits] = await Promise.all([
    ctx.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'disabled_at', 'totp_secret', 'created_at']).orderBy('id').execute(),
    ctx.db.selectFrom('user_editions').select(['user_id', 'edition_code']).orderBy('edition_code').execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    disabled: r.disabled_at !== null,
    totpEnabled: r.totp_secret !== null,
    editions: limits.filter((l) => l.user_id === r.id).map((l) => l.edition_code),
    createdAt: r.created_at,
  }));
}

/** Checks a role and a list of edition codes an admin typed; returns the problems. */
export async function accessProblems(ctx: DbCtx, input: { role: string; editions: readonly string[] }): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!(ROLES as readonly string[]).includes(input.role)) problems.push({ field: 'role', key: 'errors.user.role', params: { allowed: ROLES.join(', ') } });
  const known = new Set((await listEditions(ctx.db)).map((e) => e.code));
  const unknown = input.editions.filter((e) => !known.has(e));
  if (unknown.length) problems.push({ field: 'editions', key: 'errors.user.editions', params: { editions: unknown.join(', ') } });
  return problems;
}

/** An admin changes an account's role and edition limit. An admin cannot demote or limit themself (no lock-out). */
export async function updateAccess(ctx: DbCtx, userId: number, input: { role: string; editions: readonly string[] }): Promise<void> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const row = await ctx.db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();
  if (!row) throw new DomainError('NotFound', 'USER_NOT_FOUND');
  const problems = await accessProblems(ctx, input);
  if (problems.length) throw invalid('USER_INVALID', problems);
  if (ctx.actor.kind === 'user' && ctx.actor.id === userId && (input.role !== 'admin' || input.editions.length)) {
    throw new DomainError('Conflict', 'USER_SELF');
  }
  await ctx.db.updateTable('users').set({ role: input.role as Role, updated_at: ctx.clock.now().toISOString() }).where('id', '=', userId).execute();
  await writeEditionLimit(ctx.db, userId, input.editions);
}

/** Deactivates an account: its sessions end at once and its API tokens stop working. Not one's own. */
export async function deactivateUser(ctx: DbCtx, userId: number): Promise<void> {
  assertSystemOrRole(ctx.actor, ['admin']);
  if (ctx.actor.kind === 'user' && ctx.actor.id === userId) throw new DomainError('Conflict', 'USER_SELF');
  const now = ctx.clock.now().toISOString();
  const row = await ctx.db.selectFrom('users').select(['id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!row) throw new DomainError('NotFound', 'USER_NOT_FOUND');
  if (row.disabled_at === null) await ctx.db.updateTable('users').set({ disabled_at: now, updated_at: now }).where('id', '=', userId).execute();
  await ctx.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Lets a deactivated account sign in again (its old sessions stay ended). */
export async function reactivateUser(ctx: DbCtx, userId: number): Promise<void> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const result = await ctx.db.updateTable('users').set({ disabled_at: null, updated_at: ctx.clock.now().toISOString() }).where('id', '=', userId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('NotFound', 'USER_NOT_FOUND');
}

/** An account's id from its email (the CLI names accounts by email). */
export async function userIdByEmail(ctx: DbCtx, email: string): Promise<number> {
  const row = await ctx.db.selectFrom('users').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (!row) throw new DomainError('NotFound', 'USER_NOT_FOUND');
  return row.id;
}

export { loadEditionLimit };
