// What a reader's words may also be: the spellings the index actually holds. Each word becomes a
// group of alternatives — itself; its closest indexed spellings when the index has never seen it
// (a typo, or another romanisation: Nourbakhsh ~ Nurbakhsh); the index's other romanisations of
// a long Latin name; two words written as one or one as two (دیرالزور ~ دیر الزور). All
// lookups are bounded: one query for the words, joins and splits, one for transliteration keys,
// and at most 2,000 candidates a misspelt word.
import { hasArabicScript, nameKey, terms, wordTerms, type WordTerm } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { MAX_QUERY_TOKENS } from './query-text.js';
import { editDistance, isPrefixOfIndexed, similarWords } from './suggest.js';

export interface ExpandedQuery {
  /** Every group must match; a group when one of its alternatives does; an alternative when all its terms do. */
  groups: string[][][];
  /** Every term some alternative holds: what snippets highlight. */
  highlight: string[];
  /**
   * The last word's own term, which the search also reads as a prefix: only when the index does
   * not hold that word as typed (the reader may still be typing it, "earthq"). A whole indexed
   * word matches itself and, through stemming, its inflections; as a prefix it would also merge
   * every longer word's list into the match (government → governor, governorate), for nothing.
   */
  prefix?: string;
  /** The query with each unknown word replaced by the indexed spelling searched instead, when there was one. */
  corrected?: string;
}

/** Spellings added to a word: more would blur what the reader asked for. */
const MAX_ALTERNATIVES = 4;
/** Words shorter than this are too close to too many others to be corrected or split. */
const MIN_FUZZY_LENGTH = 4;
/**
 * A transliteration key this short (rn) is shared by unrelated words; three consonants (hsn) are
 * enough for a word of five letters or more that is also at most two edits away.
 */
const MIN_KEY_LENGTH = 3;
const MIN_KEYED_WORD = 5;
const keyDistance = (key: string): number => (key.length >= 4 ? 3 : 2);
const MIN_PART_LENGTH = 2;
const LOOKUP_CHUNK = 500;

function splitsOf(word: string): Array<[string, string]> {
  const chars = Array.from(word);
  const out: Array<[string, string]> = [];
  for (let k = MIN_PART_LENGTH; k <= chars.length - MIN_PART_LENGTH; k++) out.push([chars.slice(0, k).join(''), chars.slice(k).join('')]);
  return out;
}

async function knownWords(ctx: DbCtx, edition: string, candidates: Set<string>): Promise<Set<string>> {
  const list = [...candidates];
  const known = new Set<string>();
  for (let i = 0; i < list.length; i += LOOKUP_CHUNK) {
    const rows = await ctx.db.selectFrom('search_terms').select('term').where('edition_code', '=', edition).where('term', 'in', list.slice(i, i + LOOKUP_CHUNK)).execute();
    for (const r of rows) known.add(r.term);
  }
  return known;
}

/** Indexed words sharing a transliteration key with a query word, by key. */
async function wordsByKey(ctx: DbCtx, edition: string, keys: string[]): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>();
  if (!keys.length) return byKey;
  const rows = await ctx.db
    .selectFrom('search_terms')
    .select(['term', 'name_key'])
    .where('edition_code', '=', edition)
    .where('name_key', 'in', keys)
    .limit(200)
    .execute();
  for (const r of rows) if (r.name_key) byKey.set(r.name_key, [...(byKey.get(r.name_key) ?? []), r.term]);
  return byKey;
}

const termOfWord = (word: string, language: string): string => terms(word, language)[0] ?? '';

/** Reads the query's words into groups of the spellings the edition's index holds. */
export async function expandQuery(ctx: DbCtx, edition: string, cleaned: string): Promise<ExpandedQuery> {
  const language = edition;
  const seen = new Set<string>();
  const entries: WordTerm[] = [];
  for (const entry of wordTerms(cleaned, language)) {
    if (!entry.term || seen.has(entry.term)) continue;
    seen.add(entry.term);
    entries.push(entry);
    if (entries.length >= MAX_QUERY_TOKENS) break;
  }
  if (!entries.length) return { groups: [], highlight: [] };

  const candidates = new Set<string>();
  entries.forEach((e, i) => {
    candidates.add(e.word);
    const next = entries[i + 1];
    if (next) candidates.add(e.word + next.word);
    if (Array.from(e.word).length >= MIN_FUZZY_LENGTH) for (const [a, b] of splitsOf(e.word)) candidates.add(a).add(b);
  });
  const known = await knownWords(ctx, edition, candidates);
  const keys = entries.map((e) => (Array.from(e.word).length >= MIN_KEYED_WORD ? nameKey(e.word) : '')).map((k) => (k.length >= MIN_KEY_LENGTH ? k : ''));
  const byKey = await wordsByKey(ctx, edition, [...new Set(keys.filter(Boolean))]);

  const groups: string[][][] = entries.map((e) => [[e.term]]);
  const add = (g: number, alternative: string[]) => {
    const group = groups[g]!;
    if (group.length > MAX_ALTERNATIVES || alternative.some((t) => !t)) return;
    if (!group.some((a) => a.length === alternative.length && a.every((t, i) => t === alternative[i]))) group.push(alternative);
  };
  const corrected = entries.map((e) => e.word);
  let correctedAny = false;

  for (const [i, e] of entries.entries()) {
    const isKnown = known.has(e.word);
    const next = entries[i + 1];
    // Two words the index holds written as one: either group may be met by the joined word.
    if (next && known.has(e.word + next.word)) {
      const joined = termOfWord(e.word + next.word, language);
      add(i, [joined]);
      add(i + 1, [joined]);
    }
    // One word the index holds as two: always tried for Arabic script, where both are common
    // spellings of one name (عبدالله, عبد الله); elsewhere only for a word the index lacks.
    let split = false;
    if (!isKnown || hasArabicScript(e.word)) {
      for (const [a, b] of splitsOf(e.word)) {
        if (known.has(a) && known.has(b)) {
          add(i, [termOfWord(a, language), termOfWord(b, language)]);
          split = true;
        }
      }
    }
    const key = keys[i];
    const sameKey = key ? (byKey.get(key) ?? []).filter((w) => w !== e.word && editDistance(e.word, w, keyDistance(key)) <= keyDistance(key)) : [];
    if (isKnown) {
      // A long romanised name the index also holds in other spellings: search them all.
      for (const w of sameKey.slice(0, MAX_ALTERNATIVES)) add(i, [termOfWord(w, language)]);
      continue;
    }
    if (split || Array.from(e.word).length < MIN_FUZZY_LENGTH) continue;
    // The last word may be unfinished ("earthq"): the prefix match finds it, no correction needed.
    if (i === entries.length - 1 && (await isPrefixOfIndexed(ctx, edition, e.word))) continue;
    const close = [...new Set([...sameKey, ...(await similarWords(ctx, edition, e.word))])]
      .map((w) => ({ w, d: editDistance(e.word, w, 3) }))
      .sort((x, y) => x.d - y.d || x.w.localeCompare(y.w))
      .slice(0, MAX_ALTERNATIVES);
    for (const { w } of close) add(i, [termOfWord(w, language)]);
    if (close[0]) {
      corrected[i] = close[0].w;
      correctedAny = true;
    }
  }
  const highlight = [...new Set(groups.flat(2))];
  const last = entries[entries.length - 1]!;
  return { groups, highlight, ...(known.has(last.word) ? {} : { prefix: last.term }), ...(correctedAny ? { corrected: corrected.join(' ') } : {}) };
}
