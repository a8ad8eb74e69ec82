// Backfill of the modern-format renditions (AVIF, WebP at every width) that images stored before
// migration 2026-12-02-302-media-avif lack: `dateline media backfill`. Bounded and resumable by
// construction: images are read in keyset pages of `batch` rows, one original's bytes are held at
// a time, and each image's new rows commit on their own after their blobs are stored. What is
// already recorded is never made again, so a second run does nothing, and a run stopped halfway
// (a crash, Ctrl-C) loses at most the image it was working on, which the next run makes again.
import { invalid } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertSystemOrRole } from '../editions/index.js';
import type { BlobStore } from './ports.js';
import { EXT_OF_MIME, renderVariant, variantPlan, type PlannedVariant, type Variant } from './variants.js';

export const BACKFILL_BATCH = { default: 50, min: 1, max: 1000 } as const;

export interface BackfillOptions {
  /** Count what is missing without making or recording anything. */
  dryRun?: boolean;
  /** Images read per page (bounds the rows held at once); BACKFILL_BATCH. */
  batch?: number;
  /** Called after each page, for progress lines. */
  onBatch?: (progress: BackfillResult) => void;
}

export interface BackfillResult {
  /** Images looked at. */
  images: number;
  /** Images that had every rendition already (GIFs included: they get none). */
  complete: number;
  /** Images that were missing renditions (in a dry run: that would get them). */
  backfilled: number;
  /** Renditions made and recorded (in a dry run: that would be). */
  variants: number;
  /** Images whose original is gone from the blob store: nothing can be made for them. */
  missingOriginals: number;
}

const keyOfVariant = (mime: string, width: number) => `${mime} ${width}`;

/** The renditions an image should have and has not recorded. */
function missingOf(image: { mime_type: string; width: number | null }, have: ReadonlySet<string>): PlannedVariant[] {
  const ext = EXT_OF_MIME[image.mime_type] ?? '';
  if (!ext) return [];
  return variantPlan(ext, image.width ?? 0).filter((p) => !have.has(keyOfVariant(p.format.mime, p.width)));
}

/**
 * Makes the AVIF and WebP renditions that stored images lack, at every width, through the blob
 * store, and records them; each image's pages are purged (`media.changed`) so its <picture>
 * offers them at once. Admins and the system only. Idempotent and resumable (see above).
 */
export async function backfillVariants(ctx: DbCtx, blobs: BlobStore, options: BackfillOptions = {}): Promise<BackfillResult> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const batch = options.batch ?? BACKFILL_BATCH.default;
  if (!Number.isInteger(batch) || batch < BACKFILL_BATCH.min || batch > BACKFILL_BATCH.max) {
    throw invalid('MEDIA_INVALID', [{ field: 'batch', key: 'errors.media.batch', params: { min: BACKFILL_BATCH.min, max: BACKFILL_BATCH.max } }]);
  }
  const result: BackfillResult = { images: 0, complete: 0, backfilled: 0, variants: 0, missingOriginals: 0 };
  for (let after = 0; ; ) {
    const page = await ctx.db
      .selectFrom('media')
      .select(['id', 'blob_key', 'mime_type', 'width'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (!page.length) break;
    after = page[page.length - 1]?.id ?? after;
    const recorded = await ctx.db
      .selectFrom('media_variants')
      .select(['media_id', 'mime_type', 'width'])
      .where(
        'media_id',
        'in',
        page.map((m) => m.id),
      )
      .execute();
    const have = new Map<number, Set<string>>();
    for (const v of recorded) {
      let set = have.get(v.media_id);
      if (!set) have.set(v.media_id, (set = new Set()));
      set.add(keyOfVariant(v.mime_type, v.width));
    }
    for (const image of page) {
      result.images += 1;
      const missing = missingOf(image, have.get(image.id) ?? new Set());
      if (!missing.length) {
        result.complete += 1;
        continue;
      }
      if (options.dryRun) {
        result.backfilled += 1;
        result.variants += missing.length;
        continue;
      }
      const original = await blobs.get(image.blob_key);
      if (!original) {
        ctx.log.warn({ mediaId: image.id }, 'media backfill: the original is missing from the blob store');
        result.missingOriginals += 1;
        continue;
      }
      // Blobs first, rows after: a row never points at a blob that is not there. A crash between
      // the two leaves unrecorded blobs that the next run overwrites with the same bytes.
      const made: Variant[] = [];
      for (const planned of missing) made.push(await renderVariant(blobs, image.blob_key, original, planned));
      const inserted = await transact(ctx, async (trx, record) => {
        // Another backfill (a second operator, a server) may have recorded some meanwhile.
        const rows = await trx
          .insertInto('media_variants')
          .values(made.map((v) => ({ ...v, media_id: image.id })))
          .onConflict((oc) => oc.columns(['media_id', 'mime_type', 'width']).doNothing())
          .returning('width')
          .execute();
        if (rows.length) await record('media.changed', { id: image.id });
        return rows.length;
      });
      if (inserted) result.backfilled += 1;
      else result.complete += 1;
      result.variants += inserted;
    }
    options.onBatch?.({ ...result });
  }
  return result;
}
