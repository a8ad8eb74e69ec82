// Accounts: creation with validated email, role and password; API tokens for the Admin API.
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Actor, type Role } from '../../core/context.js';
import { DomainError, invalid, type FieldProblem } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { assertSystemOrRole } from '../editions/index.js';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';

export interface NewUser {
  email: string;
  name: string;
  role: string;
  password: string;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

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
  return row ? { kind: 'user', id: row.id, role: row.role, name: row.name } : undefined;
}
