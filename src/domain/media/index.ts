// Media: image intake with metadata stripping, renditions and their backfill, the library (list,
// search, edit, delete, usage) and the BlobStore port.
export { backfillVariants, BACKFILL_BATCH, type BackfillOptions, type BackfillResult } from './backfill.js';
export { importImage, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, type ImageInput } from './commands.js';
export {
  articlesUsingMedia,
  checkMediaTexts,
  deleteMedia,
  getMediaItem,
  getMediaUsage,
  listMedia,
  textIn,
  updateMediaTexts,
  MEDIA_ROLES,
  MEDIA_TEXT_LIMITS,
  type MediaDetail,
  type MediaItem,
  type MediaText,
  type MediaTextsInput,
} from './library.js';
export { BLOB_KEY, type BlobStore } from './ports.js';
export { VARIANT_WIDTHS } from './variants.js';
