// One entry point for stemming: the language's stemmer when the word is in its script, else
// its script's default, so terms of an article and of a search query always meet.
import { ruleLanguage } from './language.js';
import { stemArabic, stemPersian } from './stem-arabic-script.js';
import { stemEnglish, stemFrench, stemSpanish } from './stem-latin.js';

const STEMMERS: Readonly<Record<string, (word: string) => string>> = {
  en: stemEnglish,
  fr: stemFrench,
  es: stemSpanish,
  fa: stemPersian,
  ar: stemArabic,
};

const ASCII_WORD = /^[a-z0-9]+$/;

/** The stem of a folded token under a rule language (see ruleLanguage). */
export function stemUnder(ruleLang: string, token: string): string {
  const stemmer = STEMMERS[ruleLang];
  if (!stemmer) return token.includes('\u200C') ? token.replaceAll('\u200C', '') : token;
  if (ruleLang === 'en' || ruleLang === 'fr' || ruleLang === 'es') return ASCII_WORD.test(token) ? stemmer(token) : token;
  return stemmer(token);
}

/**
 * The stem of a folded token under `lang` (a language tag): English, French and Spanish
 * stemmers for Latin words (English for a Latin word in another edition), Persian and Arabic
 * for Arabic-script words in those languages; other words are returned without ZWNJ but
 * otherwise unchanged (Urdu has no stemmer yet: better none than a wrong one).
 */
export function stem(token: string, lang: string): string {
  return stemUnder(ruleLanguage(token, lang), token);
}
