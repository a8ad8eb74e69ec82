// Keeping search_documents in step with the articles: an article readers may see (visible(), the
// rule every public read applies) is indexed with its terms and the names and aliases of the
// entities it is linked to, any other is removed. Run per article by the search.reindex job, per
// entity when its names change, for everything by a rebuild, and at start by the repair.
import { isStopword, nameKey, tokenize, wordTerms, type TermCache } from '../../core/text/index.js';
import { sql, type SqlBool } from 'kysely';
import { documentText, nowOf, visible, type BodyDocument } from '../articles/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact, type Trx } from '../../storage/outbox.js';

/**
 * Headline terms count three times, the dek's twice, the body's once: repeated in the stored text.
 * Linked entities' names count twice: an editor's link says what the article is about, in every
 * spelling the dictionary knows, even the ones the text does not use.
 */
export const FIELD_REPEATS = { headline: 3, dek: 2, body: 1, entities: 2 } as const;
const BATCH = 200;
/** Longer terms are kept out of the did-you-mean vocabulary (still indexed): nobody misspells them. */
const MAX_VOCABULARY_TERM = 40;

interface ArticleText {
  headline: string;
  dek: string;
  body: string;
  /** The linked entities' names and aliases in the article's language, space-separated. */
  entities?: string;
}

/** The stored terms of an article: each field's terms, repeated by its weight, space-separated. */
export function documentTerms(article: ArticleText, language: string, cache?: TermCache): string {
  return readDocument(article, language, cache).terms;
}

/**
 * An article read once for the index: its stored terms, and its words for the did-you-mean
 * vocabulary (as typed, folded, not stemmed, without stopwords or overlong words).
 */
function readDocument(article: ArticleText, language: string, cache?: TermCache): { terms: string; words: string[] } {
  const parts: string[] = [];
  const words = new Set<string>();
  for (const field of ['headline', 'dek', 'body', 'entities'] as const) {
    const own: string[] = [];
    for (const { word, term } of wordTerms(article[field] ?? '', language, cache)) {
      if (!term) continue;
      own.push(term);
      if (word.length <= MAX_VOCABULARY_TERM * 2 && Array.from(word).length <= MAX_VOCABULARY_TERM) words.add(word);
    }
    if (own.length) for (let i = 0; i < FIELD_REPEATS[field]; i++) parts.push(own.join(' '));
  }
  return { terms: parts.join(' '), words: [...words] };
}

export const bodyText = (bodyDoc: string): string => documentText(JSON.parse(bodyDoc) as BodyDocument);

/** Indexes the visible articles among `ids` and removes the others (and ids with no article). */
async function indexBatch(ctx: DbCtx, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  // Each row says whether readers may see it (the one visibility rule), in the same query.
  const rows = await ctx.db
    .selectFrom('articles')
    .select(['id', 'edition_code', 'section_id', 'headline', 'dek', 'body_doc', 'published_at', visible({ now: nowOf(ctx) }).as('shown')])
    .where('id', 'in', ids)
    .execute();
  const names = await entityNamesOf(ctx, rows.map((r) => r.id));
  const indexedAt = ctx.clock.now().toISOString();
  const caches = new Map<string, TermCache>();
  const docs = rows
    .filter((r) => Boolean(r.shown) && r.published_at !== null)
    .map((r) => {
      const cache = caches.get(r.edition_code) ?? new Map();
      caches.set(r.edition_code, cache);
      const body = bodyText(r.body_doc);
      const entities = names.get(r.id) ?? '';
      const read = readDocument({ headline: r.headline, dek: r.dek, body, entities }, r.edition_code, cache);
      return {
        row: { article_id: r.id, edition_code: r.edition_code, section_id: r.section_id, terms: read.terms, published_at: r.published_at as string, indexed_at: indexedAt },
        words: read.words,
      };
    });
  const shown = new Set(docs.map((d) => d.row.article_id));
  const gone = ids.filter((id) => !shown.has(id));
  // The batch's words, once per edition: most articles share most of their words.
  const vocabulary = new Map<string, Set<string>>();
  for (const doc of docs) {
    const set = vocabulary.get(doc.row.edition_code) ?? new Set<string>();
    vocabulary.set(doc.row.edition_code, set);
    for (const w of doc.words) set.add(w);
  }
  await transact(ctx, async (trx) => {
    if (gone.length) await trx.deleteFrom('search_documents').where('article_id', 'in', gone).execute();
    for (const { row } of docs) {
      await trx
        .insertInto('search_documents')
        .values(row)
        .onConflict((oc) =>
          oc.column('article_id').doUpdateSet((eb) => ({
            edition_code: eb.ref('excluded.edition_code'),
            section_id: eb.ref('excluded.section_id'),
            terms: eb.ref('excluded.terms'),
            published_at: eb.ref('excluded.published_at'),
            indexed_at: eb.ref('excluded.indexed_at'),
          })),
        )
        .execute();
    }
    for (const [edition, words] of vocabulary) await addVocabulary(trx, edition, [...words]);
  });
  return docs.length;
}

