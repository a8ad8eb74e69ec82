// The visibility rule as a table, on every dialect: each kind of article readers must not see
// (rows) is added next to a few visible ones, and every public read (columns) must answer exactly
// what it answered before it existed; the article page itself answers NotFound or Gone.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  countSitemapEntries,
  createArticle,
  createTranslation,
  getPublished,
  listPublished,
  listPublishedByIds,
  listPublishedForFeed,
  listRecentlyPublished,
  listRelated,
  listSitemapArticles,
  listSitemapTerms,
  publishArticle,
  refreshRelated,
  removeArticle,
  scheduleArticle,
  unpublishArticle,
  type ArticleInput,
} from '../../../src/domain/articles/index.js';
import { addBlock, listLiveBlocks } from '../../../src/domain/curation/index.js';
import { createEntity, createSection, createTag } from '../../../src/domain/editions/index.js';
import { DomainError } from '../../../src/core/errors.js';
import type { DbCtx } from '../../../src/storage/database.js';
import { threeEditions } from '../../fixtures/factories.js';
import { eachDialect, type Harness } from '../../support/database.js';

const NOW = '2026-11-24T12:00:00.000Z';
const HOUR = 3_600_000;
const TEXT = {
  dek: 'Harbour pilots and ferry crews walk out over night shifts at the container port.',
  body: 'Ferry crews and harbour pilots at the container port stopped work at dawn.\n\nThe port authority said ferry and container traffic would resume once the harbour pilots return.',
};

