// The email address is never published: after comments with known addresses (approved, held,
// replies, JSON posts), every public page, feed, sitemap, JSON answer and header reachable from
// the site, and the info-level log, are searched for the addresses and for any hash of them.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../../src/core/context.js';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { moderateComments, setCommentSettings } from '../../../src/domain/comments/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { commentPoster } from '../../support/comments.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

const EMAILS = ['Q7zk.Private@Example.org', 'w3xv-hidden@example.net', 'ناشناس-z9@example.com'];

function forms(value: string): string[] {
  const out = new Set<string>([value, value.toLowerCase(), encodeURIComponent(value), encodeURIComponent(value.toLowerCase()), value.split('@')[0]!.toLowerCase()]);
  for (const v of [value, value.toLowerCase(), value.trim().toLowerCase()]) {
    for (const algorithm of ['md5', 'sha1', 'sha256']) {
      const digest = createHash(algorithm).update(v).digest();
      out.add(digest.toString('hex'));
      out.add(digest.toString('base64url'));
      out.add(digest.toString('base64'));
      out.add(digest.toString('hex').slice(0, 16));
    }
  }
  return [...out];
}

eachDialect('the commenter’s email is never published', (h) => {
  let app: FastifyInstance;
  const logs: string[] = [];
  const ids: Array<{ lang: string; id: number; slug: string }> = [];

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    app = await buildTestApp(h(), { logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } } });
    const post = commentPoster(app, h);
    await setCommentSettings(h().ctx(systemActor('test')), 'en', { policy: 'approve_all' });
    for (const lang of ['en', 'fa']) {
      const a = await anArticle(ctx, { edition: lang });
      await publishArticle(ctx, a.id);
      ids.push({ lang, id: a.id, slug: a.slug });
      for (const [i, email] of EMAILS.entries()) {
        const r = await post(lang, a, { email, name: `Reader ${i}`, website: 'https://reader.example/', comment: `Comment ${i} with https://example.org/x`, notify: true, remember: true });
        const id = Number(/#comment-(\d+)$/.exec(String(r.response.headers.location))?.[1]);
        if (id && i < 2) await moderateComments(h().ctx(systemActor('test')), [id], 'approved');
        if (id) await post(lang, a, { email: EMAILS[(i + 1) % EMAILS.length]!, parent: id, comment: 'A reply' });
      }
      await post(lang, a, { email: EMAILS[0]!, json: true, comment: 'Posted by script' });
      await post(lang, a, { email: EMAILS[1]!, json: true, name: '' });
    }
  });
  after(() => app?.close());

  it('appears in no page, feed, sitemap, JSON answer, header or info log line', async () => {
    const keys = (await h().db.storage.db.selectFrom('comments').select('email_key').execute()).map((r) => r.email_key).filter(Boolean);
    assert.ok(keys.length >= 6);
    const needles = [...EMAILS.flatMap(forms), ...keys];
    const seen = new Set<string>();
    const queue = ['/', '/en/', '/fa/', '/ar/', '/robots.txt', '/sitemap.xml', '/sitemaps/news.xml', '/en/feed.rss', '/en/feed.atom', '/en/feed.json', '/fa/feed.rss', '/en/search?q=comment'];
    for (const a of ids) queue.push(`/${a.lang}/news/${a.id}/comments.atom`, `/${a.lang}/news/${a.id}/comments/token`);
    const texts: string[] = [];
    while (queue.length && seen.size < 600) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await app.inject({ url });
      texts.push(`${url}\n${JSON.stringify(response.headers)}\n${response.body}`);
      const type = String(response.headers['content-type'] ?? '');
      if (!/html|xml|json/.test(type)) continue;
      for (const match of response.body.matchAll(/(?:href|src)="([^"]+)"|<loc>([^<]+)<\/loc>|"(?:url|id|home_page_url|feed_url)":"([^"]+)"/g)) {
        let link = (match[1] ?? match[2] ?? match[3] ?? '').replace(/&amp;/g, '&');
        if (link.startsWith('https://news.example.org')) link = link.slice('https://news.example.org'.length);
        link = link.split('#')[0]!;
        if (link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/media/') && !link.startsWith('/assets/')) queue.push(link);
      }
    }
    assert.ok([...seen].some((u) => /\/reply\/\d+$/.test(u)), 'reply pages were crawled');
    assert.ok([...seen].some((u) => u.includes('/news/')), 'article pages were crawled');
    assert.ok(logs.length > 10, 'the log was captured');
    const haystacks = [...texts, ...logs];
    for (const needle of needles) {
      const found = haystacks.find((t) => t.includes(needle));
      assert.equal(found === undefined, true, `found ${needle} in ${found?.slice(0, 200)}`);
    }
  });
});
