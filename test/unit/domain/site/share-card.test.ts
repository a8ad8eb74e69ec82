// Share cards drawn for English, Persian and Arabic headlines: 1200 × 630, with a real glyph area
// (pixels that differ from the background, counted), different when the headline changes, and
// named by a hash of everything drawn on them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, cardHash, cardKey, renderShareCard, type CardInput } from '../../../../src/domain/site/index.js';

const CARDS: Record<'en' | 'fa' | 'ar', CardInput> = {
  en: { articleId: 1, edition: 'en', direction: 'ltr', headline: 'Tram line reaches the old port at last, doubling capacity on the northern route', brandName: 'Tidemark Wire', color: '#0f4c5c' },
  fa: { articleId: 2, edition: 'fa', direction: 'rtl', headline: 'خط تراموا سرانجام به بندر قدیمی رسید و ظرفیت مسیر شمالی دو برابر شد', brandName: 'خبرگزاری تایدمارک', color: '#0f4c5c' },
  ar: { articleId: 3, edition: 'ar', direction: 'rtl', headline: 'خط الترام يصل أخيرًا إلى الميناء القديم ويضاعف سعة الخط الشمالي', brandName: 'وكالة تايدمارك للأنباء', color: '#f4e3c1' },
};

/** Pixels whose colour differs from the card's background by more than a threshold, in a region. */
async function inkPixels(png: Buffer, background: string, region = { left: 0, top: 0, width: CARD_WIDTH, height: CARD_HEIGHT }): Promise<number> {
  const { data, info } = await sharp(png).extract(region).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const distance = Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!);
    if (distance > 96) count += 1;
  }
  return count;
}

/** The width of the ink in the headline's box, from its first to its last inked column. */
async function inkWidth(png: Buffer, background: string): Promise<number> {
  const { data, info } = await sharp(png).extract({ left: 0, top: 170, width: CARD_WIDTH, height: 380 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  let min = CARD_WIDTH;
  let max = -1;
  for (let i = 0; i < data.length; i += info.channels) {
    const distance = Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!);
    if (distance <= 96) continue;
    const x = (i / info.channels) % info.width;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return max - min;
}

describe('share cards', () => {
  for (const [lang, input] of Object.entries(CARDS)) {
    it(`draws a ${lang} card of 1200 × 630 with the headline on it`, async () => {
      const png = await renderShareCard(input);
      const meta = await sharp(png).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['png', CARD_WIDTH, CARD_HEIGHT]);
      // The headline's box: at least 2 % of it is ink (a blank or tofu-only card has almost none).
      const headlineInk = await inkPixels(png, input.color!, { left: 0, top: 170, width: CARD_WIDTH, height: 380 });
      assert.ok(headlineInk > 0.02 * CARD_WIDTH * 380, `${lang}: only ${headlineInk} pixels of ink`);
      // Right-to-left headlines start on the right: the right half holds more ink than the left.
      const half = { top: 170, width: CARD_WIDTH / 2, height: 380 };
      const [left, right] = await Promise.all([inkPixels(png, input.color!, { ...half, left: 0 }), inkPixels(png, input.color!, { ...half, left: CARD_WIDTH / 2 })]);
      if (input.direction === 'rtl') assert.ok(right > left, `${lang}: right ${right} ≤ left ${left}`);
    });
  }

  it('draws a different card, under a different name, when the headline changes', async () => {
    const before = await renderShareCard(CARDS.fa);
    const changed = { ...CARDS.fa, headline: 'بانک مرکزی نرخ بهره را ثابت نگه داشت' };
    const after = await renderShareCard(changed);
    assert.ok(!before.equals(after));
    assert.notEqual(cardHash(changed), cardHash(CARDS.fa));
    assert.notEqual(cardKey(changed), cardKey(CARDS.fa));
    assert.notEqual(cardHash({ ...CARDS.fa, brandName: 'Other' }), cardHash(CARDS.fa), 'the brand is drawn too');
    assert.equal(cardHash({ ...CARDS.fa }), cardHash(CARDS.fa), 'the same card has the same name');
    assert.match(cardKey(CARDS.fa), /^cards\/fa\/2-[0-9a-f]{16}\.png$/);
  });

  it('joins Persian and Arabic letters (a joined word is narrower than its letters kept apart)', async () => {
    // U+200C (zero-width non-joiner) keeps each letter in its isolated form: without shaping, both
    // lines would be drawn alike.
    for (const word of ['سلام دنیا', 'مرحبا بالعالم']) {
      const apart = [...word].map((c) => (c === ' ' ? c : `${c}\u200c`)).join('');
      const [joined, isolated] = await Promise.all([word, apart].map((headline) => renderShareCard({ ...CARDS.fa, headline })));
      const [a, b] = await Promise.all([inkWidth(joined!, CARDS.fa.color!), inkWidth(isolated!, CARDS.fa.color!)]);
      assert.ok(a < b * 0.9, `${word}: joined ${a} px, apart ${b} px`);
    }
  });

  it('fits a very long headline and draws markup characters as text', async () => {
    const png = await renderShareCard({ ...CARDS.en, headline: `<b>${'Harbour '.repeat(40)}</b> & "more"` });
    const meta = await sharp(png).metadata();
    assert.deepEqual([meta.width, meta.height], [CARD_WIDTH, CARD_HEIGHT]);
    assert.ok((await inkPixels(png, CARDS.en.color!)) > 10_000);
  });

  it('writes dark on a light brand colour', async () => {
    const png = await renderShareCard(CARDS.ar);
    const { data } = await sharp(png).extract({ left: 0, top: 170, width: CARD_WIDTH, height: 380 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let darkest = 255;
    for (let i = 0; i < data.length; i += 3) darkest = Math.min(darkest, data[i]!);
    assert.ok(darkest < 60, 'near-black ink on #f4e3c1');
  });
});