eachDialect('what readers may see', (h) => {
  const ids = { a: 0, b: 0, section: 0, tag: 0, entity: 0 };
  /** Per kind, a visible Arabic article of the same story, whose hreflang alternates must not list it. */
  const storyOf = new Map<string, number>();
  let baseline: Record<string, unknown> = {};

  const input = (overrides: Partial<ArticleInput>): ArticleInput => ({
    edition: 'en',
    headline: 'Ferry crews and harbour pilots strike at the container port',
    ...TEXT,
    sectionId: ids.section,
    tagIds: [ids.tag],
    entityIds: [ids.entity],
    ...overrides,
  });

  /** A hidden English article, as close to the visible ones as can be, with a tag of its own. */
  async function hiddenEnglish(ctx: DbCtx, kind: string): Promise<number> {
    const ownTag = await createTag(ctx, { edition: 'en', slug: `only-${kind.replace(/[^a-z0-9]+/g, '-')}`, name: `Only ${kind}` });
    const ref = await createTranslation(ctx, storyOf.get(kind) as number, input({ tagIds: [ids.tag, ownTag] }));
    return ref.id;
  }

  async function published(ctx: DbCtx, id: number): Promise<number> {
    await publishArticle(ctx, id);
    await refreshRelated(ctx, id);
    return id;
  }

  const KINDS: Array<{ kind: string; page: 'NotFound' | 'Gone'; make: (ctx: DbCtx, harness: Harness) => Promise<number> }> = [
    { kind: 'draft', page: 'NotFound', make: (ctx) => hiddenEnglish(ctx, 'draft') },
    {
      kind: 'scheduled',
      page: 'NotFound',
      make: async (ctx) => {
        const id = await hiddenEnglish(ctx, 'scheduled');
        await scheduleArticle(ctx, id, new Date(Date.parse(NOW) + HOUR));
        return id;
      },
    },
    {
      kind: 'unpublished',
      page: 'NotFound',
      make: async (ctx) => {
        const id = await published(ctx, await hiddenEnglish(ctx, 'unpublished'));
        await unpublishArticle(ctx, id);
        await refreshRelated(ctx, id);
        return id;
      },
    },
    {
      kind: 'removed',
      page: 'Gone',
      make: async (ctx) => {
        const id = await published(ctx, await hiddenEnglish(ctx, 'removed'));
        await removeArticle(ctx, id);
        await refreshRelated(ctx, id);
        return id;
      },
    },
    {
      kind: 'in another edition',
      page: 'NotFound',
      make: async (ctx) => {
        const ref = await createArticle(ctx, input({ edition: 'fa', sectionId: null, tagIds: [] }));
        return published(ctx, ref.id);
      },
    },
    {
      kind: 'published_at in the future',
      page: 'NotFound',
      // Published (and entered into the related lists) by a clock a day ahead: what an import or a
      // server with a skewed clock leaves behind.
      make: async (ctx, harness) => {
        const id = await hiddenEnglish(ctx, 'published_at in the future');
        harness.clock.set(new Date(Date.parse(NOW) + 24 * HOUR).toISOString());
        await published(ctx, id);
        harness.clock.set(NOW);
        return id;
      },
    },
  ];

  // Every public read, as the web layer calls it for the English edition (and the Arabic pages
  // that could link to an English translation). Reads that span editions leave out Persian, where
  // the article of another edition is rightly visible.
  const READS: Record<string, (ctx: DbCtx) => Promise<unknown>> = {
    'article page of a visible article': (ctx) => getPublished(ctx, { edition: 'en', id: ids.a }),
    'hreflang alternates': (ctx) => Promise.all([...storyOf.values()].map(async (id) => (await getPublished(ctx, { edition: 'ar', id })).translations)),
    'edition listing': (ctx) => listPublished(ctx, { edition: 'en' }),
    'section listing': (ctx) => listPublished(ctx, { edition: 'en', sectionId: ids.section }),
    'tag listing': (ctx) => listPublished(ctx, { edition: 'en', tagId: ids.tag }),
    'entity listing': (ctx) => listPublished(ctx, { edition: 'en', entityId: ids.entity }),
    'curated lead and top stories': async (ctx) => {
      const blocks = await listLiveBlocks(ctx, 'en');
      return listPublishedByIds(ctx, 'en', blocks.flatMap((b) => (b.articleId === null ? [] : [b.articleId])));
    },
    'edition feed': (ctx) => listPublishedForFeed(ctx, { edition: 'en' }),
    'section feed': (ctx) => listPublishedForFeed(ctx, { edition: 'en', sectionId: ids.section }),
    'tag feed': (ctx) => listPublishedForFeed(ctx, { edition: 'en', tagId: ids.tag }),
    'sitemap index': async (ctx) => (await countSitemapEntries(ctx)).filter((c) => c.edition !== 'fa'),
    'edition sitemap count': (ctx) => countSitemapEntries(ctx, 'en'),
    'sitemap of sections and tags': (ctx) => listSitemapTerms(ctx, 'en', 100),
    'sitemap of articles': (ctx) => listSitemapArticles(ctx, { edition: 'en', offset: 0, limit: 1000 }),
    'sitemap of articles, versions from another edition': (ctx) => listSitemapArticles(ctx, { edition: 'ar', offset: 0, limit: 1000 }),
    'news sitemap': async (ctx) => (await listRecentlyPublished(ctx)).filter((a) => a.edition !== 'fa'),
    'related lists': (ctx) => Promise.all([listRelated(ctx, ids.a, 10), listRelated(ctx, ids.b, 10)]),
  };

  async function readAll(ctx: DbCtx): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [name, read] of Object.entries(READS)) out[name] = JSON.parse(JSON.stringify(await read(ctx)));
    return out;
  }

  before(async () => {
    const harness = h();
    harness.clock.set(NOW);
    const ctx = harness.ctx();
    await threeEditions(ctx);
    ids.section = await createSection(ctx, { edition: 'en', slug: 'ports', name: 'Ports' });
    ids.tag = await createTag(ctx, { edition: 'en', slug: 'strikes', name: 'Strikes' });
    ids.entity = await createEntity(ctx, { key: 'port-authority', kind: 'organisation', names: { en: { name: 'Port Authority' }, fa: { name: 'سازمان بنادر' } } });
    ids.a = await published(ctx, (await createArticle(ctx, input({}))).id);
    ids.b = await published(ctx, (await createArticle(ctx, input({ headline: 'Harbour pilots and ferry crews extend the container port strike' }))).id);
    for (const { kind } of KINDS) {
      if (kind === 'in another edition') continue;
      const ref = await createArticle(ctx, { edition: 'ar', headline: `إضراب في الميناء ${storyOf.size + 1}`, body: 'توقف العمل في ميناء الحاويات.' });
      storyOf.set(kind, await published(ctx, ref.id));
    }
    await addBlock(ctx, { edition: 'en', slot: 'lead', kind: 'article', articleId: ids.a });
    await addBlock(ctx, { edition: 'en', slot: 'top', kind: 'article', articleId: ids.b });
    baseline = await readAll(ctx);
  });

  it('starts from reads that show the visible articles', () => {
    const listed = (name: string) => (baseline[name] as { items: Array<{ id: number }> }).items.map((a) => a.id);
    for (const name of ['edition listing', 'section listing', 'tag listing', 'entity listing']) assert.deepEqual(listed(name).sort(), [ids.a, ids.b].sort(), name);
    assert.deepEqual((baseline['related lists'] as Array<Array<{ id: number }>>).map((list) => list.map((a) => a.id)), [[ids.b], [ids.a]]);
    assert.equal((baseline['curated lead and top stories'] as unknown[]).length, 2);
  });

  for (const { kind, page, make } of KINDS) {
    it(`hides an article ${kind} from every public read`, async () => {
      const harness = h();
      const ctx = harness.ctx();
      const id = await make(ctx, harness);
      // Written as a row, not through addBlock: curation refuses an article of another edition,
      // and the reads must hide one all the same (defence in depth).
      const at = ctx.clock.now().toISOString();
      await ctx.db.insertInto('curated_blocks').values({ edition_code: 'en', slot: 'top', kind: 'article', position: 1, article_id: id, title: '', body: '', attribution: '', created_at: at, updated_at: at }).execute();

      await assert.rejects(getPublished(ctx, { edition: 'en', id }), (error: unknown) => error instanceof DomainError && error.kind === page);
      const now = await readAll(ctx);
      const leaks = Object.keys(READS).filter((name) => JSON.stringify(now[name]) !== JSON.stringify(baseline[name]));
      assert.deepEqual(leaks, [], `an article ${kind} changed what these reads show`);
    });
  }

  it('shows the future-dated article once its time comes, with no refresh', async () => {
    const harness = h();
    harness.clock.set(new Date(Date.parse(NOW) + 25 * HOUR).toISOString());
    const ctx = harness.ctx();
    const listed = (await listPublished(ctx, { edition: 'en' })).items.map((a) => a.id);
    assert.equal(listed.length, 3);
    const [future] = listed.filter((id) => id !== ids.a && id !== ids.b);
    assert.ok((await listRelated(ctx, ids.a)).some((a) => a.id === future), 'its stored place in the related list appears');
    harness.clock.set(NOW);
  });
});
