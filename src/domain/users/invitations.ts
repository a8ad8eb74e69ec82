// One-time invitations: an admin names an email, a role and editions; the link carries a random
// token (only its hash is stored) valid for INVITATION_TTL_MS and usable once. The invitee sets
// their name and password; no email server is involved (the CLI prints the link, the UI shows it).
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../core/context.js';
import { DomainError, invalid, type FieldProblem } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { assertSystemOrRole } from '../editions/index.js';
import { accessProblems } from './accounts.js';
import { hashPassword, passwordProblems } from './passwords.js';
import { EMAIL, normalizeEmail, writeEditionLimit } from './records.js';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
export const INVITATION_PATH = '/admin/invite/';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface Invitation {
  token: string;
  email: string;
  role: Role;
  editions: string[];
  expiresAt: string;
}

export async function createInvitation(ctx: DbCtx, input: { email: string; role: string; editions?: readonly string[] }): Promise<Invitation> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const email = normalizeEmail(input.email);
  const editions = [...new Set(input.editions ?? [])];
  const problems: FieldProblem[] = [];
  if (!EMAIL.test(email) || email.length > 254) problems.push({ field: 'email', key: 'errors.user.email' });
  problems.push(...(await accessProblems(ctx, { role: input.role, editions })));
  if (problems.length) throw invalid('USER_INVALID', problems);
  const taken = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new DomainError('Conflict', 'USER_EMAIL_TAKEN', { fields: [{ field: 'email', key: 'errors.user.email_taken' }] });
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
  await ctx.db
    .insertInto('invitations')
    .values({
      token_hash: hashOf(token),
      email,
      role: input.role as Role,
      editions: editions.join(','),
      created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, email, role: input.role as Role, editions, expiresAt };
}

async function usable(ctx: DbCtx, token: string) {
  const row = TOKEN.test(token) ? await ctx.db.selectFrom('invitations').selectAll().where('token_hash', '=', hashOf(token)).executeTakeFirst() : undefined;
  if (!row) throw new DomainError('NotFound', 'INVITATION_NOT_FOUND');
  if (row.used_at !== null) throw new DomainError('Gone', 'INVITATION_USED');
  if (row.expires_at <= ctx.clock.now().toISOString()) throw new DomainError('Gone', 'INVITATION_EXPIRED');
  return row;
}

/** What the invitation is for (the invitee's form), or NotFound / Gone. */
export async function getInvitation(ctx: DbCtx, token: string): Promise<{ email: string; role: Role }> {
  const row = await usable(ctx, token);
  return { email: row.email, role: row.role };
}

/** The invitee's name and password make the account; the invitation is spent in the same transaction. */
export async function acceptInvitation(ctx: DbCtx, token: string, input: { name: string; password: string }): Promise<{ id: number; email: string }> {
  const row = await usable(ctx, token);
  const name = cleanLine(input.name);
  const problems: FieldProblem[] = [];
  if (!name || name.length > 120) problems.push({ field: 'name', key: 'errors.user.name' });
  problems.push(...passwordProblems(input.password, { email: row.email, name }));
  if (problems.length) throw invalid('USER_INVALID', problems);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now().toISOString();
    const spent = await trx
      .updateTable('invitations')
      .set({ used_at: now })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) throw new DomainError('Gone', 'INVITATION_USED');
    const taken = await trx.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst();
    if (taken) throw new DomainError('Conflict', 'USER_EMAIL_TAKEN', { fields: [{ field: 'email', key: 'errors.user.email_taken' }] });
    const user = await trx
      .insertInto('users')
      .values({ email: row.email, name, role: row.role, password_hash: passwordHash, must_change_password: 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeEditionLimit(trx, user.id, row.editions ? row.editions.split(',') : []);
    return { id: user.id, email: row.email };
  });
}
