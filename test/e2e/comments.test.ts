// Comments in Chromium against the real server: an XSS corpus sent through the real form into
// name, website and comment, approved from the CLI, then the article pages and the comment feed
// loaded with a dialog listener and a sentinel; the thread and the form with errors at phone and
// desktop widths in English and Persian, with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/database.js';
import { startServer, type ServerProcess } from '../support/server.js';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';

describe('comments in Chromium', { skip: chromiumPath ? false : 'Chromium not available' }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dataDir = tempDir();
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  const dialogs: string[] = [];
  const articleOf = async (lang: string) => {
    await page.goto(`${server.url}/${lang}/`);
    const href = await page.locator('a[href*="/news/"]').first().getAttribute('href');
    assert.ok(href);
    return `${server.url}${href}`;
  };

  before(async () => {
    server = await startServer({ ...env, DEMO_CONTENT: 'auto', COMMENT_RATE_ADDRESS: '100000', COMMENT_RATE_ARTICLE: '100000' }, 120_000);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: false });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    server?.child.kill('SIGTERM');
  });

  const fill = async (name: string, website: string, body: string) => {
    await page.fill('#respond input[name="name"]', name);
    await page.fill('#respond input[name="email"]', 'xss@example.org');
    await page.fill('#respond input[name="website"]', website);
    await page.fill('#respond textarea[name="comment"]', body);
    await page.click('#respond button[type="submit"]');
    // Posted in place by the script (or by a page load without it): an anchor or errors appear.
    await page.waitForFunction(() => location.hash.startsWith('#comment-') || document.querySelector('.field-error, .form-errors'));
  };

  const assertInert = async (where: string) => {
    const state = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown };
      const comments = Array.from(document.querySelectorAll('.comment'));
      const bad: string[] = [];
      for (const c of comments) {
        for (const el of [c, ...Array.from(c.querySelectorAll('*'))]) {
          for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) bad.push(`${el.tagName}[${attr}]`);
          if (el.closest('.comment-body') && !['P', 'BR', 'A', 'DIV'].includes(el.tagName)) bad.push(`body ${el.tagName}`);
          if (el.closest('.comment-by') && !['A', 'BDI', 'P'].includes(el.tagName)) bad.push(`name ${el.tagName}`);
          if (el.tagName === 'A') {
            const href = el.getAttribute('href') ?? '';
            if (!/^(https?:\/\/|#|\/)/i.test(href)) bad.push(`href ${href}`);
          }
        }
      }
      return { sentinel: w.__xss ?? null, bad, scripts: document.querySelectorAll('script:not([type="application/ld+json"]):not([src])').length, count: comments.length };
    });
    assert.equal(state.sentinel, null, `${where}: a payload ran`);
    assert.deepEqual(state.bad, [], where);
    assert.equal(state.scripts, 0, `${where}: an inline script appeared`);
    assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
    return state.count;
  };

  it(`keeps ${XSS_PAYLOADS.length} hostile payloads inert in names, websites and comments`, async () => {
    assert.ok(XSS_PAYLOADS.length >= 60);
    const article = await articleOf('en');
    for (const payload of XSS_PAYLOADS) {
      await page.goto(article);
      // Into every field: a website that is not an http(s) URL comes back as 422 with the input kept.
      await fill(payload, payload, payload);
      const status = page.url().includes('#comment-') ? 'posted' : 'refused';
      if (status === 'refused') {
        await assertInert(`422 page for ${payload}`);
        await fill(payload, `https://ok.example/?q=${encodeURIComponent(payload)}`, payload);
      }
    }
    const approved = await runCli(['comments', 'approve', '--all'], env);
    assert.equal(approved.code, 0, approved.stderr);
    // Another server's write (the CLI) reaches this one through the outbox within about a second.
    await new Promise((r) => setTimeout(r, 2500));
    await context.clearCookies();
    let url: string | undefined = article;
    let seen = 0;
    while (url) {
      await page.goto(url);
      seen += await assertInert(url);
      const more = await page.locator('.comments-pages a[rel="next"]').getAttribute('href').catch(() => null);
      url = more ? `${server.url}${more}` : undefined;
    }
    assert.ok(seen >= XSS_PAYLOADS.length, `${seen} comments shown`);
    const feedPath = await page.goto(article).then(() => page.locator('.comments-feed a').getAttribute('href'));
    await page.goto(`${server.url}${feedPath}`);
    const feed = await page.content();
    assert.deepEqual(dialogs, []);
    assert.ok(feed.length > 1000);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null), null);
  });

  it('posts in place with JavaScript under the strict CSP: errors beside fields, then the held comment', async () => {
    const js = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const p = await js.newPage();
    const violations: string[] = [];
    p.on('pageerror', (e) => violations.push(`pageerror ${e.message}`));
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    try {
      await p.goto(await articleOf('fa'));
      let navigations = 0;
      p.on('load', () => navigations++);
      await p.fill('#respond input[name="name"]', 'سارا');
      await p.fill('#respond input[name="email"]', 'not-an-email');
      await p.click('#respond button[type="submit"]');
      await p.waitForSelector('#respond .field-error', { timeout: 5000 }).catch(() => assert.fail(`no errors shown: ${violations.join(' ')} ${p.url()}`));
      assert.equal(await p.locator('#respond [aria-invalid="true"]').count(), 2, 'email and comment marked');
      await p.fill('#respond input[name="email"]', 'sara-js@example.org');
      await p.fill('#respond textarea[name="comment"]', 'نوشته‌ای با جاوااسکریپت، بدون بارگذاری دوبارهٔ صفحه');
      await p.waitForTimeout(3100);
      await p.click('#respond button[type="submit"]');
      await p.waitForSelector('.comment.pending', { timeout: 5000 }).catch(async () => assert.fail(`no pending: ${violations.join(' | ')} :: ${await p.evaluate(() => document.cookie + ' ' + (document.getElementById('comments')?.outerHTML.slice(0, 600) ?? 'none'))}`));
      assert.equal(navigations, 0, 'no page load');
      assert.match(p.url(), /#comment-\d+$/);
      assert.deepEqual(violations, []);
      assert.deepEqual(await seriousViolations(p).catch(() => []), []);
    } finally {
      await js.close();
    }
  });

  for (const lang of ['en', 'fa'] as const) {
    for (const width of [390, 1366]) {
      it(`lays out the thread and the form with errors (${lang}, ${width} px), axe clean`, async () => {
        const phone = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
        const p = await phone.newPage();
        try {
          await p.goto(lang === 'en' ? await articleOf('en') : await articleOf('fa'));
          await p.fill('#respond input[name="name"]', lang === 'fa' ? 'مریم' : 'Mary');
          await p.fill('#respond input[name="email"]', `mary-${lang}-${width}@example.org`);
          await p.fill('#respond textarea[name="comment"]', lang === 'fa' ? `به نظرم این خبر دربارهٔ بندر مهم است (${width}). https://example.org` : `A fine article about the harbour (${width}). https://example.org`);
          await p.waitForTimeout(3100);
          await p.click('#respond button[type="submit"]');
          await p.waitForURL(/#comment-\d+$/);
          await p.waitForSelector('.comment.pending');
          await screenshot(p, `comments-posted-${lang}-${width}`);
          assert.equal(await p.locator('.comment.pending .comment-pending').count(), 1, `the author sees the held comment marked: ${p.url()} ${await p.locator('.comment').count()}`);
          assert.equal(await p.getAttribute('html', 'dir'), lang === 'fa' ? 'rtl' : 'ltr');
          await p.locator('#comments').scrollIntoViewIfNeeded();
          await screenshot(p, `comments-thread-${lang}-${width}`);
          assert.deepEqual(await seriousViolations(p), [], 'article with comments');
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 1, `horizontal overflow ${overflow}px`);
          await p.fill('#respond input[name="name"]', '');
          await p.fill('#respond input[name="email"]', 'not-an-email');
          await p.fill('#respond input[name="website"]', 'ftp://nope');
          await p.fill('#respond textarea[name="comment"]', '');
          await p.click('#respond button[type="submit"]');
          await p.waitForSelector('#respond .field-error');
          assert.equal(await p.locator('#respond .field-error').count(), 4);
          await screenshot(p, `comments-errors-${lang}-${width}`);
          assert.deepEqual(await seriousViolations(p), [], 'form with errors');
        } finally {
          await phone.close();
        }
      });
    }
  }
});
