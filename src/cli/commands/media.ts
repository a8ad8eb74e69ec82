// `dateline media backfill`: make the AVIF and WebP renditions that images stored before
// migration 2026-12-02-302-media-avif lack, in bounded batches, resumable and idempotent.
import path from 'node:path';
import { backfillVariants, BACKFILL_BATCH, type BackfillResult } from '../../domain/media/index.js';
import { createFileBlobStore } from '../../storage/blobs/fs-store.js';
import { integerOption, out, type Noun } from '../command.js';
import { withDatabase } from '../storage.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(r: BackfillResult, dryRun: boolean): string {
  const head = dryRun
    ? `Would make ${plural(r.variants, 'rendition')} for ${plural(r.backfilled, 'image')}`
    : `Made ${plural(r.variants, 'rendition')} for ${plural(r.backfilled, 'image')}`;
  const missing = r.missingOriginals ? `; ${plural(r.missingOriginals, 'image')} skipped because the original is missing from DATA_DIR/media` : '';
  return `${head}; ${r.complete} of ${plural(r.images, 'image')} already had every rendition${missing}.`;
}

const media: Noun = {
  name: 'media',
  summary: 'Stored images',
  verbs: {
    backfill: {
      summary: 'Make the AVIF and WebP renditions, at every width, that images stored before AVIF support lack',
      options: {
        'dry-run': { type: 'boolean', help: 'Count what is missing; make and record nothing' },
        batch: { type: 'string', value: 'N', help: `Images read at a time (${BACKFILL_BATCH.min}–${BACKFILL_BATCH.max}, default ${BACKFILL_BATCH.default}); bounds memory` },
      },
      notes: [
        'Safe to stop and run again: each image is recorded once its renditions are stored, and a second run makes nothing.',
        'Running servers show the new renditions within seconds (the pages showing each image are purged).',
      ],
      fields: { batch: '--batch' },
      async run(input) {
        const batch = integerOption(input, 'batch', BACKFILL_BATCH);
        const dryRun = input.options['dry-run'] === true;
        const config = input.config();
        const result = await withDatabase(config, (ctx) =>
          backfillVariants(ctx, createFileBlobStore(path.join(config.dataDir, 'media')), {
            dryRun,
            batch,
            onBatch: (p) => {
              if (!dryRun && p.images) out(`… ${p.images} images looked at, ${p.variants} renditions made`);
            },
          }),
        );
        out(summary(result, dryRun));
      },
    },
  },
};
export default media;
