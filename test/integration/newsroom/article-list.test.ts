// The newsroom's article list (/admin/articles) and dashboard (/admin) on every dialect: who may
// open them, each filter narrowing the rows, keyset pages over rows with one updated_at (no
// repeats, no gaps, both directions), the read policy (a reporter never sees another's draft,
// in the list or the dashboard) and the edition limit (another edition in ?edition= is 422, and
// its rows never appear), bad filter values answered 422 with nothing echoed, and the
// dashboard's counts matching the rows its links list.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../../src/core/context.js';
import { listArticles, publishArticle, scheduleArticle, submitForReview } from '../../../src/domain/articles/index.js';
import { setCommentSettings } from '../../../src/domain/comments/index.js';
import { createSection } from '../../../src/domain/editions/index.js';
import { createUser, updateAccess } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { commentPoster } from '../../support/comments.js';
import { Browser } from '../../support/newsroom.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';
import { insertPublishedArticle } from '../../../bench/corpus.js';
import { documentFromText } from '../../../src/domain/articles/index.js';

const PASSWORD = 'correct horse battery staple';

/** The article ids a list page shows, in order. */
const idsOf = (html: string) => [...html.matchAll(/href="\/admin\/articles\/(\d+)\/edit"/g)].map((m) => Number(m[1]));
const decode = (href: string) => href.replaceAll('&amp;', '&');
const linkOf = (html: string, rel: 'next' | 'prev') => {
  const m = new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(html);
  return m ? decode(m[1]!) : undefined;
};

