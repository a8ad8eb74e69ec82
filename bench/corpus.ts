// A deterministic benchmark corpus: the same seed gives the same newsroom, byte for byte.
// Rows are written in large batches straight through Kysely (a fixture loader, not a newsroom
// operation), with bodies rendered and slugs made by the domain's own functions.
import type { Kysely, Transaction } from 'kysely';
import { renderDocument, slugify, type BodyDocument } from '../src/domain/articles/index.js';
import type { DB } from '../src/storage/schema.js';

/** mulberry32: a tiny seeded PRNG, enough for reproducible test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  en: 'river city council water market harvest museum metro station bridge festival minister report budget rain school hospital farmers prices port train library science park heat energy solar plan road trade'.split(' '),
  fa: 'رود شهر شورا آب بازار برداشت موزه مترو ایستگاه پل جشنواره وزیر گزارش بودجه باران مدرسه بیمارستان کشاورزان قیمت بندر قطار کتابخانه دانش پارک گرما انرژی خورشیدی طرح جاده تجارت'.split(' '),
  ar: 'نهر مدينة مجلس ماء سوق حصاد متحف مترو محطة جسر مهرجان وزير تقرير ميزانية مطر مدرسة مستشفى مزارعون أسعار ميناء قطار مكتبة علوم حديقة حرارة طاقة شمسية خطة طريق تجارة'.split(' '),
} as const;
type Lang = keyof typeof WORDS;
const EDITIONS: Array<{ code: Lang; native: string; english: string; dir: 'ltr' | 'rtl'; locale: string; calendar: string; numbering: string; tz: string }> = [
  { code: 'en', native: 'English', english: 'English', dir: 'ltr', locale: 'en-GB', calendar: 'gregory', numbering: 'latn', tz: 'UTC' },
  { code: 'fa', native: 'فارسی', english: 'Persian', dir: 'rtl', locale: 'fa-IR', calendar: 'persian', numbering: 'arabext', tz: 'Asia/Tehran' },
  { code: 'ar', native: 'العربية', english: 'Arabic', dir: 'rtl', locale: 'ar-EG', calendar: 'gregory', numbering: 'arab', tz: 'Africa/Cairo' },
];

export interface Corpus {
  articles: Array<{ edition: string; id: number; slug: string }>;
  sections: Array<{ edition: string; slug: string }>;
  tags: Array<{ edition: string; slug: string }>;
}

/** A published article and its story, written as the fixture loaders of benchmarks and tests need. */
export async function insertPublishedArticle(
  trx: Transaction<DB>,
  a: { edition: string; slug: string; headline: string; dek: string; dateline: string; creditLine: string; byline: string; body: BodyDocument; sectionId: number | null; when: string },
): Promise<number> {
  const story = await trx.insertInto('stories').values({ created_at: a.when }).returning('id').executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('articles')
    .values({
      story_id: story.id,
      edition_code: a.edition,
      slug: a.slug,
      headline: a.headline,
      dek: a.dek,
      dateline: a.dateline,
      credit_line: a.creditLine,
      byline: a.byline,
      body_doc: JSON.stringify(a.body),
      body_html: renderDocument(a.body),
      section_id: a.sectionId,
      status: 'published',
      comments_open: 1,
      version: 1,
      created_at: a.when,
      updated_at: a.when,
      published_at: a.when,
      first_published_at: a.when,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function generateCorpus(db: Kysely<DB>, count: number, seed = 42): Promise<Corpus> {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const sentence = (lang: Lang, words: number) => Array.from({ length: words }, () => pick(WORDS[lang])).join(' ');
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  const corpus: Corpus = { articles: [], sections: [], tags: [] };
  const sectionIds = new Map<string, number[]>();
  const tagIds = new Map<string, number[]>();

  await db.transaction().execute(async (trx) => {
    for (const [position, e] of EDITIONS.entries()) {
      await trx
        .insertInto('editions')
        .values({ code: e.code, native_name: e.native, english_name: e.english, direction: e.dir, locale: e.locale, calendar: e.calendar, numbering: e.numbering, time_zone: e.tz, is_default: position === 0 ? 1 : 0, position, created_at: new Date(start).toISOString() })
        .execute();
      const sections: number[] = [];
      const tags: number[] = [];
      for (let i = 0; i < 8; i++) {
        const slug = `section-${i + 1}`;
        sections.push((await trx.insertInto('sections').values({ edition_code: e.code, slug, name: WORDS[e.code][i] ?? slug, position: i }).returning('id').executeTakeFirstOrThrow()).id);
        corpus.sections.push({ edition: e.code, slug });
      }
      for (let i = 0; i < 40; i++) {
        const slug = `tag-${i + 1}`;
        tags.push((await trx.insertInto('tags').values({ edition_code: e.code, slug, name: `${WORDS[e.code][i % 30]} ${i + 1}` }).returning('id').executeTakeFirstOrThrow()).id);
        corpus.tags.push({ edition: e.code, slug });
      }
      sectionIds.set(e.code, sections);
      tagIds.set(e.code, tags);
    }
  });

  const batch = 500;
  for (let offset = 0; offset < count; offset += batch) {
    await db.transaction().execute(async (trx) => {
      for (let i = offset; i < Math.min(count, offset + batch); i++) {
        const edition = EDITIONS[i % 3 === 0 || rand() < 0.5 ? 0 : rand() < 0.5 ? 1 : 2] as (typeof EDITIONS)[number];
        const lang = edition.code;
        const when = new Date(start + i * 60_000).toISOString();
        // The number leads, so cutting a long slug at 80 characters keeps it unique.
        const headline = `${i + 1} ${sentence(lang, 6 + Math.floor(rand() * 6))}`;
        const body: BodyDocument = {
          type: 'doc',
          content: Array.from({ length: 6 + Math.floor(rand() * 6) }, (_, p) =>
            p === 2
              ? { type: 'quote' as const, content: [{ type: 'text' as const, text: sentence(lang, 20) }], attribution: sentence(lang, 3) }
              : { type: 'paragraph' as const, content: [{ type: 'text' as const, text: sentence(lang, 40 + Math.floor(rand() * 40)) }] },
          ),
        };
        const slug = slugify(headline);
        const id = await insertPublishedArticle(trx, {
          edition: lang,
          slug,
          headline,
          dek: sentence(lang, 15),
          dateline: pick(WORDS[lang]),
          creditLine: 'Dateline Bench Agency',
          byline: sentence(lang, 2),
          body,
          sectionId: pick(sectionIds.get(lang) ?? []),
          when,
        });
        const row = { id };
        const tags = [...new Set([pick(tagIds.get(lang) ?? []), pick(tagIds.get(lang) ?? [])])];
        await trx.insertInto('article_tags').values(tags.map((tag_id) => ({ article_id: row.id, tag_id }))).execute();
        corpus.articles.push({ edition: lang, id: row.id, slug });
      }
    });
  }
  return corpus;
}
