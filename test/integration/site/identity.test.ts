// The agency's identity on every dialect: only an admin (or the system) sets it, bad values are
// refused field by field, and once set it is what the masthead, titles, feeds, the Google News
// sitemap and the JSON-LD publisher say (the credit stays the article's). A change reaches pages
// already cached. Favicon, icons, logo files (SVG sandboxed), share images and the section menu.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { publishArticle, updateArticle, getArticle } from '../../../src/domain/articles/index.js';
import { createSection } from '../../../src/domain/editions/index.js';
import { importImage } from '../../../src/domain/media/index.js';
import { cardKey, setIdentity, SITE_WIDE, type IdentityPatch } from '../../../src/domain/site/index.js';
import { isDomainError, type DomainError } from '../../../src/core/errors.js';
import type { Actor } from '../../../src/core/context.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { buildTestApp } from '../../support/app.js';
import { eachDialect } from '../../support/database.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

const user = (role: 'admin' | 'editor' | 'reporter' | 'translator' | 'moderator'): Actor => ({ kind: 'user', id: 1, role, name: role });

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  assert.fail('expected a refusal');
}

const png = (width: number, height: number, color = '#0f4c5c') => sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">([^<]+)<\/script>/.exec(html)?.[1] ?? 'null') as Record<string, unknown>;
const metaOf = (html: string, property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"/>`).exec(html)?.[1];

/** Waits for this server's copy of the identity to follow an event (the reload is asynchronous). */
async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

eachDialect('site identity', (h) => {
  let app: FastifyInstance;
  let article: { id: number; slug: string };
  const blobs = () => createFileBlobStore(path.join(h().db.env.DATA_DIR ?? '', 'media'));
  const set = (patch: IdentityPatch, scope = SITE_WIDE, actor?: Actor) => setIdentity(h().ctx(actor), blobs(), scope, patch);

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    article = await anArticle(ctx, { headline: 'Harbour cranes return to work', creditLine: 'Partner Wire' });
    await publishArticle(ctx, article.id);
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('falls back to the product name from the catalog while no identity is set', async () => {
    const home = await app.inject('/en/');
    assert.match(home.body, /<span class="brand-name" dir="auto">Dateline<\/span>/);
    const fa = await app.inject('/fa/');
    assert.match(fa.body, /<title>دیت‌لاین<\/title>/);
  });

  it('lets only an admin or the system change it', async () => {
    for (const role of ['editor', 'reporter', 'translator', 'moderator'] as const) {
      assert.equal((await refusal(set({ name: 'Hijack' }, SITE_WIDE, user(role)))).code, 'ROLE_FORBIDDEN', role);
    }
    assert.equal((await refusal(set({ name: 'Hijack' }, SITE_WIDE, { kind: 'anonymous' }))).code, 'AUTH_REQUIRED');
    const record = await set({ name: 'Admin Wire' }, SITE_WIDE, user('admin'));
    assert.equal(record.name, 'Admin Wire');
    assert.equal((await refusal(set({ name: 'X' }, 'xx'))).code, 'EDITION_NOT_FOUND');
  });

  it('refuses bad values field by field and changes nothing', async () => {
    const before = await h().db.storage.db.selectFrom('site_identity').selectAll().execute();
    const error = await refusal(
      set({
        name: 'N'.repeat(121),
        about: 'javascript:alert(1)',
        contact: 'mailto:not an address',
        terms: 'T'.repeat(301),
        privacy: 'http://insecure.example/privacy',
        social: ['https://ok.example/me', 'http://insecure.example/me'],
        color: 'red',
        logo: Buffer.from('not an image at all'),
        favicon: await png(64, 16),
      }),
    );
    assert.equal(error.code, 'SITE_INVALID');
    assert.deepEqual(
      error.fields.map((f) => `${f.field}:${f.key}`).sort(),
      [
        'about:errors.site.link',
        'color:errors.site.color',
        'contact:errors.site.link',
        'favicon:errors.site.favicon',
        'logo:errors.site.logo',
        'name:errors.field.too_long',
        'privacy:errors.site.link',
        'social:errors.site.social',
        'terms:errors.field.too_long',
      ],
    );
    assert.equal((await refusal(set({ social: Array.from({ length: 13 }, (_, i) => `https://s${i}.example/`) }))).fields[0]?.key, 'errors.site.social_count');
    assert.equal((await refusal(set({ social: ['https://user:pass@evil.example/'] }))).code, 'SITE_INVALID');
    assert.equal((await refusal(set({ logo: await png(8, 8) }))).fields[0]?.field, 'logo', 'a PNG below 16 px');
    assert.deepEqual(await h().db.storage.db.selectFrom('site_identity').selectAll().execute(), before);
  });

  it('shows the identity in the masthead, titles, feeds, news sitemap and JSON-LD publisher, and purges cached pages', async () => {
    const articleUrl = `/en/news/${article.id}/${article.slug}`;
    // Cached first: the change must reach pages rendered before it.
    await until(async () => {
      const cached = await app.inject(articleUrl);
      return cached.body.includes('Admin Wire') && cached.headers['x-cache'] === 'hit';
    });
    await set({ name: 'Caspian Wire', logo: await png(240, 60), social: ['https://x.com/caspianwire', 'https://mastodon.example/@caspian'], about: 'https://caspian.example/about', contact: 'Desk: +98 21 0000 0000' });
    await set({ name: 'خبرگزاری خزر' }, 'fa');
    await until(async () => (await app.inject(articleUrl)).body.includes('Caspian Wire') && (await app.inject('/fa/')).body.includes('خبرگزاری خزر'));

    const page = (await app.inject(articleUrl)).body;
    assert.match(page, /<title>Harbour cranes return to work — Caspian Wire<\/title>/);
    assert.match(page, /<img class="brand-logo" src="\/site\/logo\.[0-9a-f]{16}\.png" alt(="")? width="240" height="60"\/>/);
    assert.match(page, /<a href="https:\/\/x\.com\/caspianwire" rel="me noopener">X<\/a>/);
    assert.match(page, /<a href="https:\/\/caspian\.example\/about">About us<\/a>/);
    assert.match(page, /Desk: \+98 21 0000 0000/);
    const data = jsonLdOf(page);
    const publisher = data.publisher as { name: string; logo: { url: string; width: number; height: number } };
    assert.equal(publisher.name, 'Caspian Wire');
    assert.match(publisher.logo.url, /^https:\/\/news\.example\.org\/site\/publisher\.[0-9a-f]{16}\.png$/);
    const logo = await app.inject(publisher.logo.url.replace('https://news.example.org', ''));
    assert.equal(logo.statusCode, 200);
    assert.equal(logo.headers['content-type'], 'image/png');
    const meta = await sharp(logo.rawPayload).metadata();
    assert.ok((meta.width ?? 0) <= 600 && (meta.height ?? 0) <= 60);
    assert.equal(data.creditText, 'Partner Wire', 'the credit stays the article’s');
    assert.deepEqual(data.sourceOrganization, { '@type': 'Organization', name: 'Partner Wire' });
    assert.equal(metaOf(page, 'og:site_name'), 'Caspian Wire');

    const fa = (await app.inject('/fa/')).body;
    assert.match(fa, /<span class="brand-name" dir="auto">خبرگزاری خزر<\/span>/, 'an edition’s own name');
    assert.match(fa, /<img class="brand-logo"/, 'and the site-wide logo it inherits');
    const rss = (await app.inject('/en/feed.rss')).body;
    assert.match(rss, /<channel>\s*<title>Caspian Wire<\/title>/);
    const atom = (await app.inject('/fa/feed.atom')).body;
    assert.match(atom, /<title type="text">خبرگزاری خزر<\/title>/);
    const news = (await app.inject('/sitemaps/news.xml')).body;
    assert.match(news, /<news:name>Caspian Wire<\/news:name>/);
    assert.ok(!/Dateline/.test(news));
  });

  it('serves /favicon.ico as an ICO, the agency’s once set, and links icons from every page', async () => {
    const before = await app.inject('/favicon.ico');
    assert.equal(before.statusCode, 200);
    assert.equal(before.headers['content-type'], 'image/x-icon');
    assert.deepEqual([...before.rawPayload.subarray(0, 4)], [0, 0, 1, 0], 'ICO header');
    assert.equal(before.rawPayload.readUInt16LE(4), 3, 'three sizes');
    await set({ favicon: await png(64, 64, '#f2c14e') });
    await until(async () => !(await app.inject('/favicon.ico')).rawPayload.equals(before.rawPayload));
    const page = (await app.inject('/ar/')).body;
    const ico = /<link rel="icon" href="(\/site\/favicon\.[0-9a-f]{16}\.ico)" sizes="16x16 32x32 48x48"\/>/.exec(page)?.[1];
    const apple = /<link rel="apple-touch-icon" href="(\/site\/apple-touch-icon\.[0-9a-f]{16}\.png)"\/>/.exec(page)?.[1];
    assert.ok(ico && apple, 'icon links');
    const icon = await app.inject(ico);
    assert.equal(icon.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.deepEqual(icon.rawPayload, (await app.inject('/favicon.ico')).rawPayload);
    const touch = await sharp((await app.inject(apple)).rawPayload).metadata();
    assert.deepEqual([touch.format, touch.width, touch.height], ['png', 180, 180]);
    assert.deepEqual((await app.inject('/apple-touch-icon.png')).rawPayload, (await app.inject(apple)).rawPayload);
    assert.equal((await app.inject('/site/favicon.0000000000000000.ico')).statusCode, 404);

    // An edition's own favicon is linked from its pages; /favicon.ico stays the site's.
    const iconOf = async (lang: string) => /<link rel="icon" href="([^"]+)"/.exec((await app.inject(`/${lang}/`)).body)?.[1];
    await set({ favicon: await png(48, 48, '#7a1f2b') }, 'fa');
    await until(async () => (await iconOf('fa')) !== ico);
    assert.equal(await iconOf('en'), ico);
    assert.deepEqual((await app.inject('/favicon.ico')).rawPayload, icon.rawPayload);
  });

  it('serves an SVG logo only as a sandboxed image', async () => {
    const hostile = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" onload="alert(1)"><script>alert(2)</script><rect width="120" height="40" fill="#123"/></svg>');
    await set({ logo: hostile });
    let href: string | undefined;
    await until(async () => Boolean((href = /<img class="brand-logo" src="(\/site\/logo\.[0-9a-f]{16}\.svg)"/.exec((await app.inject('/en/')).body)?.[1])));
    const svg = await app.inject(href!);
    assert.equal(svg.statusCode, 200);
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.match(String(svg.headers['content-security-policy']), /^sandbox; default-src 'none'/);
    assert.equal(svg.headers['x-content-type-options'], 'nosniff');
    // The JSON-LD publisher logo is its raster form.
    const publisher = jsonLdOf((await app.inject(`/en/news/${article.id}/${article.slug}`)).body).publisher as { logo: { url: string } };
    assert.match(publisher.logo.url, /\/site\/publisher\.[0-9a-f]{16}\.png$/);
    await set({ logo: null });
  });

  it('gives every article a share image: its card, drawn once, immutable, new with a new headline', async () => {
    const url = `/en/news/${article.id}/${article.slug}`;
    const page = (await app.inject(url)).body;
    const og = metaOf(page, 'og:image');
    assert.match(og ?? '', new RegExp(`^https://news\\.example\\.org/en/share/${article.id}-[0-9a-f]{16}\\.png$`));
    assert.equal(metaOf(page, 'og:image:width'), '1200');
    assert.equal(metaOf(page, 'og:image:height'), '630');
    assert.equal(metaOf(page, 'twitter:card'), 'summary_large_image');
    assert.deepEqual((jsonLdOf(page).image as Array<{ url: string }>)[0]?.url, og);
    const card = await app.inject(og!.replace('https://news.example.org', ''));
    assert.equal(card.statusCode, 200);
    assert.equal(card.headers['content-type'], 'image/png');
    assert.equal(card.headers['cache-control'], 'public, max-age=31536000, immutable');
    const meta = await sharp(card.rawPayload).metadata();
    assert.deepEqual([meta.width, meta.height], [1200, 630]);
    assert.equal((await app.inject(`/en/share/${article.id}-0123456789abcdef.png`)).statusCode, 404, 'a hash the page never linked');
    assert.equal((await app.inject(`/en/share/999999-0123456789abcdef.png`)).statusCode, 404);
    assert.equal((await app.inject(`/xx/share/${article.id}-0123456789abcdef.png`)).statusCode, 404);

    const ctx = h().ctx();
    await updateArticle(ctx, article.id, { headline: 'Harbour cranes return to work after the strike' });
    const current = await getArticle(ctx, article.id);
    const updated = (await app.inject(`/en/news/${article.id}/${current.slug}`)).body;
    const next = metaOf(updated, 'og:image');
    assert.ok(next && next !== og, 'a new headline gives a new card URL');
    // The job that follows the article's event draws it ahead of the first crawler.
    const key = cardKey({ articleId: article.id, edition: 'en', direction: 'ltr', headline: 'Harbour cranes return to work after the strike', brandName: 'Caspian Wire', color: undefined });
    await until(async () => (await blobs().get(key)) !== undefined, 10_000);
    const drawn = await app.inject(next.replace('https://news.example.org', ''));
    assert.equal(drawn.statusCode, 200);
    assert.ok(!drawn.rawPayload.equals(card.rawPayload));
  });

  it('uses a featured image at least 1200 px wide as the share image', async () => {
    const ctx = h().ctx();
    const wide = await importImage(ctx, blobs(), { data: await png(1600, 900, '#884422'), credit: 'Staff', texts: { en: { alt: 'Cranes at dusk' } } });
    const narrow = await importImage(ctx, blobs(), { data: await png(800, 450, '#224488'), credit: 'Staff', texts: { en: { alt: 'Small' } } });
    const withWide = await anArticle(ctx, { featuredMediaId: wide });
    const withNarrow = await anArticle(ctx, { featuredMediaId: narrow });
    await publishArticle(ctx, withWide.id);
    await publishArticle(ctx, withNarrow.id);
    const widePage = (await app.inject(`/en/news/${withWide.id}/${withWide.slug}`)).body;
    assert.match(metaOf(widePage, 'og:image') ?? '', /^https:\/\/news\.example\.org\/media\/\d{4}\/\d{2}\/[A-Za-z0-9_-]+(\.w1600\.webp|\.png)$/);
    assert.equal(metaOf(widePage, 'og:image:width'), '1600');
    assert.equal(metaOf(widePage, 'og:image:height'), '900');
    assert.equal(metaOf(widePage, 'og:image:alt'), 'Cranes at dusk');
    const narrowPage = (await app.inject(`/en/news/${withNarrow.id}/${withNarrow.slug}`)).body;
    assert.match(metaOf(narrowPage, 'og:image') ?? '', /\/en\/share\/\d+-[0-9a-f]{16}\.png$/, 'a card instead of an 800 px image');
  });

  it('lists every section of the edition in the header menu, and follows a new section', async () => {
    const ctx = h().ctx();
    await createSection(ctx, { edition: 'fa', slug: 'اقتصاد', name: 'اقتصاد' });
    await until(async () => (await app.inject('/fa/')).body.includes('class="section-menu"'));
    const menu = /<nav class="section-menu" aria-label="([^"]+)"><ul>(.*?)<\/ul><\/nav>/.exec((await app.inject('/fa/')).body);
    assert.equal(menu?.[1], 'بخش‌ها');
    assert.ok(menu?.[2]?.includes(`<a href="/fa/section/${encodeURIComponent('اقتصاد')}">اقتصاد</a>`), menu?.[2]);
    const listing = (await app.inject(`/fa/section/${encodeURIComponent('اقتصاد')}`)).body;
    assert.match(listing, /<a href="[^"]+" aria-current="page">اقتصاد<\/a>/);
    assert.ok(!(await app.inject('/ar/')).body.includes('اقتصاد'), 'only the edition’s own sections');
  });

  it('takes two first writes of a scope at once, and a repeated one, without a conflict', async () => {
    await Promise.all([set({ about: 'https://a.example/about' }, 'ar'), set({ terms: 'https://a.example/terms' }, 'ar')]);
    await set({ terms: 'https://a.example/terms' }, 'ar');
    const rows = await h().db.storage.db.selectFrom('site_identity').selectAll().where('scope', '=', 'ar').execute();
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0]?.about, rows[0]?.terms], ['https://a.example/about', 'https://a.example/terms']);
  });

  it('clears a value so the edition inherits again', async () => {
    await set({ name: '' }, 'fa');
    await until(async () => (await app.inject('/fa/')).body.includes('<span class="brand-name" dir="auto">Caspian Wire</span>'));
  });
});
