// Text for related articles: per-script normalization and tokenization (English, Persian, Arabic),
// stopwords, light stemmers, and the tf-idf weighting of an article's terms. Pure functions only;
// the stored vectors and the scoring live in related.ts.

/** Headline terms count three times, the dek twice, the body once (before the sublinear tf). */
export const FIELD_WEIGHTS = { headline: 3, dek: 2, body: 1 } as const;

/** Terms kept per article vector, by weight: bounds the rows a very long article stores. */
export const MAX_TERMS = 400;

// Letters that are written differently in Arabic and Persian (or with and without hamza/madda)
// but that readers treat as the same when searching: the matching form is the Persian one.
const LETTERS: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ؤ': 'و',
  'ئ': 'ی',
  'ي': 'ی',
  'ى': 'ی',
  'ك': 'ک',
  'ة': 'ه',
  'ۀ': 'ه',
  'ە': 'ه',
};
const LETTER_RE = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');
// Harakat, hamza and madda above/below, superscript alef, Quranic marks, tatweel; Latin accents.
// Each mark is removed on its own, so a class of combining characters is what is meant here.
// eslint-disable-next-line no-misleading-character-class
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0300-\u036F]/g;
// A plural suffix written after a zero-width non-joiner (کتاب‌ها, خودروهای) is dropped with it.
const ZWNJ_PLURAL = /\u200C(?:هایی|های|ها)(?![\p{L}\p{M}])/gu;
// The joiners and direction marks join a word's parts, they never split it.
const JOINERS = /\u200C|\u200D|[\u200E\u200F\u2066-\u2069\uFEFF\u00AD]/g;
const SPLIT = /[^\p{L}\p{M}\p{N}'’]+/u;
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

function asciiDigits(s: string): string {
  return s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/**
 * The matching form of a text: NFKC, lower case, one form for the Arabic and Persian letter
 * variants, no diacritics or tatweel, ASCII digits, joiners removed inside words.
 */
export function normalizeText(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  s = s.replace(LETTER_RE, (c) => LETTERS[c] ?? c);
  s = s.normalize('NFD').replace(MARKS, '').normalize('NFC');
  s = s.replace(ZWNJ_PLURAL, '').replace(JOINERS, '').replace(/\u200B/g, ' ');
  return asciiDigits(s);
}

const EN_STOPWORDS = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing dont down during each few for from further had has have having he her
here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
ours out over own same she should so some such than that the their theirs them then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your yours said says say
told according mr mrs ms per via since yet however among within without upon whether amid thats also one two three`;

const FA_STOPWORDS = `از به با در که این آن را و یا هم نیز برای تا بر است بود شد شده می نمی های ها کرد کرده کند کنند
شود میشود نمیشود دارد داشت داشته خود اما اگر چه چون همه هر یک ما من او آنها ایشان وی گفت گفته گفتند پس پیش بین روی بدون
نه باید نیست هست بودند شدند کردند خواهد خواهند دیگر همین همان چنین چند طی توسط درباره حتی ولی زیرا سپس اکنون امروز دیروز
شده‌اند کرده‌اند ای اند ایم بوده میکند میکنند میگوید گفته‌است هنوز البته کنیم کردن شدن`;

const AR_STOPWORDS = `في من الى إلى على عن مع ان أن إن كان كانت قد لا ما لم لن هذا هذه ذلك تلك التي الذي الذين هو هي هم و او أو
ثم بعد قبل حيث عند كل بين خلال حتى اذا إذا لكن منذ غير ايضا أيضا قال قالت وقال وقالت يكون تم الا إلا اليوم امس أمس وفي ولا وهو وهي
فيه فيها به بها له لها عليه عليها الى ان وان التى او اي أي كما وقد فقد لقد يوم ضمن نحو وذلك واضاف وأضاف اضاف أضاف واوضح وأوضح`;

function stopwordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map((w) => normalizeText(w).replace(/['’]/g, '')));
}

// Persian and Arabic share one list: both apply to text in Arabic script whatever the edition,
// and the few words they share (من، ما، ان) are function words in both languages.
const STOPWORDS = { latin: stopwordSet(EN_STOPWORDS), arabic: new Set([...stopwordSet(FA_STOPWORDS), ...stopwordSet(AR_STOPWORDS)]) };

/** True when `token` (already normalized) is a function word in English, Persian or Arabic. */
export function isStopword(token: string): boolean {
  return ARABIC_SCRIPT.test(token) ? STOPWORDS.arabic.has(token) : STOPWORDS.latin.has(token);
}

const S_EXCEPTIONS = new Set(['news', 'series', 'species', 'always', 'perhaps', 'thus', 'plus', 'lens', 'bias', 'chaos', 'whereas']);
const VOWEL = /[aeiouy]/;

/**
 * A light English stemmer: plurals (-s, -es, -ies), -ing and -ed, then a final -e or -y, so
 * that "prices"/"price", "flooded"/"floods"/"flooding" and "cities"/"city" meet. Stems need not
 * be words ("citi", "pric"): only their equality matters.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3 || S_EXCEPTIONS.has(w)) return w;
  if (/ie[sd]$/.test(w) && w.length > 4) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else {
    const m = /^(.*?)(ing|ed)$/.exec(w);
    if (m?.[1] && m[1].length >= 3 && VOWEL.test(m[1])) {
      w = m[1];
      // planned → plan, stopping → stop; but fall(ing), pass(ed), buzz(ing) keep their pair.
      if (w.length >= 4 && /([b-df-hj-kmnp-rtv-x])\1$/.test(w)) w = w.slice(0, -1);
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  else if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

// Normalized forms (ك → ک, ي → ی): the definite article with its attached particles, and the
// plural suffixes whose removal rarely merges unrelated words.
const AR_PREFIXES = ['وال', 'بال', 'کال', 'فال', 'لل', 'ال'];
const AR_SUFFIXES = ['ات', 'ون', 'ین'];

/** A light Arabic stemmer (after Larkey's light10, reduced): the article and sound plurals. */
export function stemArabic(word: string): string {
  let w = word;
  for (const prefix of AR_PREFIXES) {
    if (w.startsWith(prefix) && w.length - prefix.length >= 2) {
      w = w.slice(prefix.length);
      break;
    }
  }
  for (const suffix of AR_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

const TWO_LETTERS = /\p{L}[^]*\p{L}/u;

/** The term a raw token stands for, or '' when it is dropped. */
function termOf(raw: string, arabic: boolean): string {
  const token = raw.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (!TWO_LETTERS.test(token) || isStopword(token)) return '';
  let term = token;
  if (ARABIC_SCRIPT.test(token)) {
    if (arabic) term = stemArabic(token);
  } else if (/^[a-z0-9]+$/.test(token)) {
    term = stemEnglish(token);
  }
  return TWO_LETTERS.test(term) ? term : '';
}

/** Memo of raw token → term, for a batch that tokenizes many texts of one language. */
export type TokenCache = Map<string, string>;

/**
 * The terms of a text in reading order: normalized, split on anything but letters, marks and
 * digits, without stopwords, digit-only tokens and tokens of fewer than two letters, stemmed.
 * `language` is the edition's language tag; it picks the stemmer for Arabic-script words.
 */
export function tokenize(text: string, language: string, cache?: TokenCache): string[] {
  const arabic = language.split('-')[0] === 'ar';
  const out: string[] = [];
  for (const raw of normalizeText(text).split(SPLIT)) {
    if (!raw) continue;
    let term = cache?.get(raw);
    if (term === undefined) {
      term = termOf(raw, arabic);
      cache?.set(raw, term);
    }
    if (term) out.push(term);
  }
  return out;
}

export interface ArticleText {
  headline: string;
  dek?: string;
  body: string;
}

/** Field-weighted term counts of an article: each occurrence adds its field's weight. */
export function termCounts(article: ArticleText, language: string, cache?: TokenCache): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string | undefined, weight: number) => {
    for (const term of tokenize(text ?? '', language, cache)) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  add(article.headline, FIELD_WEIGHTS.headline);
  add(article.dek, FIELD_WEIGHTS.dek);
  add(article.body, FIELD_WEIGHTS.body);
  return counts;
}

/** Sublinear term frequency: the tenth mention of a word matters less than the second. */
export const tf = (count: number): number => (count > 0 ? 1 + Math.log(count) : 0);

/** Smoothed inverse document frequency over `n` documents, `df` of which hold the term (≥ 1). */
export const idf = (df: number, n: number): number => Math.log((1 + n) / (1 + df)) + 1;

export type TermVector<K extends string | number = string> = Array<[term: K, weight: number]>;

/**
 * The unit-length tf-idf vector of an article, heaviest terms first, cut to `maxTerms`.
 * `dfOf` gives each term's document frequency counting this article; `n` counts it too.
 * Terms may be strings or the integer ids a batch job gives them.
 */
export function weighTerms<K extends string | number>(
  counts: Iterable<[K, number]>,
  dfOf: (term: K) => number,
  n: number,
  maxTerms = MAX_TERMS,
): TermVector<K> {
  const weighted: TermVector<K> = [];
  for (const [term, count] of counts) weighted.push([term, tf(count) * idf(Math.max(1, dfOf(term)), Math.max(1, n))]);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = weighted.slice(0, maxTerms);
  const norm = Math.sqrt(kept.reduce((sum, [, w]) => sum + w * w, 0));
  return norm > 0 ? kept.map(([term, w]) => [term, w / norm]) : [];
}

/** Cosine similarity of two unit vectors: the dot product over the terms they share. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}
