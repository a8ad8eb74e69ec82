// Reader comments end to end on every dialect: the form, validation (422, nothing stored), the
// three policies, threading depth, closing, rate limits, honeypot and timing, tokens, the learning
// filter, privacy, and the page cache (purged for approved comments, never holding a pending one).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../../src/core/context.js';
import { publishArticle, updateArticle } from '../../../src/domain/articles/index.js';
import { eraseCommenterData, exportCommenterData, listForModeration, moderateComments, setCommentSettings } from '../../../src/domain/comments/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { commentPoster, tokenIn } from '../../support/comments.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

eachDialect('comments', (h) => {
  let app: FastifyInstance;
  let post: ReturnType<typeof commentPoster>;
  const rows = async () => Number((await h().db.storage.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const fresh = async (edition = 'en') => {
    const ctx = h().ctx();
    const a = await anArticle(ctx, { edition });
    await publishArticle(ctx, a.id);
    return a;
  };
  const page = (lang: string, a: { id: number; slug: string }, cookie?: string) =>
    app.inject({ url: `/${lang}/news/${a.id}/${encodeURIComponent(a.slug)}`, headers: cookie ? { cookie } : {} });
  const mod = () => h().ctx(systemActor('test moderator'));

  before(async () => {
    await threeEditions(h().ctx());
    // Jobs (related refreshes) would purge pages behind the cache assertions' backs; purges still apply.
    app = await buildTestApp(h(), { runJobs: false });
    post = commentPoster(app, h);
  });
  after(() => app?.close());

  it('shows the form with every field, the note and the count on the article page', async () => {
    const a = await fresh();
    const body = (await page('en', a)).body;
    for (const name of ['name', 'email', 'website', 'comment', 'remember', 'token', 'homepage']) assert.ok(body.includes(`name="${name}"`), name);
    assert.ok(body.includes(`action="/en/news/${a.id}/comments"`));
    assert.ok(body.includes('class="comment-count"'));
    assert.ok(body.includes('id="comments"'));
    const fa = await fresh('fa');
    const persian = (await page('fa', fa)).body;
    assert.ok(persian.includes('دیدگاه خود را بنویسید'), 'the heading is in the edition’s language');
  });

  describe('validation', () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['name', { name: '' }],
      ['name', { name: 'x'.repeat(101) }],
      ['email', { email: '' }],
      ['email', { email: 'not-an-address' }],
      ['website', { website: 'javascript:alert(1)' }],
      ['website', { website: 'ftp://example.org/' }],
      ['body', { comment: '' }],
      ['body', { comment: 'y'.repeat(5001) }],
      ['body', { comment: '\u202E\u2066\u200B' }],
    ];
    for (const [field, override] of cases) {
      it(`refuses a bad ${field} (${JSON.stringify(override).slice(0, 40)}) with 422 beside the field, input kept, nothing stored`, async () => {
        const a = await fresh();
        const before = await rows();
        const { response } = await post('en', a, { name: 'Keeps Me', ...override });
        assert.equal(response.statusCode, 422);
        assert.ok(response.body.includes(`id="comment-${field}-error"`), `message beside ${field}`);
        assert.ok(response.body.includes(`aria-invalid="true"`));
        if (field !== 'name') assert.ok(response.body.includes('value="Keeps Me"'), 'input kept');
        assert.equal(response.headers['set-cookie'], undefined);
        assert.match(String(response.headers['cache-control']), /no-store/);
        assert.equal(await rows(), before);
      });
    }

    it('answers JSON clients with {errors:[{code,message,field}]} in the edition’s language', async () => {
      const a = await fresh('fa');
      const { response } = await post('fa', a, { json: true, email: 'bad', name: '' });
      assert.equal(response.statusCode, 422);
      const { errors } = response.json() as { errors: Array<{ code: string; message: string; field: string }> };
      assert.deepEqual(errors.map((e) => e.field).sort(), ['email', 'name']);
      assert.ok(errors.every((e) => e.code === 'COMMENT_INVALID' && /[\u0600-\u06FF]/.test(e.message)));
    });
  });

  describe('policies and the page cache', () => {
    it('approve all: the comment appears at its anchor, and a cached page shows it on the next request', async () => {
      await setCommentSettings(mod(), 'en', { policy: 'approve_all' });
      const a = await fresh();
      await page('en', a);
      assert.equal((await page('en', a)).headers['x-cache'], 'hit');
      const { response } = await post('en', a, { comment: 'Approved at once.' });
      assert.equal(response.statusCode, 303);
      const id = Number(/#comment-(\d+)$/.exec(String(response.headers.location))?.[1]);
      assert.ok(id > 0);
      const next = await page('en', a);
      assert.equal(next.headers['x-cache'], 'miss', 'the approved comment purged article:N');
      assert.ok(next.body.includes(`id="comment-${id}"`));
      assert.ok(next.body.includes('Approved at once.'));
      assert.ok(next.body.includes('rel="nofollow ugc noopener"') || !next.body.includes('<a href="http'), 'links carry nofollow ugc');
      await setCommentSettings(mod(), 'en', { policy: 'hold_first' });
    });

    it('hold first: held for its author only, never in the shared cache, then auto-approved once known', async () => {
      const a = await fresh();
      await page('en', a); // cached
      const { response, cookie } = await post('en', a, { email: 'first@example.org', comment: 'My very first comment here.' });
      assert.equal(response.statusCode, 303);
      assert.ok(cookie);
      const id = Number(/#comment-(\d+)$/.exec(String(response.headers.location))?.[1]);
      const other = await page('en', a);
      assert.equal(other.headers['x-cache'], 'hit', 'a held comment purges nothing');
      assert.ok(!other.body.includes('My very first comment here.'));
      const mine = await page('en', a, cookie);
      assert.equal(mine.statusCode, 200);
      assert.ok(mine.body.includes('My very first comment here.'));
      assert.ok(mine.body.includes('class="comment-pending"'));
      assert.match(String(mine.headers['cache-control']), /private/);
      assert.notEqual(mine.headers['x-cache'], 'hit');
      const again = await page('en', a);
      assert.ok(!again.body.includes('My very first comment here.'), 'the author’s page was not stored for others');
      await moderateComments(mod(), [id], 'approved');
      const after = await page('en', a);
      assert.ok(after.body.includes('My very first comment here.'));
      const second = await post('en', a, { email: 'first@example.org', comment: 'Second one, from a known address.' });
      const secondId = Number(/#comment-(\d+)$/.exec(String(second.response.headers.location))?.[1]);
      assert.ok((await page('en', a)).body.includes(`id="comment-${secondId}"`), 'known address auto-approved');
    });

    it('hold all: even a known address waits', async () => {
      await setCommentSettings(mod(), 'ar', { policy: 'hold_all' });
      const a = await fresh('ar');
      const first = await post('ar', a, { email: 'known@example.org', comment: 'تعليق أول' });
      const firstId = Number(/#comment-(\d+)$/.exec(String(first.response.headers.location))?.[1]);
      await moderateComments(mod(), [firstId], 'approved');
      await post('ar', a, { email: 'known@example.org', comment: 'تعليق ثانٍ مختلف' });
      const pending = await listForModeration(mod(), { state: 'pending', edition: 'ar' });
      assert.ok(pending.items.some((c) => c.email === 'known@example.org'));
    });
  });

  it('threads replies three levels deep and refuses a fourth', async () => {
    await setCommentSettings(mod(), 'en', { policy: 'approve_all' });
    const a = await fresh();
    const idOf = (r: { response: { headers: Record<string, unknown> } }) => Number(/#comment-(\d+)$/.exec(String(r.response.headers.location))?.[1]);
    const top = idOf(await post('en', a, { comment: 'Top level' }));
    const reply = idOf(await post('en', a, { comment: 'A reply', parent: top }));
    const deeper = idOf(await post('en', a, { comment: 'A reply to the reply', parent: reply }));
    const body = (await page('en', a)).body;
    assert.ok(body.includes(`id="comment-${top}" class="comment depth-0"`));
    assert.ok(body.includes(`id="comment-${reply}" class="comment depth-1"`));
    assert.ok(body.includes(`id="comment-${deeper}" class="comment depth-2"`));
    assert.ok(body.includes(`/reply/${reply}"`), 'a reply link under the second level');
    assert.ok(!body.includes(`/reply/${deeper}"`), 'no reply link at the deepest level');
    assert.ok(body.indexOf(`comment-${top}"`) < body.indexOf(`comment-${reply}"`));
    const replyPage = await app.inject(`/en/news/${a.id}/${a.slug}/reply/${top}`);
    assert.equal(replyPage.statusCode, 200);
    assert.ok(replyPage.body.includes(`name="parent" value="${top}"`));
    const before = await rows();
    const tooDeep = await post('en', a, { comment: 'Too deep', parent: deeper });
    assert.equal(tooDeep.response.statusCode, 422);
    assert.equal(await rows(), before);
    await setCommentSettings(mod(), 'en', { policy: 'hold_first' });
  });

  it('closes comments per article and by the edition’s age rule', async () => {
    const a = await fresh();
    const token = tokenIn((await page('en', a)).body);
    await updateArticle(h().ctx(), a.id, { commentsOpen: false });
    const closedPage = await page('en', a);
    assert.ok(!closedPage.body.includes('name="token"'), 'no form on a closed article');
    const refused = await post('en', a, { token });
    assert.equal(refused.response.statusCode, 403, refused.response.body.slice(-1500));
    const json = await post('en', a, { token, json: true });
    assert.equal(json.response.statusCode, 403);
    assert.equal((json.response.json() as { errors: Array<{ code: string }> }).errors[0]?.code, 'COMMENT_CLOSED', json.response.body);

    await setCommentSettings(mod(), 'fa', { closeAfterDays: 2 });
    const old = await fresh('fa');
    h().clock.advance(3 * 86_400_000);
    assert.ok(!(await page('fa', old)).body.includes('name="token"'), 'no form once the edition’s age rule closed it');
    const oldToken = (await app.inject(`/fa/news/${old.id}/comments/token`)).json().token as string;
    const late = await post('fa', old, { token: oldToken, fillMs: 0 });
    assert.equal(late.response.statusCode, 403);
    await setCommentSettings(mod(), 'fa', { closeAfterDays: null });
  });

  it('rate limits one address with 429 and Retry-After while pages still answer', async () => {
    const a = await fresh();
    const statuses: number[] = [];
    let last;
    let cookie: string | undefined;
    for (let i = 0; i < 7; i++) {
      // The author's cookie makes each next page personal, with a fresh token (as in a browser).
      last = await post('en', a, { ip: '192.0.2.77', fillMs: 4_000, comment: `Flood message ${i} with different words ${i * 7}`, ...(cookie ? { cookie } : {}) });
      cookie = last.cookie ?? cookie;
      statuses.push(last.response.statusCode);
    }
    assert.deepEqual(statuses.slice(0, 5), [303, 303, 303, 303, 303]);
    assert.equal(statuses[6], 429);
    assert.ok(Number(last?.response.headers['retry-after']) >= 1);
    assert.equal((await page('en', a)).statusCode, 200);
    const elsewhere = await post('en', a, { ip: '192.0.2.78' });
    assert.equal(elsewhere.response.statusCode, 303, 'another address is not limited');
  });

  it('stores a honeypot hit as spam and holds a post faster than three seconds', async () => {
    await setCommentSettings(mod(), 'en', { policy: 'approve_all' });
    const a = await fresh();
    const bot = await post('en', a, { homepage: 'http://spam.example/', comment: 'Robot text one' });
    assert.equal(bot.response.statusCode, 303, 'a robot is told what a held author is told');
    assert.match(String(bot.response.headers.location), /#comments$/);
    const fast = await post('en', a, { fillMs: 500, freshToken: true, comment: 'Typed impossibly fast' });
    assert.equal(fast.response.statusCode, 303);
    const listed = await listForModeration(mod(), {});
    assert.ok(listed.items.some((c) => c.status === 'spam' && c.reasons.includes('honeypot')));
    assert.ok(listed.items.some((c) => c.status === 'pending' && c.reasons.includes('fast')));
    await setCommentSettings(mod(), 'en', { policy: 'hold_first' });
  });

  it('refuses a forged or altered token and a replay; a double submit stores one comment', async () => {
    const a = await fresh();
    const before = await rows();
    const forged = await post('en', a, { token: `v1.${a.id}.${Date.now()}.AAAAAAAAAAAAAAAA.forged` });
    assert.equal(forged.response.statusCode, 422);
    const real = tokenIn((await page('en', a)).body);
    const altered = await post('en', a, { token: real.replace(/\.(\d+)\./, (_m, t: string) => `.${Number(t) - 10_000}.`) });
    assert.equal(altered.response.statusCode, 422);
    const other = await fresh();
    const wrongArticle = await post('en', a, { token: tokenIn((await page('en', other)).body) });
    assert.equal(wrongArticle.response.statusCode, 422);
    assert.equal(await rows(), before);

    const first = await post('en', a, { token: real, ip: '198.51.100.5', comment: 'Clicked twice', email: 'twice@example.org' });
    const second = await post('en', a, { token: real, ip: '198.51.100.5', comment: 'Clicked twice', email: 'twice@example.org' });
    assert.equal(first.response.statusCode, 303);
    assert.equal(second.response.statusCode, 303);
    assert.equal(second.response.headers.location, first.response.headers.location);
    assert.equal(await rows(), before + 1);
    const sameAddress = await post('en', a, { token: real, ip: '198.51.100.5', comment: 'Another reader behind the same address' });
    assert.equal(sameAddress.response.statusCode, 303, 'other text with the shared token is a new comment');
    h().clock.advance(11 * 60_000);
    const replay = await post('en', a, { token: real, ip: '198.51.100.5', comment: 'Clicked twice', email: 'twice@example.org', fillMs: 0 });
    assert.equal(replay.response.statusCode, 409, 'the same submission long after is a replay');
    const otherReader = await post('en', a, { token: real, ip: '198.51.100.6', comment: 'Another reader of the cached page' });
    assert.equal(otherReader.response.statusCode, 303, 'the shared token works for every reader');
  });

  it('learns from moderators: a message like earlier spam is held after training', async () => {
    await setCommentSettings(mod(), 'ar', { policy: 'approve_all' });
    const a = await fresh('ar');
    const idOf = (r: { response: { headers: Record<string, unknown> } }) => Number(/#comment-(\d+)$/.exec(String(r.response.headers.location))?.[1]);
    const spam = ['Compra viagra barata casino bonus ahora', 'Casino bonus gratis viagra oferta', 'Gana dinero casino viagra rápido', 'Oferta casino bonus préstamo viagra', 'Viagra barata y casino con bonus'];
    const ham = ['El puerto nuevo mejora el transporte del norte', 'Buen artículo sobre el ferry y los pasajeros', 'Los viajeros del norte esperaban esta terminal', 'La capacidad del puerto era un problema antiguo', 'Me alegra que el ferry llegue a tiempo ahora'];
    for (const [i, text] of spam.entries()) await moderateComments(mod(), [idOf(await post('ar', a, { comment: text, email: `s${i}@spam.example` }))], 'spam');
    for (const [i, text] of ham.entries()) await moderateComments(mod(), [idOf(await post('ar', a, { comment: text, email: `h${i}@ham.example` }))], 'approved');
    const probe = await post('ar', a, { comment: 'Bonus de casino y viagra barata hoy', email: 'new@probe.example', ip: '203.0.113.9' });
    const held = await listForModeration(mod(), { state: 'pending', edition: 'ar' });
    const probeRow = held.items.find((c) => c.id === idOf(probe));
    assert.ok(probeRow, 'held');
    assert.ok(probeRow.reasons.includes('score'));
    const fine = await post('ar', a, { comment: 'El ferry del norte llega a tiempo', email: 'kind@reader.example', ip: '203.0.113.10' });
    assert.ok((await page('ar', a)).body.includes(`id="comment-${idOf(fine)}"`), 'ham still passes');
  });

  it('exports and erases by email, keeping the thread’s shape', async () => {
    await setCommentSettings(mod(), 'en', { policy: 'approve_all' });
    const a = await fresh();
    const idOf = (r: { response: { headers: Record<string, unknown> } }) => Number(/#comment-(\d+)$/.exec(String(r.response.headers.location))?.[1]);
    const mine = idOf(await post('en', a, { email: 'Private.Person@example.org', name: 'Private Person', comment: 'Delete me later' }));
    const reply = idOf(await post('en', a, { parent: mine, comment: 'A reply that stays' }));
    const exported = await exportCommenterData(mod(), 'private.person@example.org');
    assert.equal(exported.length, 1);
    assert.equal(exported[0]?.email, 'private.person@example.org');
    await assert.rejects(exportCommenterData(h().ctx({ kind: 'anonymous' }), 'private.person@example.org'), { code: 'AUTH_REQUIRED' });
    await page('en', a);
    const { erased } = await eraseCommenterData(mod(), 'private.person@example.org');
    assert.equal(erased, 1);
    const body = (await page('en', a)).body;
    assert.ok(!body.includes('Delete me later') && !body.includes('Private Person'), 'erased text is gone from the cached page');
    assert.ok(body.includes(`id="comment-${mine}" class="comment depth-0 removed"`));
    assert.ok(body.includes(`id="comment-${reply}" class="comment depth-1"`));
    assert.equal((await exportCommenterData(mod(), 'private.person@example.org')).length, 0);
    await setCommentSettings(mod(), 'en', { policy: 'hold_first' });
  });

  it('only moderators moderate', async () => {
    await assert.rejects(moderateComments(h().ctx({ kind: 'user', id: 1, role: 'reporter', name: 'R' }), [1], 'approved'), { code: 'ROLE_FORBIDDEN' });
    await assert.rejects(listForModeration(h().ctx({ kind: 'anonymous' })), { code: 'AUTH_REQUIRED' });
  });

  it('serves an Atom feed of approved comments and keyset pages of long threads', async () => {
    await setCommentSettings(mod(), 'fa', { policy: 'approve_all' });
    const a = await fresh('fa');
    let last;
    for (let i = 0; i < 32; i++) last = await post('fa', a, { comment: `Commentaire numéro ${i} sur le port`, email: `fr${i}@example.org`, ip: `172.16.${i}.1` });
    assert.match(String(last?.response.headers.location), /\/comments\?after=\d+#comment-\d+$/, 'a comment on a later page is redirected to that page');
    const first = (await page('fa', a)).body;
    const more = /href="([^"]+\/comments\?after=\d+)"/.exec(first)?.[1];
    assert.ok(more, 'a link to more comments');
    const second = await app.inject(more.replace(/&amp;/g, '&'));
    assert.equal(second.statusCode, 200);
    assert.ok(second.body.includes('Commentaire numéro 31'));
    assert.ok(!first.includes('Commentaire numéro 31 '));
    const feed = await app.inject(`/fa/news/${a.id}/comments.atom`);
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /atom/);
    assert.ok(feed.body.includes('Commentaire numéro 31'));
    assert.ok(!feed.body.includes('@example.org'));
  });
});
