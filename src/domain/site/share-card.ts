// Share cards: the image social sites and Google show for an article without a wide enough
// featured image. 1200 × 630 PNG, the headline in its own script and direction (Pango shapes it,
// so Persian and Arabic letters join), wrapped and sized to fit, on the edition's brand (agency
// name, colour). A card is named by a hash of everything drawn on it, so its URL is immutable:
// a new headline or brand gives a new URL, and the old card is simply no longer linked.
// Rendering runs in libvips' worker threads (sharp is asynchronous), never on the event loop.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DomainError } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { getPublished } from '../articles/index.js';
import { getEdition } from '../editions/index.js';
import type { BlobStore } from '../media/index.js';
import { getResolvedIdentity } from './identity.js';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bumped when the drawing changes, so every card gets a new URL. */
const CARD_VERSION = 1;
export const DEFAULT_BRAND_COLOR = '#16324f';
const MARGIN = 64;
const TEXT_BOX = { width: CARD_WIDTH - 2 * MARGIN, height: 380, top: 170 };
const HEADLINE_SIZES = [76, 66, 58, 50, 44, 38] as const;
const SMALLEST = 38;

export interface CardInput {
  articleId: number;
  edition: string;
  direction: 'ltr' | 'rtl';
  headline: string;
  brandName: string;
  color?: string | undefined;
}

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

/** A family fontconfig finds among the Noto fonts; Pango falls back per character for anything else. */
const familyFor = (text: string) => (ARABIC_SCRIPT.test(text) ? 'Noto Naskh Arabic' : 'Noto Sans');

const markup = (text: string, color: string) =>
  `<span foreground="${color}">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')}</span>`;

/** The hash in a card's URL and blob key: everything drawn on it. */
export function cardHash(input: CardInput): string {
  const drawn = [CARD_VERSION, input.edition, input.direction, input.headline, input.brandName, input.color ?? DEFAULT_BRAND_COLOR];
  return createHash('sha256').update(JSON.stringify(drawn)).digest('hex').slice(0, 16);
}

/** Where a card lives in the blob store. */
export const cardKey = (input: CardInput) => `cards/${input.edition}/${input.articleId}-${cardHash(input)}.png`;

/** Whether a text is light enough that white on it would not read: then the card writes in near-black. */
function inkFor(background: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16) / 255) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.6 ? '#111111' : '#ffffff';
}

async function textImage(text: string, options: { size: number; width: number; height?: number; color: string; align: 'left' | 'right' }) {
  const rendered = await sharp({
    text: {
      text: markup(text, options.color),
      font: `${familyFor(text)} Bold ${options.size}`,
      width: options.width,
      ...(options.height ? { height: options.height } : {}),
      align: options.align,
      wrap: 'word-char',
      // Naskh's own line height already leaves room for its marks above and below.
      spacing: ARABIC_SCRIPT.test(text) ? 0 : Math.round(options.size * 0.2),
      rgba: true,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data: rendered.data, width: rendered.info.width, height: rendered.info.height };
}

/** The headline at the largest size that fits the text box; a very long one is fitted by Pango. */
async function fittedHeadline(headline: string, color: string, align: 'left' | 'right') {
  for (const size of HEADLINE_SIZES) {
    const image = await textImage(headline, { size, width: TEXT_BOX.width, color, align });
    if (image.height <= TEXT_BOX.height) return image;
  }
  return textImage(headline, { size: SMALLEST, width: TEXT_BOX.width, height: TEXT_BOX.height, color, align });
}

/** Draws a card: the agency's name above the headline, both on the start side of their direction. */
export async function renderShareCard(input: CardInput): Promise<Buffer> {
  const background = input.color ?? DEFAULT_BRAND_COLOR;
  const ink = inkFor(background);
  const rtl = input.direction === 'rtl';
  // Pango reads each paragraph's direction from its first strong letter and mirrors alignment for
  // right-to-left text: "left" is the start side in either script.
  const align = 'left';
  const [brand, headline] = await Promise.all([
    textImage(input.brandName, { size: 34, width: TEXT_BOX.width, color: ink, align }),
    fittedHeadline(input.headline, ink, align),
  ]);
  const start = (width: number) => (rtl ? CARD_WIDTH - MARGIN - Math.min(width, TEXT_BOX.width) : MARGIN);
  const rule = await sharp({ create: { width: 120, height: 8, channels: 4, background: ink } }).png().toBuffer();
  return sharp({ create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 4, background } })
    .composite([
      { input: brand.data, top: MARGIN, left: start(brand.width) },
      { input: rule, top: MARGIN + brand.height + 20, left: rtl ? CARD_WIDTH - MARGIN - 120 : MARGIN },
      { input: headline.data, top: TEXT_BOX.top + Math.max(0, Math.floor((TEXT_BOX.height - headline.height) / 2)), left: start(headline.width) },
    ])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

const inFlight = new Map<string, Promise<Buffer>>();

/**
 * The card's bytes: from the blob store when it was made before, else drawn and stored. Two
 * requests for the same card at once share one drawing.
 */
export async function ensureShareCard(blobs: BlobStore, input: CardInput): Promise<Buffer> {
  const key = cardKey(input);
  const stored = await blobs.get(key);
  if (stored) return stored;
  let drawing = inFlight.get(key);
  if (!drawing) {
    drawing = renderShareCard(input).then(async (data) => {
      await blobs.put(key, data);
      return data;
    });
    inFlight.set(key, drawing);
    void drawing.finally(() => inFlight.delete(key)).catch(() => {});
  }
  return drawing;
}

/**
 * The job of an article event: make the card of a published article ahead of the first crawler,
 * with the identity as stored. Nothing to do for an article readers cannot see.
 */
export async function refreshShareCard(ctx: DbCtx, blobs: BlobStore, article: { id: number; edition: string }, fallbackName: string): Promise<'made' | 'skipped'> {
  let published;
  try {
    published = await getPublished(ctx, { edition: article.edition, id: article.id });
  } catch (error) {
    if (error instanceof DomainError && (error.kind === 'NotFound' || error.kind === 'Gone')) return 'skipped';
    throw error;
  }
  const [edition, identity] = await Promise.all([getEdition(ctx.db, article.edition), getResolvedIdentity(ctx, article.edition)]);
  await ensureShareCard(blobs, {
    articleId: published.id,
    edition: edition.code,
    direction: edition.direction,
    headline: published.headline,
    brandName: identity.name ?? fallbackName,
    color: identity.color,
  });
  return 'made';
}
