// Characters a reader cannot see: direction controls, BOM, soft hyphen, fillers, stray joiners.
// Hand-written: the rule is a dozen lines over Unicode properties the regex engine already has.

const ZWNJ = '\u200C';
const ZWJ = '\u200D';

// Default-ignorable code points are invisible by definition; the remaining format characters
// (interlinear annotation, Egyptian format controls…) are invisible too.
const CANDIDATES = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const HAS_CANDIDATE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;

// Prepended concatenation marks (the Arabic number sign, end of ayah…) are Cf but drawn: they
// span the digits that follow them, so they are not invisible.
const VISIBLE_FORMAT = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]/u;
const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u180B-\u180D\u180F\u{E0100}-\u{E01EF}]/u;
const TAG = /[\u{E0020}-\u{E007F}]/u;
const BLACK_FLAG = 0x1f3f4;

const LETTER = /[\p{L}\p{M}]/u;
// Scripts whose letters never join or form conjuncts: a joiner between them shapes nothing.
const NON_JOINING_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const ARABIC = /\p{Script=Arabic}/u;
const EMOJI_BEFORE_ZWJ = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u{E007F}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const VARIATION_BASE = /[\p{Emoji}\p{Ideographic}\p{Script=Mongolian}\u20E3]/u;

function charBefore(s: string, offset: number): string {
  if (offset <= 0) return '';
  const low = s.charCodeAt(offset - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
  return String.fromCodePoint(s.codePointAt(start) ?? 0);
}

function charAfter(s: string, offset: number): string {
  const cp = s.codePointAt(offset);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** A tag character belongs to an emoji tag sequence (a subdivision flag) when a black flag leads it. */
function inTagSequence(s: string, offset: number): boolean {
  let i = offset;
  for (;;) {
    const prev = charBefore(s, i);
    if (prev.codePointAt(0) === BLACK_FLAG) return true;
    if (!prev || !TAG.test(prev)) return false;
    i -= prev.length;
  }
}

function isVisible(ch: string, s: string, offset: number): boolean {
  if (VISIBLE_FORMAT.test(ch)) return true;
  const before = charBefore(s, offset);
  const after = charAfter(s, offset + ch.length);
  if (ch === ZWNJ) return LETTER.test(before) && !NON_JOINING_SCRIPT.test(before) && LETTER.test(after);
  if (ch === ZWJ) {
    if (EMOJI_BEFORE_ZWJ.test(before) && EMOJI.test(after)) return true;
    // Arabic script: forces a joining form (the Persian abbreviation ه‍). Elsewhere: a conjunct.
    const arabic = (c: string) => LETTER.test(c) && ARABIC.test(c);
    if (arabic(before) || arabic(after)) return true;
    return LETTER.test(before) && !NON_JOINING_SCRIPT.test(before) && LETTER.test(after);
  }
  if (VARIATION_SELECTOR.test(ch)) return VARIATION_BASE.test(before);
  if (TAG.test(ch)) return inTagSequence(s, offset);
  return false;
}

/**
 * The text without the characters a reader cannot see: bidi marks, embeddings and isolates
 * (U+200E/F, U+202A–202E, U+2066–2069, U+061C), BOM, soft hyphen, word joiner, zero-width space,
 * Hangul fillers and other format characters. Kept where they change what is drawn: ZWNJ and ZWJ
 * between letters of joining scripts, ZWJ and variation selectors in emoji, flag tag sequences.
 * Hidden characters are how spam slips past word filters, and how two equal names differ.
 */
export function stripInvisible(text: string): string {
  if (!HAS_CANDIDATE.test(text)) return text;
  return text.replace(CANDIDATES, (ch: string, offset: number, whole: string) => (isVisible(ch, whole, offset) ? ch : ''));
}

/** How many characters stripInvisible removes: many hidden characters in a short text is a spam signal. */
export function countInvisible(text: string): number {
  if (!HAS_CANDIDATE.test(text)) return 0;
  let count = 0;
  for (const match of text.matchAll(CANDIDATES)) if (!isVisible(match[0], text, match.index)) count++;
  return count;
}

/** Matching ignores where a word's parts are joined or kept apart: می‌روم and میروم are one word. */
export function removeJoiners(text: string): string {
  return text.replace(/[\u200C\u200D]/g, '');
}
