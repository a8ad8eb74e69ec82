// The breaking-news bar of an edition: one short line, an optional link and an expiry time, shown
// above the header of every public page of the edition until it expires. A change records
// site.changed for the edition: every server reloads the site chrome it holds in memory and drops
// the pages that showed the old bar. Expiry needs no event: the chrome hides an expired bar, and
// the page cache keeps no page past the expiry of the bar it shows (web/site).
import { invalid, type FieldProblem } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertInEdition, assertSystemOrRole, getEdition } from '../editions/index.js';
import { CURATORS, isBlockLink } from './commands.js';

export const BREAKING_LIMITS = { text: 160, link: 2048, days: 7 } as const;

export interface Breaking {
  edition: string;
  text: string;
  linkUrl: string | null;
  expiresAt: string;
}

export interface BreakingInput {
  text: string;
  linkUrl?: string | null;
  expiresAt: Date | null;
}

/** Every edition's bar, expired ones included (the site chrome filters by its clock). No actor check: public data. */
export async function listBreaking(ctx: Pick<DbCtx, 'db'>): Promise<Breaking[]> {
  const rows = await ctx.db.selectFrom('breaking_news').selectAll().orderBy('edition_code').execute();
  return rows.map((r) => ({ edition: r.edition_code, text: r.text, linkUrl: r.link_url, expiresAt: r.expires_at }));
}

/** The edition's bar if it has not expired yet. */
export async function findBreaking(ctx: DbCtx, edition: string): Promise<Breaking | undefined> {
  const row = await ctx.db.selectFrom('breaking_news').selectAll().where('edition_code', '=', edition).where('expires_at', '>', ctx.clock.now().toISOString()).executeTakeFirst();
  return row ? { edition: row.edition_code, text: row.text, linkUrl: row.link_url, expiresAt: row.expires_at } : undefined;
}

export async function setBreaking(ctx: DbCtx, edition: string, input: BreakingInput): Promise<void> {
  assertSystemOrRole(ctx.actor, CURATORS);
  assertInEdition(ctx.actor, edition);
  await getEdition(ctx.db, edition);
  const now = ctx.clock.now();
  const text = cleanLine(input.text);
  const link = input.linkUrl?.trim() || null;
  const problems: FieldProblem[] = [];
  if (!text) problems.push({ field: 'text', key: 'errors.field.required' });
  else if (text.length > BREAKING_LIMITS.text) problems.push({ field: 'text', key: 'errors.field.too_long', params: { max: BREAKING_LIMITS.text } });
  if (link && !isBlockLink(link)) problems.push({ field: 'linkUrl', key: 'errors.body.link' });
  if (!input.expiresAt) problems.push({ field: 'expiresAt', key: 'errors.field.required' });
  else if (input.expiresAt <= now) problems.push({ field: 'expiresAt', key: 'setup.error.past' });
  else if (input.expiresAt.getTime() - now.getTime() > BREAKING_LIMITS.days * 86_400_000) problems.push({ field: 'expiresAt', key: 'setup.error.too_far', params: { days: BREAKING_LIMITS.days } });
  if (problems.length || !input.expiresAt) throw invalid('BREAKING_INVALID', problems);
  const values = { text, link_url: link, expires_at: input.expiresAt.toISOString(), updated_at: now.toISOString() };
  await transact(ctx, async (trx, record) => {
    await trx
      .insertInto('breaking_news')
      .values({ edition_code: edition, ...values })
      .onConflict((oc) => oc.column('edition_code').doUpdateSet(values))
      .execute();
    await record('site.changed', { scope: edition });
  });
}

export async function clearBreaking(ctx: DbCtx, edition: string): Promise<void> {
  assertSystemOrRole(ctx.actor, CURATORS);
  assertInEdition(ctx.actor, edition);
  await transact(ctx, async (trx, record) => {
    const gone = await trx.deleteFrom('breaking_news').where('edition_code', '=', edition).executeTakeFirst();
    if (Number(gone.numDeletedRows) > 0) await record('site.changed', { scope: edition });
  });
}
