// Accounts: creation with validated email, role and password; API tokens for the Admin API (issue,
// list without their secrets, revoke, and when each was last used).
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Actor, type Role } from '../../core/context.js';
import { DomainError, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { assertSystemOrRole } from '../editions/index.js';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';
import { actorOf, EMAIL, normalizeEmail } from './records.js';

export interface NewUser {
  email: string;
  name: string;
  role: string;
  password: string;
  /** The password was chosen by someone else (the printed first-run password): replace it at first sign-in. */
  mustChangePassword?: boolean;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export { normalizeEmail };

export async function createUser(ctx: DbCtx, input: NewUser): Promise<User> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const email = normalizeEmail(input.email);
  const name = cleanLine(input.name);
  const problems: FieldProblem[] = [];
  if (!EMAIL.test(email) || email.length > 254) problems.push({ field: 'email', key: 'errors.user.email' });
  if (!name || name.length > 120) problems.push({ field: 'name', key: 'errors.user.name' });
  if (!(ROLES as readonly string[]).includes(input.role)) {
    problems.push({ field: 'role', key: 'errors.user.role', params: { allowed: ROLES.join(', ') } });
  }
  if (input.password.length < PASSWORD_MIN || input.password.length > PASSWORD_MAX) {
    problems.push({ field: 'password', key: 'errors.user.password_length', params: { min: PASSWORD_MIN, max: PASSWORD_MAX } });
  }
  if (problems.length) throw invalid('USER_INVALID', problems);

  const existing = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new DomainError('Conflict', 'USER_EMAIL_TAKEN', { fields: [{ field: 'email', key: 'errors.user.email_taken' }] });

  const now = ctx.clock.now().toISOString();
  const row = await ctx.db
    .insertInto('users')
    .values({
      email,
      name,
      role: input.role as Role,
      password_hash: await hashPassword(input.password),
      must_change_password: input.mustChangePassword ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, email, name, role: input.role as Role, disabled: false, createdAt: row.created_at };
}

export async function listUsers(ctx: DbCtx): Promise<User[]> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'disabled_at', 'created_at'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, disabled: r.disabled_at !== null, createdAt: r.created_at }));
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues a bearer token for the Admin API; the token is returned once and only its hash is kept. */
export async function createApiToken(ctx: DbCtx, input: { email: string; name: string }): Promise<string> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'disabled_at'])
    .where('email', '=', normalizeEmail(input.email))
    .executeTakeFirst();
  if (!user || user.disabled_at) throw new DomainError('NotFound', 'USER_NOT_FOUND');
  const token = `dl_${randomBytes(24).toString('base64url')}`;
  await ctx.db
    .insertInto('api_tokens')
    .values({ user_id: user.id, name: input.name.trim() || 'token', token_hash: hashToken(token), created_at: ctx.clock.now().toISOString() })
    .execute();
  return token;
}

/** The actor a bearer token stands for, or undefined for an unknown, revoked or disabled one. */
export async function findActorByToken(ctx: DbCtx, token: string): Promise<Actor | undefined> {
  if (!/^dl_[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  const row = await ctx.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.role', 'users.name'])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? actorOf(ctx.db, row) : undefined;
}

export interface ApiTokenInfo {
  id: number;
  userEmail: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Every token, or one user's, newest first: what it is and when it was used, never its secret. */
export async function listApiTokens(ctx: DbCtx, filter: { email?: string } = {}): Promise<ApiTokenInfo[]> {
  assertSystemOrRole(ctx.actor, ['admin']);
  let query = ctx.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'users.email', 'api_tokens.name', 'api_tokens.created_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at']);
  if (filter.email !== undefined) {
    const email = normalizeEmail(filter.email);
    const user = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!user) throw notFound('USER_NOT_FOUND');
    query = query.where('api_tokens.user_id', '=', user.id);
  }
  const rows = await query.orderBy('api_tokens.id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, userEmail: r.email, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

/** Revokes a token at once: the next request bearing it is refused. Revoking twice keeps the first time. */
export async function revokeApiToken(ctx: DbCtx, id: number): Promise<ApiTokenInfo> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const now = ctx.clock.now().toISOString();
  await ctx.db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  const [token] = (await listApiTokens(ctx)).filter((t) => t.id === id);
  if (!token) throw notFound('TOKEN_NOT_FOUND');
  return token;
}

/** A token's last use is written at most this often, so authentication stays a read. */
export const TOKEN_USE_PRECISION_MS = 60_000;
/** Token hash → when this process last wrote its use; bounded so a flood of tokens cannot grow it. */
const lastNoted = new Map<string, number>();
const LAST_NOTED_MAX = 10_000;

/**
 * Records that a token authenticated. At most one write a minute per token and process: the
 * memo answers the hot path without a query, and the WHERE clause keeps several servers from
 * writing the same minute twice. Call it only for a token findActorByToken accepted.
 */
export async function noteApiTokenUse(ctx: DbCtx, token: string): Promise<void> {
  const hash = hashToken(token);
  const now = ctx.clock.now();
  const last = lastNoted.get(hash);
  if (last !== undefined && now.getTime() - last < TOKEN_USE_PRECISION_MS) return;
  if (lastNoted.size >= LAST_NOTED_MAX) lastNoted.clear();
  lastNoted.set(hash, now.getTime());
  const cutoff = new Date(now.getTime() - TOKEN_USE_PRECISION_MS).toISOString();
  await ctx.db
    .updateTable('api_tokens')
    .set({ last_used_at: now.toISOString() })
    .where('token_hash', '=', hash)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', cutoff)]))
    .execute();
}
