// The demo newsroom: three editions (English, Persian, Arabic), taxonomy, entities with aliases,
// original sample stories (many translated and linked as one story), a cartoon and sidebar blocks,
// and an admin account with a random one-time password. Goes through the domain like any writer.
import fs from 'node:fs';
import sharp from 'sharp';
import type { Clock } from '../../core/context.js';
import { createArticle, createTranslation, publishArticle, rebuildRelated, type Block, type BodyDocument } from '../../domain/articles/index.js';
import { addBlock } from '../../domain/curation/index.js';
import { createEdition, createEntity, createSection, createTag, listEditions } from '../../domain/editions/index.js';
import { rebuildSearchIndex } from '../../domain/search/index.js';
import { importImage, type BlobStore } from '../../domain/media/index.js';
import { createUser, generatePassword } from '../../domain/users/index.js';
import type { DbCtx } from '../../storage/database.js';
import { settleOutbox } from '../../storage/queue.js';
import * as demo from './content.js';
import { seedIdentity } from './identity.js';

const TIME_ZONES: Record<demo.Lang, string> = { en: 'UTC', fa: 'Asia/Tehran', ar: 'Africa/Cairo' };
const HOUR = 3_600_000;

export interface SeedResult {
  editions: number;
  articles: number;
  adminEmail: string;
  adminPassword: string;
}

function toDocument(blocks: demo.DemoBlock[]): BodyDocument {
  return {
    type: 'doc',
    content: blocks.map((block): Block => {
      if (typeof block === 'string') return { type: 'paragraph', content: [{ type: 'text', text: block }] };
      if ('heading' in block) return { type: 'heading', level: 2, content: [{ type: 'text', text: block.heading }] };
      return { type: 'quote', content: [{ type: 'text', text: block.quote }], attribution: block.by };
    }),
  };
}

const at = (instant: Date): Clock => ({ now: () => new Date(instant) });

export async function seedDemoIfEmpty(ctx: DbCtx, blobs: BlobStore): Promise<SeedResult | undefined> {
  if ((await listEditions(ctx.db)).length) return undefined;
  return seedDemo(ctx, blobs);
}

export async function seedDemo(ctx: DbCtx, blobs: BlobStore): Promise<SeedResult> {
  const now = ctx.clock.now();
  const langs = demo.editions.map((e) => e.code);

  for (const [position, e] of demo.editions.entries()) {
    await createEdition(ctx, { ...e, timeZone: TIME_ZONES[e.code], position });
  }
  await seedIdentity(ctx, blobs);

  const sectionIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  for (const lang of langs) {
    for (const [position, s] of demo.sections.entries()) {
      sectionIds.set(`${s.key}:${lang}`, await createSection(ctx, { edition: lang, slug: s.slugs[lang], name: s.names[lang], position }));
    }
    for (const t of demo.tags) tagIds.set(`${t.key}:${lang}`, await createTag(ctx, { edition: lang, slug: t.slugs[lang], name: t.names[lang] }));
  }
  const entityIds = new Map<string, number>();
  for (const e of demo.entities) entityIds.set(e.key, await createEntity(ctx, { key: e.key, kind: e.kind, names: e.names }));

  const svg = fs.readFileSync(new URL('./cartoon.svg', import.meta.url));
  const png = await sharp(svg).png().toBuffer();
  const cartoonId = await importImage(ctx, blobs, {
    data: png,
    credit: demo.agencyCredit.en,
    texts: Object.fromEntries(langs.map((l) => [l, { alt: demo.sidebar[l].cartoon.alt, caption: demo.sidebar[l].cartoon.caption }])),
  });

  let articles = 0;
  const published: Array<{ lang: demo.Lang; id: number; hoursAgo: number; translated: number }> = [];
  const oldestFirst = [...demo.stories].sort((a, b) => b.hoursAgo - a.hoursAgo);
  for (const story of oldestFirst) {
    const when = new Date(now.getTime() - story.hoursAgo * HOUR);
    const storyCtx: DbCtx = { ...ctx, clock: at(when) };
    let sourceId: number | undefined;
    const versions = langs.flatMap((lang) => (story.versions[lang] ? [[lang, story.versions[lang]] as const] : []));
    for (const [lang, version] of versions) {
      const input = {
        edition: lang,
        headline: version.headline,
        dek: version.dek,
        dateline: version.dateline,
        byline: version.byline,
        creditLine: demo.agencyCredit[lang],
        body: toDocument(version.body),
        sectionId: sectionIds.get(`${story.section}:${lang}`) ?? null,
        tagIds: story.tags.flatMap((k) => tagIds.get(`${k}:${lang}`) ?? []),
        entityIds: story.entities.flatMap((k) => entityIds.get(k) ?? []),
        featuredMediaId: story.featured === 'cartoon' ? cartoonId : null,
      };
      const ref = sourceId === undefined ? await createArticle(storyCtx, input) : await createTranslation(storyCtx, sourceId, input);
      sourceId ??= ref.id;
      await publishArticle(storyCtx, ref.id);
      published.push({ lang, id: ref.id, hoursAgo: story.hoursAgo, translated: versions.length });
      articles += 1;
    }
  }

  for (const lang of langs) {
    const mine = published.filter((p) => p.lang === lang).sort((a, b) => a.hoursAgo - b.hoursAgo);
    // The lead is the newest story told in every edition; then the next four newest.
    const lead = mine.find((p) => p.translated === langs.length) ?? mine[0];
    if (lead) await addBlock(ctx, { edition: lang, slot: 'lead', kind: 'article', articleId: lead.id });
    for (const [position, top] of mine.filter((p) => p !== lead).slice(0, 4).entries()) {
      await addBlock(ctx, { edition: lang, slot: 'top', kind: 'article', articleId: top.id, position });
    }
    const side = demo.sidebar[lang];
    await addBlock(ctx, { edition: lang, slot: 'sidebar', kind: 'cartoon', position: 0, mediaId: cartoonId, title: side.cartoon.title, body: side.cartoon.caption });
    await addBlock(ctx, { edition: lang, slot: 'sidebar', kind: 'statement', position: 1, body: side.statement.quote, attribution: side.statement.by });
    await addBlock(ctx, {
      edition: lang,
      slot: 'sidebar',
      kind: 'banner',
      position: 2,
      title: side.banner.title,
      body: side.banner.text,
      linkUrl: side.banner.linkPath,
      startsAt: new Date(now.getTime() + side.banner.startsInDays * 24 * HOUR),
      endsAt: new Date(now.getTime() + side.banner.endsInDays * 24 * HOUR),
    });
    await addBlock(ctx, { edition: lang, slot: 'sidebar', kind: 'most_recent', position: 3 });
  }

  // Related lists for the whole demo in one pass; the per-article refreshes its events would queue
  // (and the cache purges of a server that has no pages yet) would only repeat that work. The
  // search index likewise, since the reindex jobs of the settled events will never run.
  await rebuildRelated(ctx);
  await rebuildSearchIndex(ctx);
  await settleOutbox(ctx.db, ctx.clock.now());

  const adminEmail = 'admin@example.com';
  const adminPassword = generatePassword();
  await createUser(ctx, { email: adminEmail, name: 'Demo Administrator', role: 'admin', password: adminPassword, mustChangePassword: true });
  return { editions: langs.length, articles, adminEmail, adminPassword };
}
