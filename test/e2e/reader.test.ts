// A reader in Chromium: the English front, an article, its Persian translation in right-to-left.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { tempDir } from '../support/database.js';
import { startServer, type ServerProcess } from '../support/server.js';

describe('reader in Chromium', { skip: chromiumPath ? false : 'Chromium not available' }, () => {
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

  it('follows an article from the English front to its Persian translation, which is right-to-left', async () => {
    // axe is injected as an inline script, which the site's CSP rightly forbids: the test context
    // alone bypasses CSP.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/en/`);
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(await seriousViolations(page), []);

    // The newest story is told in all three editions in the demo; open the first that has a Persian version.
    const links = await page.locator('.article-list h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    let found = false;
    for (const href of links.slice(0, 10)) {
      await page.goto(href);
      if ((await page.locator('.translations a[hreflang="fa"]').count()) > 0) {
        found = true;
        break;
      }
    }
    assert.ok(found, 'an English article links to a Persian translation');
    const headline = await page.locator('h1').innerText();
    assert.ok(headline.length > 10);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'article-en-desktop');

    await page.locator('.translations a[hreflang="fa"]').click();
    await page.waitForLoadState();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'fa');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
    // The masthead's brand sits at the inline start: on the right in RTL.
    const brand = await page.locator('.brand').boundingBox();
    assert.ok(brand && brand.x > 640, `brand at x=${brand?.x}`);
    assert.match(await page.locator('time').first().innerText(), /[۰-۹]/, 'Persian digits');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'article-fa-desktop');

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'article-fa-phone');
    await context.close();
  });
});