/**
 * The did-you-mean vocabulary of a text: its folded words as a reader would type them, not their
 * stems (a suggestion is shown and followed: "lighthouse", not "lighthous"), without stopwords.
 */
export function vocabularyOf(text: string, language: string): string[] {
  return [...new Set(tokenize(text, language))].filter((w) => !isStopword(w, language) && Array.from(w).length <= MAX_VOCABULARY_TERM);
}

/** Per article, the names and aliases (in the article's own language) of the entities it links to. */
async function entityNamesOf(ctx: DbCtx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .selectFrom('article_entities as ae')
    .innerJoin('articles as a', 'a.id', 'ae.article_id')
    .innerJoin('entity_names as n', (join) => join.onRef('n.entity_id', '=', 'ae.entity_id').onRef('n.language', '=', 'a.edition_code'))
    .select(['ae.article_id as articleId', 'n.name as name'])
    .where('ae.article_id', 'in', ids)
    .orderBy('n.id')
    .execute();
  const out = new Map<number, string>();
  for (const r of rows) out.set(r.articleId, out.has(r.articleId) ? `${out.get(r.articleId)} ${r.name}` : r.name);
  return out;
}

async function addVocabulary(trx: Trx, edition: string, words: string[]): Promise<void> {
  const unique = words;
  for (let i = 0; i < unique.length; i += 400) {
    await trx
      .insertInto('search_terms')
      .values(unique.slice(i, i + 400).map((term) => ({ edition_code: edition, term, name_key: nameKey(term) || null })))
      .onConflict((oc) => oc.columns(['edition_code', 'term']).doNothing())
      .execute();
  }
}

/** Indexes the article if readers may see it, else removes it from the index. Idempotent. */
export async function reindexArticle(ctx: DbCtx, articleId: number): Promise<void> {
  await indexBatch(ctx, [articleId]);
}

/**
 * Recreates the index of an edition (every edition when omitted) from its articles, in place:
 * each batch replaces its documents, and documents no batch wrote go at the end, so readers
 * search a whole index throughout, never an emptied one.
 */
export async function rebuildSearchIndex(ctx: DbCtx, edition?: string): Promise<{ articles: number }> {
  let query = ctx.db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id');
  if (edition !== undefined) query = query.where('edition_code', '=', edition);
  const ids = (await query.execute()).map((r) => r.id);
  const wanted = new Set(ids);
  let articles = 0;
  for (let i = 0; i < ids.length; i += BATCH) articles += await indexBatch(ctx, ids.slice(i, i + BATCH));
  // Left over: documents of articles no longer published, and any that lost their article.
  let left = ctx.db.selectFrom('search_documents').select('article_id');
  if (edition !== undefined) left = left.where('edition_code', '=', edition);
  const stale = (await left.execute()).map((r) => r.article_id).filter((id) => !wanted.has(id));
  for (let i = 0; i < stale.length; i += BATCH) await indexBatch(ctx, stale.slice(i, i + BATCH));
  return { articles };
}

/** Reindexes the articles linked to an entity (its names or aliases changed). */
export async function reindexEntity(ctx: DbCtx, entityId: number): Promise<number> {
  const ids = (await ctx.db.selectFrom('article_entities').select('article_id').where('entity_id', '=', entityId).execute()).map((r) => r.article_id);
  for (let i = 0; i < ids.length; i += BATCH) await indexBatch(ctx, ids.slice(i, i + BATCH));
  return ids.length;
}

/**
 * Reindexes what the index may have missed (a server that died between a change and its job, a
 * row deleted by hand): published articles with no document or changed since it was made, and
 * documents whose article is no longer published. Returns how many articles it looked at.
 */
export async function repairSearchIndex(ctx: DbCtx): Promise<number> {
  // The same rule as every public read: what readers may see must be indexed, and nothing else.
  const shown = visible({ now: nowOf(ctx) });
  const missing = await ctx.db
    .selectFrom('articles')
    .leftJoin('search_documents', 'search_documents.article_id', 'articles.id')
    .select('articles.id')
    .where(shown)
    .where((eb) => eb.or([eb('search_documents.article_id', 'is', null), eb('articles.updated_at', '>', eb.ref('search_documents.indexed_at'))]))
    .execute();
  const stale = await ctx.db
    .selectFrom('search_documents')
    .innerJoin('articles', 'articles.id', 'search_documents.article_id')
    .select('articles.id')
    .where(sql<SqlBool>`not ${shown}`)
    .execute();
  const ids = [...new Set([...missing, ...stale].map((r) => r.id))];
  for (let i = 0; i < ids.length; i += BATCH) await indexBatch(ctx, ids.slice(i, i + BATCH));
  return ids.length;
}
