// Media: image intake with metadata stripping, renditions and their backfill, and the BlobStore port.
export { backfillVariants, BACKFILL_BATCH, type BackfillOptions, type BackfillResult } from './backfill.js';
export { importImage, MAX_IMAGE_BYTES, type ImageInput } from './commands.js';
export { BLOB_KEY, type BlobStore } from './ports.js';
export { VARIANT_WIDTHS } from './variants.js';
