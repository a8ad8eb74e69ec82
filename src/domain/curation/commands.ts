// Curated blocks of an edition: the lead story, top stories and sidebar items (cartoon of the day,
// featured statement, campaign banner, most recent), each optionally bounded by a date range.
// Positions inside a slot are dense (0, 1, 2 …) and unique: every write renumbers the slot in the
// transaction that changes it, after taking the edition's row (a no-op UPDATE), so two writes to
// one edition's slots on PostgreSQL run one after the other instead of interleaving.
import { invalid, notFound, type FieldProblem } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact, type Trx } from '../../storage/outbox.js';
import { isSafeHref } from '../articles/index.js';
import { assertInEdition, assertSystemOrRole } from '../editions/index.js';

export type Slot = 'lead' | 'top' | 'sidebar';
export type BlockKind = 'article' | 'cartoon' | 'statement' | 'banner' | 'most_recent';
export const SLOTS: readonly Slot[] = ['lead', 'top', 'sidebar'];
export const SIDEBAR_KINDS: readonly BlockKind[] = ['cartoon', 'statement', 'banner', 'most_recent'];
export const CURATORS = ['admin', 'editor'] as const;

/** Lengths after cleaning (core/text cleanLine). */
export const BLOCK_LIMITS = { title: 200, body: 1000, attribution: 200, link: 2048 } as const;

/** What a block says; the edition, slot and kind are fixed once it exists. */
export interface BlockFields {
  articleId?: number | null;
  mediaId?: number | null;
  title?: string;
  body?: string;
  attribution?: string;
  linkUrl?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
}

export interface NewBlock extends BlockFields {
  edition: string;
  slot: Slot;
  kind: BlockKind;
  /** Where in the slot (0 first); the end when omitted. */
  position?: number;
}

/** A link a curated block may carry: a page of this site (`/path`) or an http(s) URL. */
export function isBlockLink(href: string): boolean {
  return href.length <= BLOCK_LIMITS.link && (href.startsWith('/') || /^https?:\/\//i.test(href)) && isSafeHref(href);
}

interface Clean {
  articleId: number | null;
  mediaId: number | null;
  title: string;
  body: string;
  attribution: string;
  linkUrl: string | null;
  startsAt: string | null;
  endsAt: string | null;
}

function cleanOf(input: BlockFields): Clean {
  const link = input.linkUrl?.trim();
  return {
    articleId: input.articleId ?? null,
    mediaId: input.mediaId ?? null,
    title: cleanLine(input.title ?? ''),
    body: cleanLine(input.body ?? ''),
    attribution: cleanLine(input.attribution ?? ''),
    linkUrl: link ? link : null,
    startsAt: input.startsAt?.toISOString() ?? null,
    endsAt: input.endsAt?.toISOString() ?? null,
  };
}

/** Every rule a block must meet, as field problems (the newsroom shows them beside the fields). */
async function problemsOf(trx: Trx, edition: string, slot: Slot, kind: BlockKind, b: Clean): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const front = slot === 'lead' || slot === 'top';
  if (front !== (kind === 'article')) problems.push({ field: 'kind', key: 'errors.field.type' });
  if (front && !b.articleId) problems.push({ field: 'articleId', key: 'errors.field.required' });
  if (kind === 'cartoon' && !b.mediaId) problems.push({ field: 'mediaId', key: 'errors.field.required' });
  if (kind === 'statement' && !b.body) problems.push({ field: 'body', key: 'errors.field.required' });
  if (kind === 'banner' && !b.title) problems.push({ field: 'title', key: 'errors.field.required' });
  if (kind === 'banner' && !b.linkUrl) problems.push({ field: 'linkUrl', key: 'errors.field.required' });
  for (const field of ['title', 'body', 'attribution'] as const) {
    if (b[field].length > BLOCK_LIMITS[field]) problems.push({ field, key: 'errors.field.too_long', params: { max: BLOCK_LIMITS[field] } });
  }
  if (b.linkUrl && !isBlockLink(b.linkUrl)) problems.push({ field: 'linkUrl', key: 'errors.body.link' });
  if (b.startsAt && b.endsAt && b.endsAt <= b.startsAt) problems.push({ field: 'endsAt', key: 'setup.error.ends_before' });
  if (front && b.articleId) {
    const article = await trx.selectFrom('articles').select('id').where('id', '=', b.articleId).where('edition_code', '=', edition).executeTakeFirst();
    if (!article) problems.push({ field: 'articleId', key: 'setup.error.article' });
  }
  if (kind === 'cartoon' && b.mediaId) {
    const media = await trx.selectFrom('media').select('id').where('id', '=', b.mediaId).executeTakeFirst();
    if (!media) problems.push({ field: 'mediaId', key: 'errors.article.media' });
  }
  return problems;
}

function assertCurator(ctx: DbCtx, edition: string): void {
  assertSystemOrRole(ctx.actor, CURATORS);
  assertInEdition(ctx.actor, edition);
}

