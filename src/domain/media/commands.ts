// Image intake: checks that the bytes are an image we accept, re-encodes them (dropping EXIF,
// GPS and other metadata after applying the orientation), stores them with their AVIF and WebP
// renditions at every srcset width (the original's own width included) and records the item.
import { randomBytes } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { invalid } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertSystemOrRole } from '../editions/index.js';
import type { BlobStore } from './ports.js';
import { makeVariants } from './variants.js';

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/**
 * Pixels an upload may decode to (about 8,000 × 5,000, beyond any camera a newsroom uses): a few
 * kilobytes of PNG or GIF can claim gigapixels, and decoding them would take the server's memory.
 * Checked on the header before decoding, and given to sharp as its own limit for the decode.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;
const FORMATS = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' } as const;
const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };

export interface ImageInput {
  data: Buffer;
  credit: string;
  /** Alt text and caption per language. */
  texts: Record<string, { alt: string; caption?: string }>;
  /** The content type the client declared for the file (an upload form's part); it must agree with the bytes. */
  declaredType?: string;
}

/** Declared types that name each stored format (image/jpg and image/pjpeg are what some clients send for JPEG). */
const DECLARED: Record<string, readonly string[]> = {
  jpg: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  png: ['image/png'],
  webp: ['image/webp'],
  gif: ['image/gif'],
  avif: ['image/avif'],
};

export async function importImage(ctx: DbCtx, blobs: BlobStore, input: ImageInput): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor', 'reporter', 'translator']);
  if (input.data.length === 0) throw invalid('MEDIA_INVALID', [{ field: 'file', key: 'errors.media.empty' }]);
  if (input.data.length > MAX_IMAGE_BYTES) throw invalid('MEDIA_TOO_LARGE', [{ field: 'file', key: 'errors.media.too_large', params: { max: MAX_IMAGE_BYTES / (1024 * 1024) } }]);
  let meta: Metadata;
  try {
    // Only the header is read here (no decode), so no pixel limit yet: the count is checked below.
    meta = await sharp(input.data, { limitInputPixels: false }).metadata();
  } catch {
    throw invalid('MEDIA_UNSUPPORTED', [{ field: 'file', key: 'errors.media.type' }]);
  }
  const ext = FORMATS[meta.format as keyof typeof FORMATS];
  if (!ext) throw invalid('MEDIA_UNSUPPORTED', [{ field: 'file', key: 'errors.media.type' }]);
  if (input.declaredType !== undefined && !DECLARED[ext]?.includes(input.declaredType.toLowerCase())) {
    throw invalid('MEDIA_UNSUPPORTED', [{ field: 'file', key: 'errors.media.declared' }]);
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0) * Math.max(1, meta.pages ?? 1);
  if (!(pixels > 0) || pixels > MAX_IMAGE_PIXELS) {
    throw invalid('MEDIA_INVALID', [{ field: 'file', key: 'errors.media.pixels', params: { max: MAX_IMAGE_PIXELS / 1_000_000 } }]);
  }
  if (!Object.keys(input.texts).length || Object.values(input.texts).some((t) => !t.alt.trim())) {
    throw invalid('MEDIA_INVALID', [{ field: 'alt', key: 'errors.field.required' }]);
  }
  // rotate() bakes in the EXIF orientation; sharp writes no metadata (EXIF, GPS, XMP, IPTC) unless asked to.
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(input.data, { animated: ext === 'gif', limitInputPixels: MAX_IMAGE_PIXELS }).rotate().toBuffer({ resolveWithObject: true });
  } catch {
    // A header that passed but bytes that do not decode (truncated, corrupt): not an image we can use.
    throw invalid('MEDIA_UNSUPPORTED', [{ field: 'file', key: 'errors.media.type' }]);
  }
  const { data, info } = decoded;
  const now = ctx.clock.now();
  const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomBytes(12).toString('base64url')}.${ext}`;
  await blobs.put(key, data);
  const variants = await makeVariants(blobs, key, data, ext, info.width);
  return transact(ctx, async (trx, record) => {
    const row = await trx
      .insertInto('media')
      .values({
        blob_key: key,
        mime_type: MIME[ext] ?? 'application/octet-stream',
        width: info.width,
        height: info.height,
        byte_size: data.length,
        credit: cleanLine(input.credit),
        uploaded_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const texts = Object.entries(input.texts).map(([language, t]) => ({
      media_id: row.id,
      language,
      alt_text: cleanLine(t.alt),
      caption: cleanLine(t.caption ?? ''),
    }));
    if (texts.length) await trx.insertInto('media_texts').values(texts).execute();
    if (variants.length) await trx.insertInto('media_variants').values(variants.map((v) => ({ ...v, media_id: row.id }))).execute();
    await record('media.changed', { id: row.id });
    return row.id;
  });
}
