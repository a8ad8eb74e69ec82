// The renditions every stored image should have for <picture> sources (formats × widths), and how
// one is made and stored: shared by intake (importImage) and the backfill of older images.
import sharp, { type Sharp } from 'sharp';
import type { BlobStore } from './ports.js';

/** srcset widths; only those narrower than the original are made, and the original's own width. */
export const VARIANT_WIDTHS = [320, 480, 800, 1200] as const;
/**
 * Modern formats, best first: AVIF is about half the size of WebP at the same look, WebP reaches
 * the browsers without AVIF; the original stays the fallback. Qualities are each encoder's point
 * of no visible loss for photographs and flat drawings alike; AVIF effort 2 (of 9): higher
 * efforts cost seconds per width on a large photograph for a few per cent.
 */
export const VARIANT_FORMATS = [
  { ext: 'avif', mime: 'image/avif', encode: (image: Sharp) => image.avif({ quality: 55, effort: 2 }) },
  { ext: 'webp', mime: 'image/webp', encode: (image: Sharp) => image.webp({ quality: 78 }) },
] as const;

export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export interface Variant {
  width: number;
  height: number;
  blob_key: string;
  mime_type: string;
  byte_size: number;
}

/** File extension of a stored original by its MIME type ('' for one we make no variants of). */
export const EXT_OF_MIME: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif', 'image/gif': 'gif' };

export interface PlannedVariant {
  format: VariantFormat;
  width: number;
}

/**
 * The renditions an original should have: every format at every width up to its own (not the
 * original's own format at its own width, which is the original). GIFs keep their animation
 * and get none.
 */
export function variantPlan(ext: string, width: number): PlannedVariant[] {
  if (ext === 'gif' || !(width > 0)) return [];
  const widths = [...VARIANT_WIDTHS.filter((w) => w < width), width];
  return VARIANT_FORMATS.flatMap((format) => widths.filter((w) => !(format.ext === ext && w === width)).map((w) => ({ format, width: w })));
}

/** The blob key of a rendition: beside its original, `…/<name>.w<width>.<ext>`. */
export const variantKey = (key: string, format: VariantFormat, width: number): string => key.replace(/\.[a-z]+$/, `.w${width}.${format.ext}`);

/** Encodes one rendition of the original's bytes and stores it (an atomic put: never half written). */
export async function renderVariant(blobs: BlobStore, key: string, data: Buffer, planned: PlannedVariant): Promise<Variant> {
  const out = await planned.format.encode(sharp(data).resize({ width: planned.width, withoutEnlargement: true })).toBuffer({ resolveWithObject: true });
  const blobKey = variantKey(key, planned.format, planned.width);
  await blobs.put(blobKey, out.data);
  return { width: planned.width, height: out.info.height, blob_key: blobKey, mime_type: planned.format.mime, byte_size: out.data.length };
}

/** Every rendition of a newly stored original, one at a time (one encoded buffer in memory). */
export async function makeVariants(blobs: BlobStore, key: string, data: Buffer, ext: string, width: number): Promise<Variant[]> {
  const variants: Variant[] = [];
  for (const planned of variantPlan(ext, width)) variants.push(await renderVariant(blobs, key, data, planned));
  return variants;
}
