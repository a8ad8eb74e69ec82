// Feeds, sitemaps and robots.txt over a real database on every dialect: what is emitted is parsed
// back (RSS and Atom with fast-xml-parser, JSON Feed with JSON.parse) and checked for escaping,
// dates, absolute URLs, languages, scoping, hreflang reciprocity and freshness through the page cache.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { createTranslation, listSitemapArticles, publishArticle, unpublishArticle, type BodyDocument } from '../../../src/domain/articles/index.js';
import { createSection, createTag } from '../../../src/domain/editions/index.js';
import { importImage } from '../../../src/domain/media/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { feedLinks, sitemapPlan } from '../../../src/web/site/feeds.js';
import { eachDialect, type Harness } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { anArticle, articleInput, threeEditions } from '../../fixtures/factories.js';

const BASE = 'https://news.example.org';

/** The real app: feeds are registered by app.ts and purged by the same listeners as pages. */
const feedsApp = (h: Harness): Promise<FastifyInstance> => buildTestApp(h);

/** Elements that may repeat, per format (RSS <link> is single, Atom <link> is not). */
const ARRAYS = {
  rss: ['item', 'category'],
  atom: ['entry', 'link', 'category', 'author'],
  sitemap: ['url', 'sitemap', 'xhtml:link'],
};

type Node = Record<string, unknown>;
/**
 * Parses after checking well-formedness. fast-xml-parser's validator lets through characters XML
 * forbids, a raw `<` in an attribute and a stray `]]>`, so those are checked here as well.
 */
