// The newsroom's door in Chromium: the first-run admin signs in with the printed password, must
// choose a new one, reaches the dashboard, the account and the users screens; then again in a
// Persian interface (right-to-left) at phone and desktop widths. axe-core on the sign-in, password,
// account, users and comment-desk screens in both directions (the desk also by keyboard);
// screenshots kept as artifacts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { tempDir } from '../support/database.js';
import { startServer, type ServerProcess } from '../support/server.js';

const NEW_PASSWORD = 'a long and private passphrase';

describe('newsroom sign-in in Chromium', { skip: chromiumPath ? false : 'Chromium not available' }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let firstPassword: string;

  before(async () => {
    server = await startServer({ DATA_DIR: tempDir(), DEMO_CONTENT: 'auto' }, 120_000);
    firstPassword = /admin@example\.com \/ (\S{20,})/.exec(server.output())?.[1] ?? '';
    assert.ok(firstPassword, 'the first start prints a one-time admin password');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
  });

  const runs = [
    { locale: 'en-GB', lang: 'en', dir: 'ltr', width: 1366 },
    { locale: 'en-GB', lang: 'en', dir: 'ltr', width: 390 },
    { locale: 'fa-IR', lang: 'fa', dir: 'rtl', width: 390 },
    { locale: 'fa-IR', lang: 'fa', dir: 'rtl', width: 1366 },
  ] as const;

  for (const [index, run] of runs.entries()) {
    it(`signs in with a ${run.lang} interface at ${run.width} px and passes axe on every screen`, async () => {
      // axe is injected as an inline script, which the newsroom's CSP rightly forbids: only this
      // test context bypasses CSP.
      const context = await browser.newContext({ viewport: { width: run.width, height: 900 }, locale: run.locale, bypassCSP: true });
      const page = await context.newPage();
      const name = `newsroom-${run.lang}-${run.width}`;
      const check = async (screen: string) => {
        assert.equal(await page.getAttribute('html', 'dir'), run.dir, `${screen}: direction`);
        assert.equal(await page.getAttribute('html', 'lang'), run.lang, `${screen}: language`);
        assert.deepEqual(await seriousViolations(page), [], `${screen}: axe`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${screen}: no horizontal scrolling (${overflow} px)`);
        await screenshot(page, `${name}-${screen}`);
      };
      try {
        await page.goto(`${server.url}/admin`);
        assert.equal(new URL(page.url()).pathname, '/admin/login', 'sent to sign in');
        await check('sign-in');
        await page.fill('#email', 'admin@example.com');
        await page.fill('#password', 'certainly not the password');
        await page.click('form.newsroom-form button[type=submit]');
        assert.equal(await page.locator('[role=alert]').count(), 1, 'a wrong password is announced');
        await page.fill('#password', index === 0 ? firstPassword : NEW_PASSWORD);
        await page.click('form.newsroom-form button[type=submit]');
        await page.waitForLoadState();
        if (index === 0) {
          assert.equal(new URL(page.url()).pathname, '/admin/account/password', 'the printed password must be replaced');
          await check('forced-password');
          await page.fill('#current', firstPassword);
          await page.fill('#next', NEW_PASSWORD);
          await page.fill('#confirm', NEW_PASSWORD);
          await page.click('form.newsroom-form button[type=submit]');
          await page.waitForLoadState();
        }
        assert.equal(new URL(page.url()).pathname, '/admin');
        await check('dashboard');
        await page.click('.newsroom-nav a[href="/admin/account"]');
        await page.waitForLoadState();
        await check('account');
        await page.click('.newsroom-nav a[href="/admin/users"]');
        await page.waitForLoadState();
        await page.fill('#invite-email', `new-${run.lang}-${run.width}@example.org`);
        await page.click('form[action="/admin/users/invite"] button[type=submit]');
        await page.waitForLoadState();
        assert.match(await page.inputValue('#invite-link'), /\/admin\/invite\/[A-Za-z0-9_-]{43}$/);
        await check('users');

        // A reader's comment reaches the desk, where the moderator approves it with the keyboard.
        await page.goto(`${server.url}/${run.lang}/`);
        const story = await page.locator('main a[href*="/news/"]').first().getAttribute('href');
        await page.goto(new URL(String(story), server.url).toString());
        await page.fill('#respond input[name="name"]', run.lang === 'fa' ? 'نگار' : 'Nigel');
        await page.fill('#respond input[name="email"]', `desk-${run.lang}-${run.width}@example.org`);
        await page.fill('#respond textarea[name="comment"]', run.lang === 'fa' ? `دیدگاهی برای میز بررسی (${run.width})` : `A remark for the desk (${run.width})`);
        await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/comments')), page.click('#respond button[type="submit"]')]);
        await page.goto(`${server.url}/admin/comments?state=pending`);
        await check('comment-desk');
        assert.ok(await page.isVisible('.desk-shortcuts'), 'the keyboard hint shows once the script runs');
        const first = await page.locator('.desk-comment input[name="ids"]').first().getAttribute('value');
        assert.ok(first, 'the new comment waits on the desk');
        await page.keyboard.press('j');
        await Promise.all([page.waitForURL(/done/), page.keyboard.press('a')]);
        assert.equal(await page.locator(`.desk-comment input[value="${first}"]`).count(), 0, 'approved with J then A');
        await page.goto(`${server.url}/admin/comments?state=approved`);
        assert.equal(await page.locator(`.desk-comment input[value="${first}"]`).count(), 1, 'and listed as approved');
        await page.click('.newsroom-signout button');
        await page.waitForLoadState();
        assert.equal(new URL(page.url()).pathname, '/admin/login');
      } finally {
        await context.close();
      }
    });
  }
});
