// What a reader sees, in Chromium: the English front, the lead story, related articles, the
// Persian translation laid out right-to-left (the sidebar changes side), a search from the header
// form, screenshots at phone and desktop widths, and axe-core on every page type in both directions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { tempDir } from '../support/database.js';
import { startServer, type ServerProcess } from '../support/server.js';

describe('public site in Chromium', { skip: chromiumPath ? false : 'Chromium not available' }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    server = await startServer({ DATA_DIR: tempDir(), DEMO_CONTENT: 'auto' }, 120_000);
    browser = await launchBrowser();
    // axe is injected as an inline script, which the site's CSP rightly forbids: only this test
    // context bypasses CSP.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    server?.child.kill('SIGTERM');
  });

  const sidebarSide = async () => {
    const [main, aside] = await Promise.all([page.locator('.primary').boundingBox(), page.locator('aside.sidebar').boundingBox()]);
    assert.ok(main && aside, 'main column and sidebar are laid out');
    return aside.x > main.x ? 'right' : 'left';
  };

  it('opens the English front, follows the lead story, sees related articles and switches to Persian', async () => {
    await page.goto(`${server.url}/en/`);
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.equal(await sidebarSide(), 'right');
    await expectAccessible('home-en');

    const lead = page.locator('.lead-story h3 a');
    const leadHeadline = (await lead.innerText()).trim();
    await lead.click();
    await page.waitForLoadState();
    assert.equal((await page.locator('h1').innerText()).trim(), leadHeadline);
    const related = page.locator('.related .card-title a');
    assert.ok((await related.count()) >= 5, `${await related.count()} related articles`);
    assert.equal(await sidebarSide(), 'right');
    await expectAccessible('article-en');
    await screenshot(page, 'article-en-desktop');

    await page.locator('.translations a[hreflang="fa"]').click();
    await page.waitForLoadState();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'fa');
    assert.equal(await sidebarSide(), 'left', 'the layout mirrored');
    assert.match(await page.locator('.meta time').first().innerText(), /[۰-۹]/, 'Persian digits');
    await expectAccessible('article-fa');
    await screenshot(page, 'article-fa-desktop');

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'article-fa-phone');
    await page.goBack();
    await screenshot(page, 'article-en-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('has no serious or critical axe violations on every page type in LTR and RTL', async () => {
    for (const lang of ['en', 'fa', 'ar']) {
      await page.goto(`${server.url}/${lang}/`);
      await expectAccessible(`home-${lang}`);
      const section = await page.locator('.section-block h2 a').first().getAttribute('href');
      assert.ok(section);
      await page.goto(`${server.url}${section}`);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'en' ? 'ltr' : 'rtl');
      await expectAccessible(`section-${lang}`);
      await page.locator('.article-list .card-title a').first().click();
      await page.waitForLoadState();
      await expectAccessible(`article-${lang}`);
      const tag = await page.locator('.tags a').first().getAttribute('href');
      const word = ((await page.locator('h1').innerText()).match(/\p{L}{3,}/gu) ?? []).sort((a, b) => b.length - a.length)[0];
      if (tag) {
        await page.goto(`${server.url}${tag}`);
        await expectAccessible(`tag-${lang}`);
      }
      assert.ok(word);
      await searchFromHeader(lang, word);
      assert.ok((await page.locator('.hit').count()) >= 1, `results for ${word}`);
      await expectAccessible(`search-${lang}`);
      await page.goto(`${server.url}/${lang}/search?q=qzxwvbnmpl`);
      await expectAccessible(`search-empty-${lang}`);
    }
    await page.goto(`${server.url}/fa/news/999999/missing`);
    await expectAccessible('not-found-fa');
    await screenshot(page, 'not-found-fa');
  });

  it('searches from the header at phone and desktop widths', async () => {
    for (const [width, height] of [[390, 844], [1366, 900]] as const) {
      await page.setViewportSize({ width, height });
      for (const lang of ['en', 'fa']) {
        await page.goto(`${server.url}/${lang}/`);
        const word = ((await page.locator('.card-title a').first().innerText()).match(/\p{L}{3,}/gu) ?? []).sort((a, b) => b.length - a.length)[0];
        assert.ok(word);
        const [form, masthead] = await Promise.all([page.locator('.site-search').boundingBox(), page.locator('.masthead').boundingBox()]);
        assert.ok(form && masthead && form.x >= masthead.x && form.x + form.width <= masthead.x + masthead.width + 1, 'the header form fits the masthead');
        await searchFromHeader(lang, word);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'en' ? 'ltr' : 'rtl');
        assert.ok((await page.locator('.hit mark').count()) >= 1, 'a highlighted match');
        await screenshot(page, `search-${lang}-${width}`);
        // The reader reaches the article from its result, by keyboard as by mouse.
        const first = page.locator('.hit .card-title a').first();
        const headline = (await first.innerText()).trim();
        await first.focus();
        await Promise.all([page.waitForURL(new RegExp(`/${lang}/news/\\d+/`)), page.keyboard.press('Enter')]);
        assert.equal((await page.locator('h1').innerText()).trim(), headline, 'the article of the result');
        // A careless or hostile query echoed back: one 300-letter word must wrap, not widen the page.
        await page.goto(`${server.url}/${lang}/search?q=${'w'.repeat(300)}`);
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, `a long query widened the ${lang} page at ${width} px`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  async function searchFromHeader(lang: string, word: string) {
    await page.locator('.site-search input[name=q]').fill(word);
    await Promise.all([page.waitForURL(new RegExp(`/${lang}/search\\?q=`)), page.locator('.site-search button').click()]);
    await page.waitForLoadState();
  }

  async function expectAccessible(name: string) {
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations)}`);
  }
});