function parseXml(xml: string, format: keyof typeof ARRAYS): Node {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}`);
  assert.doesNotMatch(xml, /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u, 'only XML 1.0 characters');
  assert.ok(!xml.includes(']]>'), 'no ]]> in character data');
  assert.doesNotMatch(xml, /="[^"]*</, 'no < in an attribute value');
  assert.doesNotMatch(xml, /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/, 'no bare &');
  const arrays = new Set(ARRAYS[format]);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, isArray: (name) => arrays.has(name) });
  return parser.parse(xml) as Node;
}
const text = (node: unknown): string => (typeof node === 'string' ? node : String((node as Node | undefined)?.['#text'] ?? ''));
const list = (node: unknown): Node[] => (Array.isArray(node) ? (node as Node[]) : []);

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

eachDialect('feeds and sitemaps', (h) => {
  let app: FastifyInstance;
  const ids = { bulk: [] as number[], en1: 0, en2: 0, fa1: 0, ar1: 0, draft: 0, arDraft: 0 };
  const slugs = new Map<number, string>();
  const published = new Map<number, string>();
  const terms = { economy: 0, sport: 0, ports: 0, faTag: 0 };
  const EN1_TITLE = 'Ports & <harbours> grow "fast" ]]> twice ]]> here';
  const FA1_TITLE = 'بندرها و <لنگرگاه‌ها> & «رشد» شتاب گرفت';
  const AR1_TITLE = 'الموانئ تتوسع & <بسرعة> في الشمال';
  const FA_TAG_SLUG = 'بندر';
  const url = (edition: string, id: number) => `${BASE}/${edition}/news/${id}/${encodeURIComponent(slugs.get(id) ?? '')}`;

  before(async () => {
    const harness = h();
    const ctx = harness.ctx();
    await threeEditions(ctx);
    terms.economy = await createSection(ctx, { edition: 'en', slug: 'economy', name: 'Economy' });
    terms.sport = await createSection(ctx, { edition: 'en', slug: 'sport', name: 'Sport & Games' });
    terms.ports = await createTag(ctx, { edition: 'en', slug: 'ports', name: 'Ports' });
    terms.faTag = await createTag(ctx, { edition: 'fa', slug: FA_TAG_SLUG, name: 'بندر' });
    const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#336699' } }).png().toBuffer();
    const blobs = createFileBlobStore(path.join(harness.db.env.DATA_DIR ?? '/tmp', 'media'));
    const image = await importImage(ctx, blobs, { data: png, credit: 'Photo Desk', texts: { en: { alt: 'A ferry & <its> dock' } } });

    const publish = async (ref: { id: number; slug: string }) => {
      slugs.set(ref.id, ref.slug);
      await publishArticle(ctx, ref.id);
      published.set(ref.id, harness.clock.now().toISOString());
      harness.clock.advance(60_000);
      return ref.id;
    };

    // More than a feed holds, four days before the newer stories (outside the news window).
    harness.clock.set('2026-11-20T00:00:00.000Z');
    for (let i = 0; i < 52; i++) ids.bulk.push(await publish(await anArticle(ctx, { headline: `Archive story ${i}` })));

    harness.clock.set('2026-11-24T10:00:00.000Z');
    const body: BodyDocument = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Cargo & <ferries> ]]> grew.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'the archive', marks: [{ type: 'link', href: '/en/section/economy' }] }, { type: 'text', text: ' and ' }, { type: 'text', text: 'notes', marks: [{ type: 'link', href: '#notes' }] }] },
      ],
    };
    const en1 = await anArticle(ctx, {
      headline: EN1_TITLE,
      dek: 'Dek with & and <tags> and "quotes"',
      byline: 'Sara Ahmadi & Co',
      creditLine: 'Dateline Agency <Wire>',
      body,
      sectionId: terms.economy,
      tagIds: [terms.ports],
      featuredMediaId: image,
    });
    ids.en1 = await publish(en1);
    ids.fa1 = await publish(await createTranslation(ctx, en1.id, articleInput({ edition: 'fa', headline: FA1_TITLE, dek: 'خلاصهٔ خبر', tagIds: [terms.faTag] })));
    ids.ar1 = await publish(await anArticle(ctx, { edition: 'ar', headline: AR1_TITLE }));
    ids.en2 = await publish(await anArticle(ctx, { headline: 'Second English story', dek: 'A dek with a bell\u0007 and a noncharacter\uFFFE pasted in', sectionId: terms.sport }));
    // Never published: must appear nowhere, not even as an hreflang alternate of en1.
    ids.arDraft = (await createTranslation(ctx, en1.id, articleInput({ edition: 'ar', headline: 'مسودة' }))).id;
    ids.draft = (await anArticle(ctx, { headline: 'Draft only' })).id;
    harness.clock.set('2026-11-24T12:00:00.000Z');
    app = await feedsApp(harness);
  });
  after(() => app?.close());

  it('serves the edition RSS feed: well-formed, the latest 50, escaped titles, RFC 822 dates, absolute URLs', async () => {
    const response = await app.inject('/en/feed.rss');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.match(String(response.headers['cache-control']), /public, max-age=0, s-maxage=60/);
    const tags = String(response.headers['surrogate-key']).split(' ');
    assert.ok(tags.includes('feed:en') && tags.includes(`article:${ids.en1}`), `tags: ${tags.join(' ')}`);

    const channel = (parseXml(response.body, 'rss').rss as Node).channel as Node;
    assert.equal(text(channel.language), 'en');
    assert.equal(text(channel.link), `${BASE}/en/`);
    const items = list(channel.item);
    assert.equal(items.length, 50);
    assert.equal(text(items[0]?.title), 'Second English story', 'newest first');
    assert.equal(text(items[0]?.description), 'A dek with a bell and a noncharacter pasted in', 'characters XML forbids are dropped');
    assert.ok(!items.some((i) => text(i.title) === 'Draft only'));
    assert.ok(!items.some((i) => text(i.title) === FA1_TITLE), 'no other edition');
    for (const i of items) {
      assert.match(text(i.pubDate), RFC822);
      assert.ok(text(i.link).startsWith(`${BASE}/en/news/`));
    }

    const en1 = items.find((i) => text(i.title) === EN1_TITLE);
    assert.ok(en1, 'title with &, < and ]]> survives');
    assert.equal(text(en1.link), url('en', ids.en1));
    assert.equal(new Date(text(en1.pubDate)).toISOString(), published.get(ids.en1));
    assert.equal(text(en1.description), 'Dek with &amp; and &lt;tags&gt; and "quotes"', 'the plain-text dek as the HTML RSS readers expect');
    assert.equal(text(en1['dc:creator']), 'Sara Ahmadi & Co');
    assert.equal(text(en1['dc:rights']), 'Dateline Agency <Wire>');
    assert.deepEqual(list(en1.category).map(text), ['Economy', 'Ports']);
    const content = text(en1['content:encoded']);
    assert.ok(content.includes('Cargo &amp; &lt;ferries&gt; ]]&gt; grew.'), content);
    assert.ok(content.includes(`href="${BASE}/en/section/economy"`), 'root-relative links made absolute');
    assert.ok(content.includes(`href="${url('en', ids.en1)}#notes"`), 'fragment links point at the article');
    const enclosure = en1.enclosure as Node;
    assert.match(String(enclosure['@_url']), new RegExp(`^${BASE}/media/\\d{4}/\\d{2}/[A-Za-z0-9_-]+\\.png$`));
    assert.equal(enclosure['@_type'], 'image/png');
    assert.ok(Number(enclosure['@_length']) > 0);
    const image = await app.inject(String(enclosure['@_url']).slice(BASE.length));
    assert.equal(image.statusCode, 200, 'the enclosure resolves');
  });

  it('serves Atom with xml:lang, RFC 3339 dates and Persian and Arabic text intact', async () => {
    const response = await app.inject('/fa/feed.atom');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
    const feed = parseXml(response.body, 'atom').feed as Node;
    assert.equal(feed['@_xml:lang'], 'fa');
    assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(text(feed.title), 'دیت‌لاین');
    assert.match(text(feed.updated), RFC3339);
    const entries = list(feed.entry);
    assert.equal(entries.length, 1);
    const entry = entries[0] as Node;
    assert.equal(text(entry.title), FA1_TITLE);
    assert.equal((entry.title as Node)['@_type'], 'text', 'plain-text titles are not declared as HTML');
    assert.equal(text(entry.summary), 'خلاصهٔ خبر');
    assert.match(text(entry.published), RFC3339);
    assert.match(text(entry.updated), RFC3339);
    assert.equal(text(entry.published), published.get(ids.fa1));
    const alternate = list(entry.link).find((l) => l['@_rel'] === 'alternate');
    assert.equal(alternate?.['@_href'], url('fa', ids.fa1));
    assert.ok(String(alternate?.['@_href']).includes('%'), 'Persian slug percent-encoded');

    const en = parseXml((await app.inject('/en/feed.atom')).body, 'atom').feed as Node;
    assert.equal(en['@_xml:lang'], 'en');
    const en1 = list(en.entry).find((e) => text(e.title) === EN1_TITLE);
    assert.ok(en1);
    assert.equal(text(list(en1.author)[0]?.name), 'Sara Ahmadi & Co');
    assert.equal(text(en1.rights), 'Dateline Agency <Wire>');
    const enclosure = list(en1.link).find((l) => l['@_rel'] === 'enclosure');
    assert.ok(String(enclosure?.['@_href']).startsWith(`${BASE}/media/`));
    assert.equal(enclosure?.['@_type'], 'image/png');
    assert.equal(enclosure?.['@_title'], 'A ferry & <its> dock');

    const ar = parseXml((await app.inject('/ar/feed.atom')).body, 'atom').feed as Node;
    assert.equal(ar['@_xml:lang'], 'ar');
    assert.deepEqual(list(ar.entry).map((e) => text(e.title)), [AR1_TITLE]);
  });

  it('serves JSON Feed 1.1', async () => {
    const response = await app.inject('/en/feed.json');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/feed+json; charset=utf-8');
    const feed = JSON.parse(response.body) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.language, 'en');
    assert.equal(feed.home_page_url, `${BASE}/en/`);
    assert.equal(feed.feed_url, `${BASE}/en/feed.json`);
    assert.deepEqual(feed.authors, [{ name: 'Dateline', url: `${BASE}/en/` }]);
    assert.equal(feed.items.length, 50);
    const item = feed.items.find((i) => i.title === EN1_TITLE);
    assert.ok(item);
    assert.equal(item.id, `${BASE}/en/news/${ids.en1}`);
    assert.equal(item.url, url('en', ids.en1));
    assert.equal(item.summary, 'Dek with & and <tags> and "quotes"');
    assert.match(String(item.content_html), /<p>Cargo &amp; &lt;ferries&gt; ]]&gt; grew.<\/p>/);
    assert.equal(item.date_published, published.get(ids.en1));
    assert.match(String(item.date_modified), RFC3339);
    assert.deepEqual(item.authors, [{ name: 'Sara Ahmadi & Co' }]);
    assert.deepEqual(item.tags, ['Economy', 'Ports']);
    assert.equal(item.language, 'en');
    assert.match(String(item.image), new RegExp(`^${BASE}/media/.+\\.png$`));

    const fa = JSON.parse((await app.inject('/fa/feed.json')).body) as { language: string; title: string; items: Array<{ title: string }> };
    assert.equal(fa.language, 'fa');
    assert.equal(fa.title, 'دیت‌لاین');
    assert.deepEqual(fa.items.map((i) => i.title), [FA1_TITLE]);
  });

  it('scopes section and tag feeds to their articles', async () => {
    const economy = parseXml((await app.inject('/en/section/economy/feed.rss')).body, 'rss');
    const economyChannel = (economy.rss as Node).channel as Node;
    assert.deepEqual(list(economyChannel.item).map((i) => text(i.title)), [EN1_TITLE]);
    assert.equal(text(economyChannel.link), `${BASE}/en/section/economy`);
    assert.equal(text(economyChannel.title), 'Section: Economy — Dateline');

    const sport = await app.inject('/en/section/sport/feed.json');
    assert.ok(String(sport.headers['surrogate-key']).split(' ').includes(`section:${terms.sport}`));
    assert.deepEqual((JSON.parse(sport.body) as { items: Array<{ title: string }> }).items.map((i) => i.title), ['Second English story']);

    const ports = await app.inject('/en/tag/ports/feed.atom');
    assert.ok(String(ports.headers['surrogate-key']).split(' ').includes(`tag:${terms.ports}`));
    assert.deepEqual(list((parseXml(ports.body, 'atom').feed as Node).entry).map((e) => text(e.title)), [EN1_TITLE]);

    const faTag = await app.inject(`/fa/tag/${encodeURIComponent(FA_TAG_SLUG)}/feed.rss`);
    assert.equal(faTag.statusCode, 200);
    const faChannel = (parseXml(faTag.body, 'rss').rss as Node).channel as Node;
    assert.equal(text(faChannel.language), 'fa');
    assert.deepEqual(list(faChannel.item).map((i) => text(i.title)), [FA1_TITLE]);

    for (const missing of ['/en/section/nope/feed.rss', '/en/tag/nope/feed.json', '/fa/section/economy/feed.atom']) {
      assert.equal((await app.inject(missing)).statusCode, 404, missing);
    }
  });

  it('advertises the three feeds of a page, at paths that answer', async () => {
    const links = feedLinks('fa', { kind: 'tag', slug: FA_TAG_SLUG });
    assert.deepEqual(
      links.map((l) => l.type),
      ['application/rss+xml', 'application/atom+xml', 'application/feed+json'],
    );
    assert.deepEqual(links.map((l) => l.title), ['خوراک RSS', 'خوراک Atom', 'خوراک JSON']);
    for (const link of [...links, ...feedLinks('en')]) assert.equal((await app.inject(link.href)).statusCode, 200, link.href);
  });

  it('answers 404 for unknown editions and sitemap pages', async () => {
    for (const missing of ['/xx/feed.rss', '/xx/feed.atom', '/xx/feed.json', '/xx/section/economy/feed.rss', '/sitemaps/xx-1.xml', '/sitemaps/en-2.xml', '/sitemaps/en-0.xml']) {
      const response = await app.inject(missing);
      assert.ok([404, 400].includes(response.statusCode), `${missing} → ${response.statusCode}`);
    }
    assert.equal((await app.inject('/xx/feed.rss')).statusCode, 404);
  });

  it('names the sitemap in robots.txt and keeps crawlers out of the API', async () => {
    const robots = await app.inject('/robots.txt');
    assert.equal(robots.statusCode, 200);
    assert.equal(robots.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(robots.body, /^User-agent: \*$/m);
    assert.match(robots.body, /^Disallow: \/api\/$/m);
    assert.match(robots.body, /^Allow: \/$/m);
    assert.match(robots.body, new RegExp(`^Sitemap: ${BASE}/sitemap\\.xml$`, 'm'));
  });

  it('lists each edition and the news sitemap in the sitemap index', async () => {
    const response = await app.inject('/sitemap.xml');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/xml/);
    const index = parseXml(response.body, 'sitemap').sitemapindex as Node;
    assert.equal(index['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    assert.deepEqual(
      list(index.sitemap).map((s) => text(s.loc)),
      [`${BASE}/sitemaps/en-1.xml`, `${BASE}/sitemaps/fa-1.xml`, `${BASE}/sitemaps/ar-1.xml`, `${BASE}/sitemaps/news.xml`],
    );
  });

  it('lists every published article of an edition once, with reciprocal hreflang alternates', async () => {
    const urlsOf = async (file: string) => {
      const response = await app.inject(`/sitemaps/${file}`);
      assert.equal(response.statusCode, 200, file);
      const set = parseXml(response.body, 'sitemap').urlset as Node;
      assert.equal(set['@_xmlns:xhtml'], 'http://www.w3.org/1999/xhtml');
      return list(set.url);
    };
    const alternatesOf = (entry: Node | undefined) => Object.fromEntries(list(entry?.['xhtml:link']).map((l) => [String(l['@_hreflang']), String(l['@_href'])]));

    const en = await urlsOf('en-1.xml');
    const locs = en.map((u) => text(u.loc));
    assert.equal(new Set(locs).size, locs.length, 'no URL twice');
    assert.equal(locs[0], `${BASE}/en/`);
    for (const listing of [`${BASE}/en/section/economy`, `${BASE}/en/section/sport`, `${BASE}/en/tag/ports`]) assert.ok(locs.includes(listing), listing);
    const articleLocs = locs.filter((l) => l.includes('/news/'));
    const expected = [...ids.bulk, ids.en1, ids.en2].map((id) => url('en', id));
    assert.deepEqual([...articleLocs].sort(), [...expected].sort());
    for (const u of en.filter((e) => text(e.loc).includes('/news/'))) assert.match(text(u.lastmod), RFC3339);

    const enEntry = en.find((u) => text(u.loc) === url('en', ids.en1));
    const faEntry = (await urlsOf('fa-1.xml')).find((u) => text(u.loc) === url('fa', ids.fa1));
    const expectedAlternates = { en: url('en', ids.en1), fa: url('fa', ids.fa1), 'x-default': url('en', ids.en1) };
    assert.deepEqual(alternatesOf(enEntry), expectedAlternates, 'the unpublished Arabic translation is not an alternate');
    assert.deepEqual(alternatesOf(faEntry), expectedAlternates, 'reciprocal');
    assert.deepEqual(alternatesOf(en.find((u) => text(u.loc) === url('en', ids.en2))), {}, 'no alternates without a translation');

    const ar = await urlsOf('ar-1.xml');
    assert.deepEqual(
      ar.map((u) => text(u.loc)),
      [`${BASE}/ar/`, url('ar', ids.ar1)],
    );
  });

  it('pages sitemap articles in a stable order, each exactly once', async () => {
    const seen: number[] = [];
    for (let offset = 0; ; offset += 10) {
      const page = await listSitemapArticles(h().ctx(), { edition: 'en', offset, limit: 10 });
      if (!page.length) break;
      seen.push(...page.map((a) => a.id));
      const en1 = page.find((a) => a.id === ids.en1);
      if (en1) assert.deepEqual(en1.versions.map((v) => v.edition), ['en', 'fa']);
    }
    assert.deepEqual(seen, [...ids.bulk, ids.en1, ids.en2]);

    // Page 1: the front, 3 listings and 46 articles; then 50 and the remaining 24.
    const plan = sitemapPlan({ articles: 120, terms: 3 }, 50);
    assert.equal(plan.pages, 3);
    assert.deepEqual([1, 2, 3].map((p) => plan.slice(p)), [
      { offset: 0, limit: 46 },
      { offset: 46, limit: 50 },
      { offset: 96, limit: 50 },
    ]);
    assert.equal(sitemapPlan({ articles: 0, terms: 0 }).pages, 1);
    assert.equal(sitemapPlan({ articles: 49_999, terms: 0 }).pages, 1);
    assert.equal(sitemapPlan({ articles: 50_000, terms: 0 }).pages, 2, 'the front takes one of the 50,000 places');
  });

  it('lists only the last 48 hours in the news sitemap, named in each edition’s language', async () => {
    const newsOf = async () => {
      const response = await app.inject('/sitemaps/news.xml');
      assert.equal(response.statusCode, 200);
      const set = parseXml(response.body, 'sitemap').urlset as Node;
      assert.equal(set['@_xmlns:news'], 'http://www.google.com/schemas/sitemap-news/0.9');
      return new Map(list(set.url).map((u) => [text(u.loc), u['news:news'] as Node]));
    };
    const news = await newsOf();
    assert.deepEqual([...news.keys()].sort(), [url('en', ids.en1), url('fa', ids.fa1), url('ar', ids.ar1), url('en', ids.en2)].sort());
    const fa = news.get(url('fa', ids.fa1)) as Node;
    assert.equal(text((fa['news:publication'] as Node)['news:name']), 'دیت‌لاین');
    assert.equal(text((fa['news:publication'] as Node)['news:language']), 'fa');
    assert.equal(text(fa['news:title']), FA1_TITLE);
    assert.equal(text(fa['news:publication_date']), published.get(ids.fa1));
    const ar = news.get(url('ar', ids.ar1)) as Node;
    assert.equal(text((ar['news:publication'] as Node)['news:name']), 'ديتلاين');
    assert.equal(text(ar['news:title']), AR1_TITLE);
    assert.equal(text(((news.get(url('en', ids.en1)) as Node)['news:publication'] as Node)['news:name']), 'Dateline');

    // en1 (10:00) and fa1 (10:01) fall out of the window; ar1 (10:02) and en2 (10:03) stay. A new
    // article is published then, and its event refreshes the cached sitemap.
    h().clock.set('2026-11-26T10:01:30.000Z');
    const fresh = await anArticle(h().ctx(), { headline: 'Fresh story' });
    slugs.set(fresh.id, fresh.slug);
    await publishArticle(h().ctx(), fresh.id);
    const later = await newsOf();
    assert.deepEqual([...later.keys()].sort(), [url('ar', ids.ar1), url('en', ids.en2), url('en', fresh.id)].sort());
  });

  it(
    'drops an article from the news sitemap when it ages out, with no article event',
    async () => {
      await app.inject('/sitemaps/news.xml');
      h().clock.set('2026-11-29T00:00:00.000Z');
      const response = await app.inject('/sitemaps/news.xml');
      assert.ok(!response.body.includes('<loc>'), 'everything is older than 48 hours');
    },
  );

  it('drops an unpublished article from cached feeds and sitemaps', async () => {
    const feeds = ['/en/feed.rss', '/en/feed.atom', '/en/feed.json', '/en/section/sport/feed.json', '/sitemaps/en-1.xml'];
    const target = url('en', ids.en2);
    for (const feed of feeds) {
      const first = await app.inject(feed);
      assert.ok(first.body.includes(target), `${feed} lists it`);
      const second = await app.inject(feed);
      assert.equal(second.headers['x-cache'], 'hit', `${feed} is served from the page cache`);
    }
    await unpublishArticle(h().ctx(), ids.en2);
    for (const feed of feeds) {
      const response = await app.inject(feed);
      assert.equal(response.statusCode, 200);
      assert.ok(!response.body.includes(target), `${feed} no longer lists it`);
    }
  });
});
