// The article domain over a real database, on every dialect.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  createTranslation,
  getArticle,
  getPublished,
  linkTranslation,
  listPublished,
  listRevisions,
  publishArticle,
  releaseDueArticles,
  removeArticle,
  returnToDraft,
  scheduleArticle,
  submitForReview,
  unpublishArticle,
  updateArticle,
} from '../../../src/domain/articles/index.js';
import { createUser } from '../../../src/domain/users/index.js';
import { DomainError } from '../../../src/core/errors.js';
import type { Actor } from '../../../src/core/context.js';
import { eachDialect } from '../../support/database.js';
import { aSectionAndTag, anArticle, articleInput, threeEditions } from '../../fixtures/factories.js';

async function rejects(promise: Promise<unknown>, kind: DomainError['kind'], code: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.kind, kind);
    assert.equal(error.code, code);
    return true;
  });
}

eachDialect('articles', (h) => {
  let reporter: Actor;
  let otherReporter: Actor;

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    const r = await createUser(ctx, { email: 'rep@example.org', name: 'Rita Reporter', role: 'reporter', password: 'correct horse battery' });
    const o = await createUser(ctx, { email: 'other@example.org', name: 'Omid Other', role: 'reporter', password: 'correct horse battery' });
    reporter = { kind: 'user', id: r.id, role: 'reporter', name: r.name };
    otherReporter = { kind: 'user', id: o.id, role: 'reporter', name: o.name };
  });

  it('creates a draft with a slug from the headline and a first revision', async () => {
    const ctx = h().ctx();
    const ref = await anArticle(ctx, { headline: 'Water tariffs fall in Kerman' });
    assert.equal(ref.status, 'draft');
    assert.equal(ref.slug, 'water-tariffs-fall-in-kerman');
    const revisions = await listRevisions(ctx, ref.id);
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]?.headline, 'Water tariffs fall in Kerman');
    assert.equal(revisions[0]?.note, 'created');
  });

  it('makes slugs unique per edition but lets editions share one', async () => {
    const ctx = h().ctx();
    const a = await anArticle(ctx, { headline: 'Same headline' });
    const b = await anArticle(ctx, { headline: 'Same headline' });
    const c = await anArticle(ctx, { headline: 'Same headline!' });
    const d = await anArticle(ctx, { headline: 'Same headline', edition: 'fa' });
    assert.deepEqual([a.slug, b.slug, c.slug, d.slug], ['same-headline', 'same-headline-2', 'same-headline-3', 'same-headline']);
  });

  it('keeps Persian and Arabic letters in slugs', async () => {
    const ctx = h().ctx();
    const fa = await anArticle(ctx, { edition: 'fa', headline: 'افتتاح موزه علوم در شیراز' });
    const ar = await anArticle(ctx, { edition: 'ar', headline: 'افتتاح متحف العلوم في شيراز' });
    assert.equal(fa.slug, 'افتتاح-موزه-علوم-در-شیراز');
    assert.equal(ar.slug, 'افتتاح-متحف-العلوم-في-شيراز');
  });

  it('lets the slug follow the headline before publication and freezes it after', async () => {
    const ctx = h().ctx();
    const ref = await anArticle(ctx, { headline: 'First working title' });
    const renamed = await updateArticle(ctx, ref.id, { headline: 'Better title' });
    assert.equal(renamed.slug, 'better-title');
    await publishArticle(ctx, ref.id);
    const after = await updateArticle(ctx, ref.id, { headline: 'Corrected title after publication' });
    assert.equal(after.slug, 'better-title');
    await rejects(updateArticle(ctx, ref.id, { slug: 'another-slug' }), 'Invalid', 'ARTICLE_INVALID');
    const published = await getPublished(ctx, { edition: 'en', id: ref.id });
    assert.equal(published.headline, 'Corrected title after publication');
    assert.equal(published.slug, 'better-title');
  });

  it('records a revision on every update, and none when nothing changed', async () => {
    const ctx = h().ctx();
    const ref = await anArticle(ctx);
    await updateArticle(ctx, ref.id, { dek: 'Second version', note: 'tightened the dek' });
    await updateArticle(ctx, ref.id, { body: 'A new body.' });
    const unchanged = await updateArticle(ctx, ref.id, { body: 'A new body.' });
    assert.equal(unchanged.changed, false);
    const revisions = await listRevisions(ctx, ref.id);
    assert.deepEqual(revisions.map((r) => r.number), [3, 2, 1]);
    assert.equal(revisions[1]?.note, 'tightened the dek');
    assert.equal((revisions[1]?.snapshot as { dek: string }).dek, 'Second version');
    const stored = await getArticle(ctx, ref.id);
    assert.equal(stored.version, 3);
    assert.equal(stored.bodyHtml, '<p>A new body.</p>');
  });

  it('drops control characters (NUL included, which PostgreSQL refuses) from text and body', async () => {
    const ctx = h().ctx();
    const ref = await anArticle(ctx, { headline: 'Clean\u0000 head\u0007line', dek: 'A\u001bdek', body: 'Body\u0000 text\n\nsecond' });
    const stored = await getArticle(ctx, ref.id);
    assert.equal(stored.headline, 'Clean headline');
    assert.equal(stored.dek, 'Adek');
    assert.equal(stored.bodyHtml, '<p>Body text</p>\n<p>second</p>');
    const doc = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'x\u0000y' }] }] };
    await updateArticle(ctx, ref.id, { body: doc });
    assert.equal((await getArticle(ctx, ref.id)).bodyHtml, '<p>xy</p>');
  });

  it('refuses a stale write instead of overwriting a newer version', async () => {
    const ctx = h().ctx();
    const ref = await anArticle(ctx);
    await updateArticle(ctx, ref.id, { dek: 'Editor A', expectedVersion: 1 });
    await rejects(updateArticle(ctx, ref.id, { dek: 'Editor B', expectedVersion: 1 }), 'Conflict', 'ARTICLE_VERSION_CONFLICT');
    assert.equal((await getArticle(ctx, ref.id)).dek, 'Editor A');
  });

  it('validates input with per-field problems', async () => {
    const ctx = h().ctx();
    await assert.rejects(anArticle(ctx, { headline: '  ', body: '', dek: 'x'.repeat(601) }), (error: unknown) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.code, 'ARTICLE_INVALID');
      assert.deepEqual(error.fields.map((f) => f.field).sort(), ['body', 'dek', 'headline']);
      return true;
    });
    await rejects(anArticle(ctx, { edition: 'xx' }), 'Invalid', 'ARTICLE_INVALID');
    const fa = await aSectionAndTag(ctx, 'fa');
    // A Persian section cannot hold an English article.
    await rejects(anArticle(ctx, { sectionId: fa.sectionId }), 'Invalid', 'ARTICLE_INVALID');
  });

  it('walks the workflow and rejects illegal transitions with a clear code', async () => {
    const ctx = h().ctx();
    const ref = await anArticle(ctx);
    await rejects(unpublishArticle(ctx, ref.id), 'Conflict', 'ARTICLE_ILLEGAL_TRANSITION');
    await submitForReview(ctx, ref.id);
    await returnToDraft(ctx, ref.id);
    const published = await publishArticle(ctx, ref.id);
    assert.equal(published.status, 'published');
    await rejects(publishArticle(ctx, ref.id), 'Conflict', 'ARTICLE_ILLEGAL_TRANSITION');
    await unpublishArticle(ctx, ref.id);
    await rejects(getPublished(ctx, { edition: 'en', id: ref.id }), 'NotFound', 'ARTICLE_NOT_FOUND');
    await removeArticle(ctx, ref.id);
    await rejects(getPublished(ctx, { edition: 'en', id: ref.id }), 'Gone', 'ARTICLE_REMOVED');
    await rejects(publishArticle(ctx, ref.id), 'Conflict', 'ARTICLE_ILLEGAL_TRANSITION');
    await rejects(updateArticle(ctx, ref.id, { dek: 'too late' }), 'Conflict', 'ARTICLE_REMOVED');
  });

  it('keeps the first publication time when an article is republished', async () => {
    const harness = h();
    const ctx = harness.ctx();
    const ref = await anArticle(ctx);
    await publishArticle(ctx, ref.id);
    const first = (await getArticle(ctx, ref.id)).publishedAt;
    harness.clock.advance(3_600_000);
    await unpublishArticle(ctx, ref.id);
    await publishArticle(ctx, ref.id);
    assert.equal((await getArticle(ctx, ref.id)).publishedAt, first);
    harness.clock.set('2026-11-24T12:00:00.000Z');
  });

  it('schedules only into the future and releases due articles once', async () => {
    const harness = h();
    const ctx = harness.ctx();
    const ref = await anArticle(ctx);
    await rejects(scheduleArticle(ctx, ref.id, new Date('2026-11-24T11:00:00.000Z')), 'Invalid', 'ARTICLE_SCHEDULE_IN_PAST');
    await scheduleArticle(ctx, ref.id, new Date('2026-11-24T13:00:00.000Z'));
    assert.deepEqual(await releaseDueArticles(ctx), []);
    harness.clock.set('2026-11-24T13:00:01.000Z');
    const [first, second] = await Promise.all([releaseDueArticles(ctx), releaseDueArticles(ctx)]);
    assert.deepEqual([...(first ?? []), ...(second ?? [])], [ref.id]);
    assert.equal((await getArticle(ctx, ref.id)).status, 'published');
    harness.clock.set('2026-11-24T12:00:00.000Z');
  });

  it('enforces roles: reporters edit their own drafts and cannot publish', async () => {
    const ctx = h().ctx(reporter);
    const ref = await anArticle(ctx);
    await updateArticle(ctx, ref.id, { dek: 'mine' });
    await rejects(publishArticle(ctx, ref.id), 'Forbidden', 'ARTICLE_FORBIDDEN');
    await rejects(updateArticle(h().ctx(otherReporter), ref.id, { dek: 'not mine' }), 'Forbidden', 'ARTICLE_FORBIDDEN');
    await submitForReview(ctx, ref.id);
    await publishArticle(h().ctx(), ref.id);
    await rejects(updateArticle(ctx, ref.id, { dek: 'after publication' }), 'Forbidden', 'ARTICLE_FORBIDDEN');
    await rejects(anArticle(h().ctx({ kind: 'anonymous' })), 'Unauthenticated', 'ARTICLE_FORBIDDEN');
  });

  it('links translations into one story, one article per edition, and shows only published ones', async () => {
    const ctx = h().ctx();
    const en = await anArticle(ctx, { headline: 'Saffron prices rise' });
    const fa = await createTranslation(ctx, en.id, articleInput({ edition: 'fa', headline: 'قیمت زعفران بالا رفت' }));
    assert.equal(fa.storyId, en.storyId);
    await rejects(createTranslation(ctx, en.id, articleInput({ edition: 'fa', headline: 'دوباره' })), 'Conflict', 'ARTICLE_TRANSLATION_EXISTS');

    const ar = await anArticle(ctx, { edition: 'ar', headline: 'ارتفاع أسعار الزعفران' });
    assert.notEqual(ar.storyId, en.storyId);
    await linkTranslation(ctx, ar.id, en.id);
    const strayFa = await anArticle(ctx, { edition: 'fa', headline: 'یک خبر دیگر' });
    await rejects(linkTranslation(ctx, strayFa.id, en.id), 'Conflict', 'ARTICLE_TRANSLATION_EXISTS');

    await publishArticle(ctx, en.id);
    await publishArticle(ctx, fa.id);
    const page = await getPublished(ctx, { edition: 'en', id: en.id });
    assert.deepEqual(page.translations.map((t) => t.edition), ['fa']);
    await publishArticle(ctx, ar.id);
    const again = await getPublished(ctx, { edition: 'fa', id: fa.id });
    assert.deepEqual(again.translations.map((t) => t.edition), ['ar', 'en']);
    // The same id under another edition's prefix is not that article.
    await rejects(getPublished(ctx, { edition: 'ar', id: en.id }), 'NotFound', 'ARTICLE_NOT_FOUND');
  });

  it('lists published articles with stable keyset pages while new ones are published', async () => {
    const harness = h();
    const ctx = harness.ctx();
    const { sectionId, tagId } = await aSectionAndTag(ctx);
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      harness.clock.advance(60_000);
      const ref = await anArticle(ctx, { sectionId, tagIds: [tagId] });
      await publishArticle(ctx, ref.id);
      ids.push(ref.id);
    }
    const first = await listPublished(ctx, { edition: 'en', sectionId, limit: 3 });
    assert.deepEqual(first.items.map((a) => a.id), ids.slice(4).reverse());
    // A newer article arrives between two page loads: page two must not repeat or skip anything.
    harness.clock.advance(60_000);
    const newer = await anArticle(ctx, { sectionId, tagIds: [tagId] });
    await publishArticle(ctx, newer.id);
    const second = await listPublished(ctx, { edition: 'en', sectionId, limit: 3, before: first.next });
    assert.deepEqual(second.items.map((a) => a.id), ids.slice(1, 4).reverse());
    const third = await listPublished(ctx, { edition: 'en', sectionId, limit: 3, before: second.next });
    assert.deepEqual(third.items.map((a) => a.id), [ids[0]]);
    assert.equal(third.next, undefined);
    const byTag = await listPublished(ctx, { edition: 'en', tagId, limit: 100 });
    assert.equal(byTag.items.length, 8);
    await rejects(listPublished(ctx, { edition: 'en', before: 'not-a-cursor' }), 'Invalid', 'CURSOR_INVALID');
    harness.clock.set('2026-11-24T12:00:00.000Z');
  });

  it('emits events only after the write committed', async () => {
    const harness = h();
    const ctx = harness.ctx();
    const before = harness.emitted.length;
    const ref = await anArticle(ctx);
    await publishArticle(ctx, ref.id);
    await rejects(publishArticle(ctx, ref.id), 'Conflict', 'ARTICLE_ILLEGAL_TRANSITION');
    assert.deepEqual(harness.emitted.slice(before).map((e) => e.name), ['article.created', 'article.published']);
  });
});
