// Which language's rules apply to a token: the edition's language when the token is written in
// its script, else its script's default (English for Latin words quoted in a Persian article).

export type Script = 'latin' | 'arabic' | 'other';

/** Languages with their own stopwords or stemmer, and their script. */
const SCRIPT_OF_LANGUAGE: Readonly<Record<string, Script>> = {
  en: 'latin',
  fr: 'latin',
  es: 'latin',
  fa: 'arabic',
  ar: 'arabic',
  ur: 'arabic',
};

/**
 * The rule language of an Arabic-script word outside a language with rules (a Persian quote in
 * an English article): no stemmer, and the stopwords of every Arabic-script language.
 */
export const ANY_ARABIC_SCRIPT = 'arab';

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const ARABIC = /\p{Script=Arabic}/u;

/** The primary subtag, lower case: fa-IR → fa, ar_EG → ar. */
export function baseLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

/** The script of a token, decided by its first letter; digits alone are 'other'. */
export function scriptOf(token: string): Script {
  for (const ch of token) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return 'latin';
      continue;
    }
    if (!LETTER.test(ch)) continue;
    if (LATIN.test(ch)) return 'latin';
    return ARABIC.test(ch) ? 'arabic' : 'other';
  }
  return 'other';
}

/** ruleLanguage for a language already reduced to its base (see baseLanguage): for batches. */
export function ruleLanguageOfBase(token: string, base: string): string {
  const script = scriptOf(token);
  if (script !== 'other' && SCRIPT_OF_LANGUAGE[base] === script) return base;
  if (script === 'latin') return 'en';
  return script === 'arabic' ? ANY_ARABIC_SCRIPT : '';
}

/**
 * The language whose stopwords and stemmer a token follows: `lang` when it has rules and the
 * token is in its script; else 'en' for a Latin token, ANY_ARABIC_SCRIPT for an Arabic-script
 * one, and '' (no rules) for other scripts.
 */
export function ruleLanguage(token: string, lang: string): string {
  return ruleLanguageOfBase(token, baseLanguage(lang));
}
