// Image intake: checks that the bytes are an image we accept, re-encodes them (dropping EXIF,
// GPS and other metadata after applying the orientation), stores them with their AVIF and WebP
// renditions at every srcset width (the original's own width included) and records the item.
import { randomBytes } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { invalid } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertSystemOrRole } from '../editions/index.js';
import type { BlobStore } from './ports.js';
import { makeVariants } from './variants.js';

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const FORMATS = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' } as const;
const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };

export interface ImageInput {
  data: Buffer;
  credit: string;
  /** Alt text and caption per language. */
  texts: Record<string, { alt: string; caption?: string }>;
}

export async function importImage(ctx: DbCtx, blobs: BlobStore, input: ImageInput): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor', 'reporter', 'translator']);
  if (input.data.length === 0 || input.data.length > MAX_IMAGE_BYTES) {
    throw invalid('MEDIA_INVALID', [{ field: 'file', key: 'errors.media.size', params: { max: MAX_IMAGE_BYTES } }]);
  }
  let meta: Metadata;
  try {
    meta = await sharp(input.data).metadata();
  } catch {
    throw invalid('MEDIA_INVALID', [{ field: 'file', key: 'errors.media.type' }]);
  }
  const ext = FORMATS[meta.format as keyof typeof FORMATS];
  if (!ext) throw invalid('MEDIA_INVALID', [{ field: 'file', key: 'errors.media.type' }]);
  if (Object.values(input.texts).some((t) => !t.alt.trim())) {
    throw invalid('MEDIA_INVALID', [{ field: 'alt', key: 'errors.field.required' }]);
  }
  // rotate() bakes in the EXIF orientation; sharp writes no metadata unless asked to.
  const { data, info } = await sharp(input.data, { animated: ext === 'gif' }).rotate().toBuffer({ resolveWithObject: true });
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
