// The agency's masthead, section menu and footer in Chromium, at phone (390 px) and desktop
// (1366 px) widths, in English (LTR) and Persian and Arabic (RTL): the page never scrolls
// sideways, every section link is reached by Tab in order, the RTL menu starts on the right,
// axe-core finds nothing serious, and the favicon answers as an icon.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { tempDir } from '../support/database.js';
import { startServer, type ServerProcess } from '../support/server.js';

const WIDTHS = [390, 1366] as const;
const EDITIONS = ['en', 'fa', 'ar'] as const;

describe('masthead, section menu and footer in Chromium', { skip: chromiumPath ? false : 'Chromium not available' }, () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    server = await startServer({ DATA_DIR: tempDir(), DEMO_CONTENT: 'auto' }, 120_000);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
  });

  for (const width of WIDTHS) {
    for (const lang of EDITIONS) {
      it(`${lang} at ${width} px: no sideways scroll, every section by Tab, accessible`, async () => {
        // axe is injected as an inline script, which the site's CSP forbids: only this context bypasses it.
        const context: BrowserContext = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
        const page: Page = await context.newPage();
        try {
          for (const path of [`/${lang}/`]) {
            await page.goto(`${server.url}${path}`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.equal(overflow, 0, `${path} at ${width}: ${overflow} px too wide`);
            const menu = page.locator('nav.section-menu a');
            const hrefs = await menu.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
            assert.ok(hrefs.length >= 7, `${hrefs.length} links in the menu`);
            for (const link of await menu.all()) {
              const box = await link.boundingBox();
              assert.ok(box && box.x >= 0 && box.x + box.width <= width + 0.5, 'each menu link inside the viewport');
              assert.ok(box.height >= 44, 'a thumb-sized target');
            }
            // Tab from the top of the page: every menu link gets the focus, in the menu's order.
            const reached: string[] = [];
            for (let i = 0; i < 40 && reached.length < hrefs.length; i++) {
              await page.keyboard.press('Tab');
              const focused = await page.evaluate(() => {
                const el = document.activeElement;
                return el?.closest('nav.section-menu') ? el.getAttribute('href') : null;
              });
              if (focused) reached.push(focused);
            }
            assert.deepEqual(reached, hrefs, 'Tab reaches each section link in order');
            if (lang !== 'en') {
              const [first, second] = await Promise.all([menu.nth(0).boundingBox(), menu.nth(1).boundingBox()]);
              assert.ok(first && second && first.x > second.x, 'the RTL menu runs right to left');
            }
            const violations = await seriousViolations(page);
            assert.deepEqual(violations, [], JSON.stringify(violations));
            await screenshot(page, `identity-${lang}-${width}`);
          }
        } finally {
          await context.close();
        }
      });
    }
  }

  it('answers /favicon.ico with an icon, and links it from pages', async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/x-icon');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/fa/`);
    const icon = await page.getAttribute('link[rel="icon"]', 'href');
    assert.ok(icon);
    assert.equal((await page.request.get(`${server.url}${icon}`)).status(), 200);
    await context.close();
  });
});