/**
 * The ids of a slot in order, after taking the edition's row for this transaction: a no-op UPDATE,
 * which on PostgreSQL holds its row lock until commit, so curation writes of one edition run one
 * after the other (even two first blocks of an empty slot, which have no block row to lock yet).
 */
async function slotOrder(trx: Trx, edition: string, slot: Slot): Promise<number[]> {
  await trx.updateTable('editions').set((eb) => ({ position: eb.ref('position') })).where('code', '=', edition).execute();
  const rows = await trx.selectFrom('curated_blocks').select('id').where('edition_code', '=', edition).where('slot', '=', slot).orderBy('position').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Writes positions 0..n-1 in the given order, touching only rows whose position changes. */
async function renumber(trx: Trx, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await trx.selectFrom('curated_blocks').select(['id', 'position']).where('id', 'in', ids).execute();
  const at = new Map(rows.map((r) => [r.id, r.position]));
  for (const [position, id] of ids.entries()) {
    if (at.get(id) !== position) await trx.updateTable('curated_blocks').set({ position }).where('id', '=', id).execute();
  }
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, Math.trunc(n)));

export async function addBlock(ctx: DbCtx, input: NewBlock): Promise<number> {
  assertCurator(ctx, input.edition);
  if (!SLOTS.includes(input.slot)) throw invalid('BLOCK_INVALID', [{ field: 'slot', key: 'errors.field.type' }]);
  const b = cleanOf(input);
  const now = ctx.clock.now().toISOString();
  return transact(ctx, async (trx, record) => {
    const problems = await problemsOf(trx, input.edition, input.slot, input.kind, b);
    if (problems.length) throw invalid('BLOCK_INVALID', problems);
    const order = await slotOrder(trx, input.edition, input.slot);
    const row = await trx
      .insertInto('curated_blocks')
      .values({
        edition_code: input.edition,
        slot: input.slot,
        kind: input.kind,
        position: order.length,
        ...columnsOf(b),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    order.splice(clamp(input.position ?? order.length, order.length), 0, row.id);
    await renumber(trx, order);
    await record('curation.changed', { edition: input.edition });
    return row.id;
  });
}

/** What a block says, as its columns: the same for a new block and an edited one. */
function columnsOf(b: ReturnType<typeof cleanOf>) {
  return {
    article_id: b.articleId,
    media_id: b.mediaId,
    title: b.title,
    body: b.body,
    attribution: b.attribution,
    link_url: b.linkUrl,
    starts_at: b.startsAt,
    ends_at: b.endsAt,
  };
}

async function blockRow(trx: Trx, id: number) {
  const row = await trx.selectFrom('curated_blocks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('BLOCK_NOT_FOUND');
  return row;
}

/** Which edition a block belongs to, checking first that the actor may curate at all. */
async function editableRow(ctx: DbCtx, trx: Trx, id: number) {
  assertSystemOrRole(ctx.actor, CURATORS);
  const row = await blockRow(trx, id);
  assertInEdition(ctx.actor, row.edition_code);
  return row;
}

/** Replaces what a block says (its slot and kind stay), checked by the rules addBlock applies. */
export async function updateBlock(ctx: DbCtx, id: number, fields: BlockFields): Promise<void> {
  const b = cleanOf(fields);
  await transact(ctx, async (trx, record) => {
    const row = await editableRow(ctx, trx, id);
    const problems = await problemsOf(trx, row.edition_code, row.slot, row.kind, b);
    if (problems.length) throw invalid('BLOCK_INVALID', problems);
    await trx
      .updateTable('curated_blocks')
      .set({
        ...columnsOf(b),
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await record('curation.changed', { edition: row.edition_code });
  });
}

export async function removeBlock(ctx: DbCtx, id: number): Promise<void> {
  await transact(ctx, async (trx, record) => {
    const row = await editableRow(ctx, trx, id);
    const order = await slotOrder(trx, row.edition_code, row.slot);
    await trx.deleteFrom('curated_blocks').where('id', '=', id).execute();
    await renumber(
      trx,
      order.filter((other) => other !== id),
    );
    await record('curation.changed', { edition: row.edition_code });
  });
}

/**
 * Puts a block at `position` in its slot (clamped to the slot), renumbering the others. The
 * target is absolute, so the same request sent twice leaves the same order.
 */
export async function moveBlock(ctx: DbCtx, id: number, position: number): Promise<void> {
  if (!Number.isInteger(position) || position < 0) throw invalid('BLOCK_INVALID', [{ field: 'position', key: 'errors.field.type' }]);
  await transact(ctx, async (trx, record) => {
    const row = await editableRow(ctx, trx, id);
    const order = (await slotOrder(trx, row.edition_code, row.slot)).filter((other) => other !== id);
    order.splice(clamp(position, order.length), 0, id);
    await renumber(trx, order);
    await record('curation.changed', { edition: row.edition_code });
  });
}

/** For callers outside a transaction that need the edition of a block (the newsroom's redirects). */
export async function blockEdition(ctx: DbCtx, id: number): Promise<string> {
  const row = await ctx.db.selectFrom('curated_blocks').select('edition_code').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('BLOCK_NOT_FOUND');
  return row.edition_code;
}
