// The identity's images: a logo (PNG or SVG) and a favicon (PNG or SVG), checked by decoding them
// with sharp (libvips; SVG through librsvg, which runs no script), and the forms the site serves:
// the favicon as an ICO of 16, 32 and 48 px PNGs and a 180 px apple-touch icon, the logo as a PNG
// for JSON-LD (which wants a raster image). An SVG is never inlined into a page: it is served as
// an image with `Content-Security-Policy: sandbox`, so even a hostile file runs nothing.
import icoEndec from 'ico-endec';
import sharp from 'sharp';

export const MAX_IDENTITY_IMAGE_BYTES = 1024 * 1024;
const MIN_SIDE = 16;
const MAX_SIDE = 4096;

export interface CheckedImage {
  data: Buffer;
  type: 'image/png' | 'image/svg+xml';
  width: number;
  height: number;
}

const looksLikeSvg = (data: Buffer) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(data.subarray(0, 4096).toString('utf8'));

async function check(data: Buffer): Promise<CheckedImage | 'invalid'> {
  if (data.length === 0 || data.length > MAX_IDENTITY_IMAGE_BYTES) return 'invalid';
  const svg = looksLikeSvg(data);
  try {
    const meta = await sharp(data, { limitInputPixels: MAX_SIDE * MAX_SIDE }).metadata();
    if (svg ? meta.format !== 'svg' : meta.format !== 'png') return 'invalid';
    const { width, height } = meta;
    if (!width || !height || width < (svg ? 1 : MIN_SIDE) || height < (svg ? 1 : MIN_SIDE) || width > MAX_SIDE || height > MAX_SIDE) return 'invalid';
    // Decoding the whole image proves the bytes are an image, not just a plausible header.
    await sharp(data).resize(8, 8, { fit: 'inside' }).png().toBuffer();
    return { data, type: svg ? 'image/svg+xml' : 'image/png', width, height };
  } catch {
    return 'invalid';
  }
}

/** A logo: a PNG of 16–4096 px a side, or an SVG librsvg can draw. */
export const checkLogo = check;

/** A favicon: as a logo, and square enough to read at 16 px. */
export async function checkFavicon(data: Buffer): Promise<CheckedImage | 'invalid'> {
  const image = await check(data);
  if (image === 'invalid') return image;
  const ratio = image.width / image.height;
  return ratio < 0.8 || ratio > 1.25 ? 'invalid' : image;
}

export interface FaviconSet {
  ico: Buffer;
  /** 180 × 180 PNG for <link rel="apple-touch-icon">. */
  appleTouch: Buffer;
}

const square = (data: Buffer, size: number, background?: string) =>
  sharp(data, { density: 300 })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .flatten(background ? { background } : false)
    .png()
    .toBuffer();

/** The icons a site serves, from a square-ish PNG or SVG (the identity's favicon, or the product's default logo). */
export async function makeFaviconSet(source: Buffer): Promise<FaviconSet> {
  const [s16, s32, s48, appleTouch] = await Promise.all([square(source, 16), square(source, 32), square(source, 48), square(source, 180, '#ffffff')]);
  return { ico: icoEndec.encode([s16, s32, s48]), appleTouch };
}

/** A raster form of the logo for JSON-LD, at most 600 × 60 as Google asks of a publisher logo. */
export async function rasterLogo(source: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const out = await sharp(source, { density: 300 }).resize(600, 60, { fit: 'inside' }).png().toBuffer({ resolveWithObject: true });
  return { data: out.data, width: out.info.width, height: out.info.height };
}
