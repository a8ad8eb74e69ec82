// The approved-comment count on article cards (front page, section listings, an article's related
// list, search hits), on every dialect:
// shown only for approved comments, in the edition's digits, linking to the thread, and fresh in
// the page cache (an approval purges the card's article:N tag, which every listing carries).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../../src/core/context.js';
import { publishArticle, refreshRelated } from '../../../src/domain/articles/index.js';
import { reindexArticle } from '../../../src/domain/search/index.js';
import { listForModeration, moderateComments, setCommentSettings } from '../../../src/domain/comments/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { commentPoster } from '../../support/comments.js';
import { aSectionAndTag, anArticle, threeEditions } from '../../fixtures/factories.js';

/** The count link of one article's card, if the page has one. */
const countOf = (html: string, articleId: number) => {
  const match = new RegExp(`<a class="card-comments" href="/[a-z]{2}/news/${articleId}/[^"#]+#comments">([^<]+)</a>`).exec(html);
  return match?.[1];
};

eachDialect('comment counts in listings', (h) => {
  let app: FastifyInstance;
  let post: ReturnType<typeof commentPoster>;
  const mod = () => h().ctx(systemActor('test moderator'));

  before(async () => {
    await threeEditions(h().ctx());
    app = await buildTestApp(h(), { runJobs: false });
    post = commentPoster(app, h);
  });
  after(() => app?.close());

  it('a card shows no count until a comment is approved, then the cached front page shows it on the next request', async () => {
    await setCommentSettings(mod(), 'en', { policy: 'hold_all' });
    const ctx = h().ctx();
    const { sectionId } = await aSectionAndTag(ctx, 'en');
    const a = await anArticle(ctx, { edition: 'en', sectionId });
    await publishArticle(ctx, a.id);

    const first = await app.inject('/en/');
    assert.equal(first.statusCode, 200);
    assert.ok(first.body.includes(`/en/news/${a.id}/`), 'the new article is on the front');
    assert.equal(countOf(first.body, a.id), undefined);
    assert.equal((await app.inject('/en/')).headers['x-cache'], 'hit');

    const { response } = await post('en', a, { comment: 'A held remark about the quay.' });
    assert.equal(response.statusCode, 303);
    const held = await app.inject('/en/');
    assert.equal(held.headers['x-cache'], 'hit', 'a held comment purges nothing');
    assert.equal(countOf(held.body, a.id), undefined, 'a held comment is not counted');

    const [pending] = (await listForModeration(mod(), { state: 'pending', edition: 'en' })).items.filter((c) => c.articleId === a.id);
    assert.ok(pending);
    await moderateComments(mod(), [pending.id], 'approved');
    const front = await app.inject('/en/');
    assert.equal(front.headers['x-cache'], 'miss', 'the approval purged the front page');
    assert.equal(countOf(front.body, a.id), '1 comment');

    const section = await app.inject(`/en/section/${(await sectionSlug(a.id))}`);
    assert.equal(section.statusCode, 200);
    assert.equal(countOf(section.body, a.id), '1 comment');
  });

  it('counts in the edition’s own digits and plural forms', async () => {
    await setCommentSettings(mod(), 'fa', { policy: 'approve_all' });
    const ctx = h().ctx();
    const a = await anArticle(ctx, { edition: 'fa', headline: 'گزارشی از بندر' });
    await publishArticle(ctx, a.id);
    for (const text of ['نظر نخست دربارهٔ بندر', 'نظر دوم دربارهٔ اسکله']) {
      const { response } = await post('fa', a, { name: 'خواننده', comment: text });
      assert.equal(response.statusCode, 303);
    }
    const front = await app.inject('/fa/');
    assert.equal(countOf(front.body, a.id), '۲ دیدگاه');
  });

  it('shows the count on the related cards of another article and on search hits', async () => {
    await setCommentSettings(mod(), 'en', { policy: 'approve_all' });
    const ctx = h().ctx();
    const a = await anArticle(ctx, { edition: 'en', headline: 'Lighthouse keepers restore the northern beacon', body: 'The lighthouse keepers restored the northern beacon and its lamp this week.' });
    const b = await anArticle(ctx, { edition: 'en', headline: 'Northern beacon lighthouse reopens to visitors', body: 'Visitors climbed the restored northern beacon lighthouse and saw its lamp.' });
    for (const x of [a, b]) await publishArticle(ctx, x.id);
    for (const x of [a, b]) {
      await refreshRelated(ctx, x.id);
      await reindexArticle(ctx, x.id);
    }
    const page = `/en/news/${b.id}/${encodeURIComponent(b.slug)}`;
    const before = await app.inject(page);
    assert.ok(before.body.includes(`/en/news/${a.id}/`), 'the other article is related');
    assert.equal(countOf(before.body, a.id), undefined);
    const { response } = await post('en', a, { comment: 'The beacon looks splendid again.' });
    assert.equal(response.statusCode, 303);
    const after = await app.inject(page);
    assert.equal(after.headers['x-cache'], 'miss', 'the comment on a related article purged this page');
    assert.equal(countOf(after.body, a.id), '1 comment');
    const search = await app.inject('/en/search?q=lighthouse+beacon');
    assert.equal(search.statusCode, 200);
    assert.equal(countOf(search.body, a.id), '1 comment');
    assert.equal(countOf(search.body, b.id), undefined);
  });

  async function sectionSlug(articleId: number): Promise<string> {
    const row = await h()
      .db.storage.db.selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .select('sections.slug')
      .where('articles.id', '=', articleId)
      .executeTakeFirstOrThrow();
    return row.slug;
  }
});
