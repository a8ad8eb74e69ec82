// Reader layout under hostile content, in Chromium: a 300-letter word in a headline, body and tag
// name widens no page type at phone and desktop widths in either direction, and ordered lists
// count in each edition's own digits.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../src/cli/demo/seed.js';
import { createArticle, publishArticle, type BodyDocument } from '../../src/domain/articles/index.js';
import { createSection, createTag } from '../../src/domain/editions/index.js';
import { rebuildSearchIndex } from '../../src/domain/search/index.js';
import { createFileBlobStore } from '../../src/storage/blobs/fs-store.js';
import { chromiumPath, launchBrowser, screenshot } from '../support/browser.js';
import { createTestDatabase, makeHarness } from '../support/database.js';
import { startServer, type ServerProcess } from '../support/server.js';

// One unbroken word per script, 300 letters: the headline limit.
const WORDS = { en: 'w'.repeat(300), fa: 'ب'.repeat(300), ar: 'ع'.repeat(300) } as const;
type Lang = keyof typeof WORDS;

describe('reader layout in Chromium', { skip: chromiumPath ? false : 'Chromium not available' }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const hrefs = new Map<Lang, { article: string; section: string; tag: string }>();

  before(async () => {
    // The demo newsroom plus, in each edition, one article carrying the long word everywhere a
    // reader sees text of ours; then the real server is started on that data directory.
    const db = await createTestDatabase('sqlite');
    const h = makeHarness(db);
    const ctx = h.ctx();
    await seedDemo(ctx, createFileBlobStore(path.join(db.env.DATA_DIR ?? '', 'media')));
    for (const lang of Object.keys(WORDS) as Lang[]) {
      const word = WORDS[lang];
      const sectionId = await createSection(ctx, { edition: lang, slug: `long-${lang}`, name: word.slice(0, 120) });
      const tagId = await createTag(ctx, { edition: lang, slug: `long-tag-${lang}`, name: word.slice(0, 120) }); // the longest name a tag may have
      const body: BodyDocument = {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: `${word} ${word}` }] },
          { type: 'list', ordered: true, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }], [{ type: 'text', text: word }]] },
        ],
      };
      const ref = await createArticle(ctx, { edition: lang, headline: word, dek: word, dateline: '', creditLine: '', byline: '', body, sectionId, tagIds: [tagId] });
      await publishArticle(ctx, ref.id);
    }
    await rebuildSearchIndex(ctx);
    await h.events.idle();
    await db.storage.close();
    server = await startServer({ DATA_DIR: db.env.DATA_DIR ?? '', DEMO_CONTENT: 'off' }, 60_000);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    for (const lang of Object.keys(WORDS) as Lang[]) {
      await page.goto(`${server.url}/${lang}/section/long-${lang}`);
      const article = await page.locator('.article-list .card-title a').first().getAttribute('href');
      assert.ok(article, `the ${lang} long article is listed`);
      hrefs.set(lang, { article, section: `/${lang}/section/long-${lang}`, tag: `/${lang}/tag/long-tag-${lang}` });
    }
  });
  after(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
  });

  it('widens no page type at 390 and 1366 px, left-to-right and right-to-left', async () => {
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      for (const lang of Object.keys(WORDS) as Lang[]) {
        const links = hrefs.get(lang);
        assert.ok(links);
        const pages = { home: `/${lang}/`, article: links.article, section: links.section, tag: links.tag, search: `/${lang}/search?q=${encodeURIComponent(WORDS[lang])}` };
        for (const [kind, href] of Object.entries(pages)) {
          const response = await page.goto(`${server.url}${href}`);
          assert.equal(response?.status(), 200, `${kind} ${lang}`);
          assert.equal(await page.getAttribute('html', 'dir'), lang === 'en' ? 'ltr' : 'rtl');
          const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
          if (scroll > inner) await screenshot(page, `too-wide-${kind}-${lang}-${width}`);
          assert.ok(scroll <= inner, `${kind} page in ${lang} at ${width} px is ${scroll} px wide`);
        }
      }
    }
  });

  it('fills every row of the card grids (no orphan card beside a hole) on fronts and articles', async () => {
    for (const width of [390, 1024, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      for (const lang of Object.keys(WORDS) as Lang[]) {
        await page.goto(`${server.url}/${lang}/`);
        const lead = await page.locator('.lead-story h3 a').getAttribute('href');
        for (const href of [`/${lang}/`, lead]) {
          await page.goto(`${server.url}${href}`);
          // Per grid, per row of cards (same top): the cards span the grid's width, gaps included.
          const gaps = await page.evaluate(() =>
            Array.from(document.querySelectorAll('.card-grid')).flatMap((grid) => {
              const box = grid.getBoundingClientRect();
              const rows = new Map<number, { left: number; right: number }>();
              for (const card of Array.from(grid.children)) {
                const r = card.getBoundingClientRect();
                const row = rows.get(Math.round(r.top)) ?? { left: r.left, right: r.right };
                rows.set(Math.round(r.top), { left: Math.min(row.left, r.left), right: Math.max(row.right, r.right) });
              }
              return [...rows.values()].map((row) => Math.round(box.width - (row.right - row.left)));
            }),
          );
          assert.ok(gaps.length >= 1, `${href} has card grids`);
          assert.ok(gaps.every((gap) => gap <= 1), `${href} at ${width} px leaves ${JSON.stringify(gaps)} px empty in its card rows`);
        }
      }
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('numbers ordered lists in the edition\'s digits', async () => {
    const expected: Record<Lang, string> = { en: 'decimal', fa: 'persian', ar: 'arabic-indic' };
    for (const lang of Object.keys(WORDS) as Lang[]) {
      await page.goto(`${server.url}${hrefs.get(lang)?.article}`);
      const styles = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.body ol, .recent ol'), (ol) => getComputedStyle(ol).listStyleType),
      );
      assert.ok(styles.length >= 2, `the body's list and the sidebar's most recent list (${lang})`);
      assert.deepEqual(new Set(styles), new Set([expected[lang]]), lang);
      // Lists laid out as plain stacks keep showing no numbers at all.
      await page.goto(`${server.url}${hrefs.get(lang)?.section}`);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.article-list') as Element).listStyleType), 'none');
    }
  });
});
