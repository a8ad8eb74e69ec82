// Click-to-load embeds in Chromium, with the site's real CSP: an article with a library image and
// YouTube, X and Telegram embeds makes no request beyond 127.0.0.1 until the reader presses a
// card's button; then the player's frame appears (YouTube from youtube-nocookie.com, which the
// page's frame-src must allow for the browser even to ask). Without JavaScript the card offers the
// link to the original and no button. Screenshots at phone and desktop widths in both directions.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { withNewDatabase } from '../../src/cli/storage.js';
import { loadConfig } from '../../src/config.js';
import { createArticle, publishArticle, type BodyDocument } from '../../src/domain/articles/index.js';
import { importImage } from '../../src/domain/media/index.js';
import { createFileBlobStore } from '../../src/storage/blobs/fs-store.js';
import { chromiumPath, launchBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { tempDir } from '../support/database.js';
import { startServer, type ServerProcess } from '../support/server.js';
import { threeEditions } from '../fixtures/factories.js';

describe('click-to-load embeds in Chromium', { skip: chromiumPath ? false : 'Chromium not available' }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dataDir = tempDir();
  const paths: Record<string, string> = {};
  const requests: string[] = [];

  before(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: '' });
    await withNewDatabase(config, async (ctx) => {
      await threeEditions(ctx);
      const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2f5d7c' } }).jpeg().toBuffer();
      const mediaId = await importImage(ctx, createFileBlobStore(path.join(dataDir, 'media')), {
        data: photo,
        credit: 'Dateline Photo Desk',
        texts: { en: { alt: 'A blue harbour at dawn', caption: 'The harbour at dawn' }, fa: { alt: 'بندری آبی در سپیده‌دم', caption: 'بندر در سپیده‌دم' } },
      });
      for (const [edition, headline, text] of [
        ['en', 'Ferry terminal opens with video and posts', 'The terminal opened on Monday; the harbour master spoke to reporters.'],
        ['fa', 'پایانهٔ کشتی با ویدیو و پست‌ها گشایش یافت', 'پایانه روز دوشنبه گشایش یافت و رئیس بندر با خبرنگاران گفت‌وگو کرد.'],
      ] as const) {
        const body = {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text }] },
            { type: 'image', mediaId },
            { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
            { type: 'embed', provider: 'x', url: 'https://x.com/example/status/1234567890' },
            { type: 'embed', provider: 'telegram', url: 'https://t.me/durov/123' },
          ],
        } as BodyDocument;
        const a = await createArticle(ctx, { edition, headline, body });
        await publishArticle(ctx, a.id);
        paths[edition] = `/${edition}/news/${a.id}/${encodeURIComponent(a.slug)}`;
      }
    });
    server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', DEMO_CONTENT: 'off' }, 120_000);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    // Every request the page makes is recorded; none is let out of this machine.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return new URL(url).hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    server?.child.kill('SIGTERM');
  });

  const outside = () => requests.filter((u) => !u.startsWith('data:') && new URL(u).hostname !== '127.0.0.1');

  it('asks nothing of YouTube, X or Telegram before the click, and frames the cookieless player after it', async () => {
    await page.goto(`${server.url}${paths.en}`);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('figure.embed-card').count(), 3);
    assert.equal(await page.locator('iframe').count(), 0);
    assert.deepEqual(outside(), [], 'no request left 127.0.0.1 before the click');
    assert.ok(await page.locator('figure.body-image picture img').isVisible(), 'the library image is drawn');
    await screenshot(page, 'embeds-en-desktop');

    const card = page.locator('figure.embed-youtube');
    await card.locator('button.embed-load').click();
    const frame = card.locator('iframe.embed-frame');
    await frame.waitFor();
    assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    // The browser asks for the player only because the page's frame-src allows its host.
    const deadline = Date.now() + 5000;
    while (!outside().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(outside().map((u) => new URL(u).origin), ['https://www.youtube-nocookie.com'], 'only the chosen player was asked for');
    assert.equal(await page.locator('figure.embed-x iframe').count(), 0, 'the other cards stay cards');
  });

  it('offers the link to the original and no button without JavaScript', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const seen: string[] = [];
    await plain.route('**/*', (route) => {
      seen.push(route.request().url());
      return new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    const p = await plain.newPage();
    await p.goto(`${server.url}${paths.en}`);
    assert.equal(await p.locator('button.embed-load').first().isVisible(), false);
    assert.equal(await p.locator('figure.embed-youtube a.embed-link').getAttribute('href'), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    assert.deepEqual(seen.filter((u) => new URL(u).hostname !== '127.0.0.1'), []);
    await plain.close();
  });

  it('has no serious or critical axe violations with the cards, in LTR and RTL', async () => {
    // axe is injected as an inline script, which the site's CSP rightly forbids: only this context bypasses it.
    const audit = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
    await audit.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const p = await audit.newPage();
    for (const edition of ['en', 'fa']) {
      await p.goto(`${server.url}${paths[edition]}`);
      assert.deepEqual(await seriousViolations(p), [], edition);
    }
    await audit.close();
  });

  it('lays the cards out at phone and desktop widths, left to right and right to left', async () => {
    for (const [edition, dir] of [['en', 'ltr'], ['fa', 'rtl']] as const) {
      await page.goto(`${server.url}${paths[edition]}`);
      assert.equal(await page.getAttribute('html', 'dir'), dir);
      for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1366, 900]] as const) {
        await page.setViewportSize({ width, height });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${edition} ${name}: no sideways scroll (${overflow}px)`);
        await page.locator('figure.embed-card').first().scrollIntoViewIfNeeded();
        await screenshot(page, `embeds-${edition}-${name}`);
      }
    }
  });
});
