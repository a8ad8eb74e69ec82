// The rich editor in Chromium under the strict CSP: sign in, create an article, type in the
// TipTap editor (a bold word, a bulleted list), save, reload, and find the marks kept in the
// stored document; no CSP report or page error on the way. Screenshots at phone and desktop
// widths, in English and with a Persian article (right-to-left editing), kept as artifacts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launchBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { tempDir } from '../support/database.js';
import { startServer, type ServerProcess } from '../support/server.js';

const NEW_PASSWORD = 'a long and private passphrase';

interface StoredDoc {
  content: Array<{ type: string; content?: Array<{ text: string; marks?: Array<{ type: string }> }>; items?: unknown[][] }>;
}

describe('article editor in Chromium', { skip: chromiumPath ? false : 'Chromium not available' }, () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    server = await startServer({ DATA_DIR: tempDir(), DEMO_CONTENT: 'auto' }, 120_000);
    const first = /admin@example\.com \/ (\S{20,})/.exec(server.output())?.[1] ?? '';
    assert.ok(first, 'the first start prints a one-time admin password');
    browser = await launchBrowser();
    // Replace the printed password once, so each test signs in directly.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, first);
    await page.fill('#current', first);
    await page.fill('#next', NEW_PASSWORD);
    await page.fill('#confirm', NEW_PASSWORD);
    await page.click('form.newsroom-form button[type=submit]');
    await page.waitForLoadState();
    await context.close();
  });
  after(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
  });

  async function signIn(page: Page, password: string) {
    await page.goto(`${server.url}/admin/login`);
    await page.fill('#email', 'admin@example.com');
    await page.fill('#password', password);
    await page.click('form.newsroom-form button[type=submit]');
    await page.waitForLoadState();
  }

  const storedDoc = (page: Page) => page.evaluate(() => JSON.parse(document.getElementById('editor-doc')?.textContent ?? 'null') as unknown) as Promise<StoredDoc>;

  it('types a bold word and a list in the rich editor, saves, and finds them after a reload, with no CSP errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    try {
      await signIn(page, NEW_PASSWORD);
      await page.goto(`${server.url}/admin/articles/new`);
      await page.selectOption('#new-edition', 'en');
      await page.fill('#new-headline', 'Editor test: harbour lights');
      await page.fill('#new-body', 'Placeholder.');
      await page.click('form.editor-new button[type=submit]');
      await page.waitForSelector('#editor-form[data-editor="ready"]', { timeout: 10_000 });
      assert.equal(await page.isHidden('#ed-body'), true, 'the textarea gives way to the editor');
      const rich = page.locator('.editor-rich');
      await rich.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('The harbour is ');
      await page.keyboard.press('Control+B');
      await page.keyboard.type('open');
      await page.keyboard.press('Control+B');
      await page.keyboard.type(' again.');
      await page.keyboard.press('Enter');
      await page.click('.editor-toolbar button[data-command="bullets"]');
      await page.keyboard.type('ferries');
      await page.keyboard.press('Enter');
      await page.keyboard.type('buses');
      assert.match((await page.textContent('#editor-words')) ?? '', /7/);
      await screenshot(page, 'editor-en-1366-typed');
      await Promise.all([page.waitForURL(/\/edit\?saved$/), page.click('.editor-save')]);
      await page.reload();
      const doc = await storedDoc(page);
      assert.equal(doc.content[0]?.type, 'paragraph');
      const bold = doc.content[0]?.content?.find((n) => n.marks?.some((m) => m.type === 'bold'));
      assert.equal(bold?.text, 'open');
      assert.equal(doc.content[1]?.type, 'list');
      assert.equal(doc.content[1]?.items?.length, 2);
      await page.waitForSelector('#editor-form[data-editor="ready"]');
      assert.equal(await page.locator('.editor-rich strong').textContent(), 'open');
      assert.equal(await page.locator('.editor-rich ul li').count(), 2);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('autosaves while typing, moves the version on, and stops with a banner when someone else saved', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const other = await (await browser.newContext()).newPage();
    try {
      await signIn(page, NEW_PASSWORD);
      await page.goto(`${server.url}/admin/articles/new`);
      await page.selectOption('#new-edition', 'en');
      await page.fill('#new-headline', 'Autosave test');
      await page.fill('#new-body', 'Start.');
      await page.click('form.editor-new button[type=submit]');
      await page.waitForSelector('#editor-form[data-editor="ready"]', { timeout: 10_000 });
      const version = () => page.inputValue('#editor-form input[name="expected_version"]');
      assert.equal(await version(), '1');
      await page.locator('.editor-rich').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' More words.');
      await page.waitForFunction(() => /Saved at/.test(document.getElementById('editor-autosave')?.textContent ?? ''), undefined, { timeout: 20_000 });
      assert.equal(await version(), '2');
      // Someone else saves from their own session.
      await signIn(other, NEW_PASSWORD);
      await other.goto(page.url().replace(/\?.*$/, ''));
      await other.fill('#ed-headline', 'Saved by someone else');
      await Promise.all([other.waitForURL(/\?saved$/), other.click('.editor-save')]);
      await page.keyboard.type(' Even more.');
      await page.waitForSelector('.editor-autosave-error', { timeout: 20_000 });
      assert.equal(await version(), '2', 'a conflict does not take the new version silently');
      await Promise.all([page.waitForLoadState(), page.click('.editor-save')]);
      assert.equal(await page.locator('.editor-conflict').count(), 1, 'saving now shows both versions');
      await page.waitForSelector('#editor-form[data-editor="ready"]');
      assert.match((await page.locator('.editor-rich').textContent()) ?? '', /Even more\./, 'my text is still in the editor');
      await screenshot(page, 'editor-en-1366-conflict');
    } finally {
      await other.context().close();
      await context.close();
    }
  });

  for (const width of [390, 1366]) {
    it(`edits a Persian article right-to-left in a Persian interface at ${width} px, axe clean, no horizontal scrolling`, async () => {
      // axe is injected as an inline script: only this context bypasses the CSP.
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true, locale: 'fa-IR' });
      const page = await context.newPage();
      try {
        await signIn(page, NEW_PASSWORD);
        await page.goto(`${server.url}/admin/articles/new`);
        await page.selectOption('#new-edition', 'fa');
        await page.fill('#new-headline', 'چراغ‌های بندر دوباره روشن شد');
        await page.fill('#new-body', '## پیشینه\n\nمتن **پررنگ** و *مورب*.\n\n- یک\n- دو');
        await page.click('form.editor-new button[type=submit]');
        await page.waitForSelector('#editor-form[data-editor="ready"]', { timeout: 10_000 });
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
        assert.equal(await page.getAttribute('#ed-headline', 'dir'), 'rtl');
        assert.equal(await page.getAttribute('.editor-rich', 'dir'), 'rtl');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `no horizontal scrolling (${overflow} px)`);
        assert.deepEqual(await seriousViolations(page), []);
        await screenshot(page, `editor-fa-article-${width}`);
        await page.click('.editor-status a[href$="/preview"]');
        await page.waitForLoadState();
        assert.equal(await page.locator('.preview-bar').count(), 1);
        await screenshot(page, `editor-fa-preview-${width}`);
      } finally {
        await context.close();
      }
    });
  }
});
