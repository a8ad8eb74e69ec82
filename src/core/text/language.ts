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

const LATIN = /\p{Script=Latin}/u;
const ARABIC = /\p{Script=Arabic}/u;

/** The primary subtag, lower case: fa-IR → fa, ar_EG → ar. */
export function baseLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

/** The script of a token, decided by its first letter; digits alone are 'other'. */
export function scriptOf(token: string): Script {
  const letter = /\p{L}/u.exec(token)?.[0];
  if (!letter) return 'other';
  if (LATIN.test(letter)) return 'latin';
  if (ARABIC.test(letter)) return 'arabic';
  return 'other';
}

/**
 * The language whose stopwords and stemmer a token follows: `lang` when it has rules and the
 * token is in its script; else 'en' for a Latin token, ANY_ARABIC_SCRIPT for an Arabic-script
 * one, and '' (no rules) for other scripts.
 */
export function ruleLanguage(token: string, lang: string): string {
  const script = scriptOf(token);
  const base = baseLanguage(lang);
  if (script !== 'other' && SCRIPT_OF_LANGUAGE[base] === script) return base;
  if (script === 'latin') return 'en';
  return script === 'arabic' ? ANY_ARABIC_SCRIPT : '';
}