eachDialect('article list and dashboard', (h) => {
  let app: FastifyInstance;
  const users: Record<string, Actor & { kind: 'user' }> = {};
  const as = async (who: string) => {
    const b = new Browser(app);
    await b.signIn(`${who}@example.org`, PASSWORD);
    return b;
  };
  const ctxOf = (who: string) => h().ctx(users[who]);
  let sectionEn: number;
  let sectionKeyset: number;

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    for (const [who, role] of [
      ['admin', 'admin'],
      ['editor', 'editor'],
      ['fa-editor', 'editor'],
      ['rep', 'reporter'],
      ['rep2', 'reporter'],
      ['tr', 'translator'],
      ['mod', 'moderator'],
    ] as const) {
      const u = await createUser(ctx, { email: `${who}@example.org`, name: `Name ${who}`, role, password: PASSWORD });
      users[who] = { kind: 'user', id: u.id, role, name: `Name ${who}` };
    }
    await updateAccess(ctx, users['fa-editor']!.id, { role: 'editor', editions: ['fa'] });
    users['fa-editor']!.editions = ['fa'];
    sectionEn = await createSection(ctx, { edition: 'en', slug: 'economy', name: 'Economy' });
    sectionKeyset = await createSection(ctx, { edition: 'ar', slug: 'pages', name: 'صفحات' });
    app = await buildTestApp(h(), { runJobs: false });
  });
  after(() => app?.close());

  it('opens for admin, editor, reporter and translator; refuses the moderator with 403', async () => {
    for (const who of ['admin', 'editor', 'rep', 'tr']) assert.equal((await (await as(who)).get('/admin/articles')).statusCode, 200, who);
    assert.equal((await (await as('mod')).get('/admin/articles')).statusCode, 403);
    const anonymous = await app.inject({ url: '/admin/articles', headers: { accept: 'text/html' } });
    assert.ok([302, 303].includes(anonymous.statusCode));
    // The NAV lists the screen for the roles that may open it, and not for the moderator.
    assert.ok((await (await as('rep')).get('/admin')).body.includes('href="/admin/articles"'));
    assert.ok(!(await (await as('mod')).get('/admin')).body.includes('href="/admin/articles"'));
  });

  it('narrows by edition, status, section, author and headline text (any case, any script, wildcards literal)', async () => {
    h().clock.advance(60_000);
    const sys = h().ctx();
    const enDraft = await anArticle(ctxOf('rep'), { edition: 'en', headline: 'Tidal HARBOUR report', sectionId: sectionEn });
    const enPub = await anArticle(ctxOf('editor'), { edition: 'en', headline: 'Prices rose 50% in a year' });
    await publishArticle(sys, enPub.id);
    const faReview = await anArticle(ctxOf('rep'), { edition: 'fa', headline: 'گزارش بندر عباس' });
    await submitForReview(ctxOf('rep'), faReview.id);
    const arDraft = await anArticle(ctxOf('editor'), { edition: 'ar', headline: 'ميناء جديد' });
    const admin = await as('admin');
    const ids = async (q: string) => idsOf((await admin.get(`/admin/articles?${q}`)).body);
    const mine = [enDraft.id, enPub.id, faReview.id, arDraft.id];
    const only = (list: number[]) => list.filter((id) => mine.includes(id)).sort();

    assert.deepEqual(only(await ids('edition=fa')), [faReview.id]);
    assert.deepEqual(only(await ids('edition=ar')), [arDraft.id]);
    assert.deepEqual(only(await ids('status=in_review')), [faReview.id]);
    assert.deepEqual(only(await ids('status=published&edition=en')), [enPub.id]);
    assert.deepEqual(only(await ids(`section=${sectionEn}`)), [enDraft.id]);
    assert.deepEqual(only(await ids(`author=${users.rep!.id}`)), [enDraft.id, faReview.id].sort());
    assert.deepEqual(only(await ids('author=')), mine.slice().sort());
    assert.deepEqual(only(idsOf((await (await as('editor')).get('/admin/articles?author=mine')).body)), [enPub.id, arDraft.id].sort());
    assert.deepEqual(await ids('text=harbour'), [enDraft.id], 'case folded');
    assert.deepEqual(await ids('text=TIDAL%20harb'), [enDraft.id], 'a phrase with a space');
    assert.deepEqual(await ids(`text=${encodeURIComponent('بندر')}`), [faReview.id], 'Persian substring');
    assert.deepEqual(await ids(`text=${encodeURIComponent('مي')}`), [arDraft.id], 'two letters');
    assert.deepEqual(await ids('text=50%25'), [enPub.id], 'a % matches itself');
    assert.deepEqual(await ids('text=%25'), [enPub.id], 'a lone % matches itself');
    assert.deepEqual(await ids('text=_'), [], 'a lone _ is not a wildcard');
    assert.deepEqual(await ids('text=harbour&status=published'), [], 'filters combine');
    const empty = await admin.get('/admin/articles?text=nothing-like-this');
    assert.equal(empty.statusCode, 200);
    assert.ok(empty.body.includes('class="list-empty"'));
  });

  it('walks keyset pages over 30 articles with one updated_at: no repeats, no gaps, both directions', async () => {
    h().clock.advance(60_000);
    const sys = h().ctx();
    const created: number[] = [];
    for (let i = 0; i < 30; i++) created.push((await anArticle(sys, { edition: 'ar', headline: `صفحه ${i}`, sectionId: sectionKeyset })).id);
    const expected = created.slice().reverse();
    // Through the page's own links (25 a page).
    const admin = await as('admin');
    const first = await admin.get(`/admin/articles?section=${sectionKeyset}`);
    assert.equal(first.statusCode, 200);
    const older = linkOf(first.body, 'next');
    assert.ok(older, 'an Older link');
    assert.equal(linkOf(first.body, 'prev'), undefined, 'the first page has no Newer link');
    const second = await admin.get(older);
    assert.deepEqual([...idsOf(first.body), ...idsOf(second.body)], expected);
    assert.equal(linkOf(second.body, 'next'), undefined, 'the last page has no Older link');
    const newer = linkOf(second.body, 'prev');
    assert.ok(newer);
    assert.deepEqual(idsOf((await admin.get(newer)).body), expected.slice(0, 25));
    assert.ok(second.body.includes(`href="/admin/articles?section=${sectionKeyset}"`), 'a link to the first page');
    // Through the domain, 7 a page, down and back up.
    const ctx = ctxOf('admin');
    const down: number[][] = [];
    let page = await listArticles(ctx, { order: 'updated', sectionId: sectionKeyset, limit: 7 });
    down.push(page.items.map((a) => a.id));
    while (page.next) {
      page = await listArticles(ctx, { order: 'updated', sectionId: sectionKeyset, limit: 7, older: page.next });
      down.push(page.items.map((a) => a.id));
    }
    assert.deepEqual(down.flat(), expected);
    const up: number[][] = [];
    while (page.prev) {
      page = await listArticles(ctx, { order: 'updated', sectionId: sectionKeyset, limit: 7, newer: page.prev });
      up.unshift(page.items.map((a) => a.id));
    }
    assert.deepEqual([...up.flat(), ...down[down.length - 1]!], expected);
  });

  it('pages a headline word found in over a thousand articles newest first (SQLite walks the list index then)', async () => {
    const body = documentFromText('A common body.');
    const base = Date.parse('2026-11-20T00:00:00.000Z');
    const ids: number[] = [];
    await h().db.storage.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1030; i++) {
        const when = new Date(base + Math.floor(i / 3) * 1000).toISOString();
        ids.push(await insertPublishedArticle(trx, { edition: 'fa', slug: `ubiquitous-${i}`, headline: `Ubiquitous word ${i}`, dek: '', dateline: '', creditLine: '', byline: '', body, sectionId: null, when }));
      }
    });
    const newest = ids.map((id, i) => ({ id, at: Math.floor(i / 3) })).sort((a, b) => b.at - a.at || b.id - a.id).map((r) => r.id);
    const admin = await as('admin');
    const first = await admin.get('/admin/articles?text=UBIQUITOUS');
    assert.equal(first.statusCode, 200);
    const older = linkOf(first.body, 'next');
    assert.ok(older);
    const second = await admin.get(older);
    assert.deepEqual([...idsOf(first.body), ...idsOf(second.body)], newest.slice(0, 50));
  });

  it('never shows a reporter another reporter’s draft, in the list or on the dashboard', async () => {
    h().clock.advance(60_000);
    const secret = await anArticle(ctxOf('rep2'), { edition: 'en', headline: 'Secret draft of reporter two' });
    const own = await anArticle(ctxOf('rep'), { edition: 'en', headline: 'Own draft of reporter one' });
    const rep = await as('rep');
    for (const url of ['/admin/articles', '/admin/articles?status=draft', `/admin/articles?author=${users.rep2!.id}`, '/admin/articles?text=Secret', '/admin']) {
      const page = await rep.get(url);
      assert.equal(page.statusCode, 200, url);
      assert.ok(!page.body.includes('Secret draft'), url);
      assert.ok(!idsOf(page.body).includes(secret.id), url);
    }
    const dashboard = (await rep.get('/admin')).body;
    assert.ok(idsOf(dashboard).includes(own.id), 'the own draft is on the dashboard');
    assert.ok(dashboard.includes('href="/admin/articles?status=draft&amp;author=mine"'), 'see all links to the filter');
    // The translator reads submitted work but no one's draft either.
    assert.ok(!idsOf((await (await as('tr')).get('/admin/articles?status=draft')).body).includes(secret.id));
  });

  it('keeps an edition-limited editor to their editions: another edition is 422, its rows never appear', async () => {
    h().clock.advance(60_000);
    const en = await anArticle(h().ctx(), { edition: 'en', headline: 'English only story' });
    const fa = await anArticle(h().ctx(), { edition: 'fa', headline: 'خبر فارسی ویژه' });
    const ed = await as('fa-editor');
    const all = await ed.get('/admin/articles');
    assert.equal(all.statusCode, 200);
    assert.ok(idsOf(all.body).includes(fa.id));
    assert.ok(!idsOf(all.body).includes(en.id));
    const other = await ed.get('/admin/articles?edition=en');
    assert.equal(other.statusCode, 422);
    assert.ok(!idsOf(other.body).length, 'no rows on a refused filter');
    assert.ok(!(await ed.get('/admin/articles?text=English%20only')).body.includes('English only story'));
    assert.equal((await ed.get(`/admin/articles?section=${sectionEn}`)).statusCode, 422, 'another edition’s section');
    // The edition choice and the dashboard's table hold the editor's edition only.
    assert.ok(!all.body.includes('<option value="en"'));
    const dashboard = (await ed.get('/admin')).body;
    assert.ok(dashboard.includes('edition=fa&amp;status='));
    assert.ok(!dashboard.includes('edition=en&amp;status='));
    assert.ok(!idsOf(dashboard).includes(en.id));
  });

  it('answers bad filter values with 422, a message, and nothing of the input echoed', async () => {
    const admin = await as('admin');
    const hostile = encodeURIComponent('<script>alert(1)</script>');
    const cursorOf = (s: string) => Buffer.from(s).toString('base64url');
    for (const q of [
      'status=bogus',
      `status=${hostile}`,
      'edition=xx',
      `edition=${hostile}`,
      'section=abc',
      'section=999999',
      'section=0',
      'author=someone',
      `author=${hostile}`,
      `text=${'x'.repeat(301)}`,
      'text=a%00b',
      'status=draft&status=published',
      'before=not!base64',
      `before=${cursorOf('yesterday|1')}`,
      `before=${cursorOf('2026-11-24T12:00:00.000Z|x')}`,
      `before=${cursorOf('2026-11-24T12:00:00.000Z|1')}&after=${cursorOf('2026-11-24T12:00:00.000Z|2')}`,
      `after=${'A'.repeat(200)}`,
    ]) {
      const page = await admin.get(`/admin/articles?${q}`);
      assert.equal(page.statusCode, 422, q);
      assert.ok(page.body.includes('role="alert"'), q);
      assert.ok(!page.body.includes('<script>alert'), q);
      assert.ok(!page.body.includes('bogus') && !page.body.includes('someone'), q);
      assert.equal(idsOf(page.body).length, 0, q);
    }
    // A well-formed cursor is accepted.
    assert.equal((await admin.get(`/admin/articles?before=${cursorOf('2026-11-24T12:00:00.000Z|1')}`)).statusCode, 200);
  });

  it('shows dashboard counts that match the rows of the list each links to', async () => {
    h().clock.advance(60_000);
    const sys = h().ctx();
    const due = await anArticle(sys, { edition: 'fa', headline: 'برنامهٔ فردا' });
    await scheduleArticle(sys, due.id, new Date('2026-12-31T08:00:00.000Z'));
    const admin = await as('admin');
    const dashboard = await admin.get('/admin');
    assert.equal(dashboard.statusCode, 200);
    const cells = [...dashboard.body.matchAll(/<a href="(\/admin\/articles\?edition=(\w+)&amp;status=(\w+))">([\d,]+)<\/a>/g)].map((m) => ({ href: decode(m[1]!), edition: m[2]!, status: m[3]!, count: Number(m[4]!.replaceAll(',', '')) }));
    assert.ok(cells.length >= 4);
    const rows = await h().db.storage.db.selectFrom('articles').select(['edition_code', 'status']).execute();
    for (const cell of cells) {
      assert.equal(cell.count, rows.filter((r) => r.edition_code === cell.edition && r.status === cell.status).length, cell.href);
      // Follow the cell: the list shows as many rows (its pages are 25 long; the thousand-row cell is skipped).
      if (cell.count > 100) continue;
      let shown = 0;
      let next: string | undefined = cell.href;
      while (next) {
        const page = await admin.get(next);
        shown += idsOf(page.body).length;
        next = linkOf(page.body, 'next');
      }
      assert.equal(shown, cell.count, cell.href);
    }
    // Every status with rows has its cell, and the scheduled block shows the time it goes out.
    const grouped = new Set(rows.map((r) => `${r.edition_code}/${r.status}`));
    assert.equal(cells.length, grouped.size);
    assert.ok(dashboard.body.includes('dateTime="2026-12-31T08:00:00.000Z"') || dashboard.body.includes('datetime="2026-12-31T08:00:00.000Z"'));
  });

  it('gives the moderator the comments waiting and no article blocks', async () => {
    const ctx = h().ctx();
    await setCommentSettings(ctx, 'en', { policy: 'hold_all' });
    const a = await anArticle(ctx, { edition: 'en' });
    await publishArticle(ctx, a.id);
    const post = commentPoster(app, h);
    const { response } = await post('en', a, { comment: 'Waiting for a moderator.' });
    assert.equal(response.statusCode, 303);
    const pending = Number((await h().db.storage.db.selectFrom('comments').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);
    const page = await (await as('mod')).get('/admin');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('href="/admin/comments?state=pending"'));
    assert.match(page.body, new RegExp(`: ${pending}</a>`));
    assert.ok(!page.body.includes('id="dash-drafts"'));
    assert.equal(idsOf(page.body).length, 0);
  });
});
