// Reads of the curated blocks that are live now in an edition, in slot and position order.
import type { Selectable } from 'kysely';
import type { DB } from '../../storage/schema.js';
import type { DbCtx } from '../../storage/database.js';
import { prepared } from '../../storage/prepared.js';
import { assertInEdition, assertSystemOrRole } from '../editions/index.js';
import { CURATORS, type BlockKind, type Slot } from './commands.js';

export interface CuratedBlock {
  id: number;
  slot: Slot;
  kind: BlockKind;
  position: number;
  articleId: number | null;
  mediaId: number | null;
  title: string;
  body: string;
  attribution: string;
  linkUrl: string | null;
  endsAt: string | null;
}

// Read on every page that shows the sidebar: compiled once (see storage/prepared.ts).
const liveBlocks = prepared((db, edition: string, startedBy: string, endsAfter: string) =>
  db
    .selectFrom('curated_blocks')
    .selectAll()
    .where('edition_code', '=', edition)
    .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', startedBy)]))
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', endsAfter)]))
    .orderBy('slot')
    .orderBy('position')
    .orderBy('id'),
);

export async function listLiveBlocks(ctx: DbCtx, edition: string): Promise<CuratedBlock[]> {
  const now = ctx.clock.now().toISOString();
  const rows = await liveBlocks(ctx.db, edition, now, now);
  return rows.map(blockOf);
}

/** A stored block's columns as the site reads them. */
function blockOf(r: Pick<Selectable<DB['curated_blocks']>, 'id' | 'slot' | 'kind' | 'position' | 'article_id' | 'media_id' | 'title' | 'body' | 'attribution' | 'link_url' | 'ends_at'>): CuratedBlock {
  return {
    id: r.id,
    slot: r.slot,
    kind: r.kind,
    position: r.position,
    articleId: r.article_id,
    mediaId: r.media_id,
    title: r.title,
    body: r.body,
    attribution: r.attribution,
    linkUrl: r.link_url,
    endsAt: r.ends_at,
  };
}

/** A block as the newsroom sees it: live or not, with its date range. */
export interface StaffBlock extends CuratedBlock {
  edition: string;
  startsAt: string | null;
  live: boolean;
}

/** Every block of an edition (scheduled and ended ones too), in slot and position order, for curators of that edition. */
export async function listBlocks(ctx: DbCtx, edition: string): Promise<StaffBlock[]> {
  assertSystemOrRole(ctx.actor, CURATORS);
  assertInEdition(ctx.actor, edition);
  const now = ctx.clock.now().toISOString();
  const rows = await ctx.db.selectFrom('curated_blocks').selectAll().where('edition_code', '=', edition).orderBy('slot').orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({
    ...blockOf(r),
    edition: r.edition_code,
    startsAt: r.starts_at,
    live: (r.starts_at === null || r.starts_at <= now) && (r.ends_at === null || r.ends_at > now),
  }));
}
