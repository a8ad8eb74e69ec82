// Curated blocks of an edition: the lead story, top stories and sidebar items (cartoon of the day,
// featured statement, campaign banner, most recent), each optionally bounded by a date range.
import { invalid, type FieldProblem } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertSystemOrRole } from '../editions/index.js';

export type Slot = 'lead' | 'top' | 'sidebar';
export type BlockKind = 'article' | 'cartoon' | 'statement' | 'banner' | 'most_recent';

export interface NewBlock {
  edition: string;
  slot: Slot;
  kind: BlockKind;
  position?: number;
  articleId?: number | null;
  mediaId?: number | null;
  title?: string;
  body?: string;
  attribution?: string;
  linkUrl?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
}

const LINK = /^(https?:\/\/[^\s]+|\/(?!\/)[^\s]*)$/i;

export async function addBlock(ctx: DbCtx, input: NewBlock): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor']);
  const problems: FieldProblem[] = [];
  if ((input.slot === 'lead' || input.slot === 'top') && (input.kind !== 'article' || !input.articleId)) {
    problems.push({ field: 'articleId', key: 'errors.field.required' });
  }
  if (input.kind === 'cartoon' && !input.mediaId) problems.push({ field: 'mediaId', key: 'errors.field.required' });
  if (input.kind === 'statement' && !input.body?.trim()) problems.push({ field: 'body', key: 'errors.field.required' });
  if (input.kind === 'banner' && (!input.title?.trim() || !input.linkUrl)) problems.push({ field: 'linkUrl', key: 'errors.field.required' });
  if (input.linkUrl && !LINK.test(input.linkUrl)) problems.push({ field: 'linkUrl', key: 'errors.body.link' });
  if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) problems.push({ field: 'endsAt', key: 'errors.field.type' });
  if (problems.length) throw invalid('BLOCK_INVALID', problems);

  const now = ctx.clock.now().toISOString();
  return transact(ctx, async (trx, record) => {
    const row = await trx
      .insertInto('curated_blocks')
      .values({
        edition_code: input.edition,
        slot: input.slot,
        kind: input.kind,
        position: input.position ?? 0,
        article_id: input.articleId ?? null,
        media_id: input.mediaId ?? null,
        title: input.title?.trim() ?? '',
        body: input.body?.trim() ?? '',
        attribution: input.attribution?.trim() ?? '',
        link_url: input.linkUrl ?? null,
        starts_at: input.startsAt?.toISOString() ?? null,
        ends_at: input.endsAt?.toISOString() ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await record('curation.changed', { edition: input.edition });
    return row.id;
  });
}
