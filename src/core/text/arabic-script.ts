// Arabic-script letter variants and marks: one form for letters readers treat as the same, and
// the harakat and tatweel that never change which word is meant. Shared by Persian, Arabic, Urdu.

/**
 * The canonical folding, Persian forms winning: a Persian reader types ی ک ه, and Arabic text is
 * only ever matched against text folded the same way, so which form wins matters only for
 * readability of stored terms. Hamza carriers lose the hamza (readers and keyboards disagree on
 * it); teh marbuta meets heh (مدرسة = مدرسه) as Arabic search engines conventionally do. Yeh
 * barree (ے) and do-chashmi heh (ھ) are distinct Urdu letters and keep their form.
 */
export const ARABIC_LETTER_FOLDS: Readonly<Record<string, string>> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ٲ': 'ا',
  'ٳ': 'ا',
  'ٵ': 'ا',
  'ؤ': 'و',
  'ٶ': 'و',
  'ئ': 'ی',
  'ي': 'ی',
  'ى': 'ی',
  'ٸ': 'ی',
  'ك': 'ک',
  'ڪ': 'ک',
  'ة': 'ه',
  'ۀ': 'ه',
  'ە': 'ه',
  'ہ': 'ه',
  'ۂ': 'ه',
  'ۃ': 'ه',
};

const FOLDABLE = new RegExp(`[${Object.keys(ARABIC_LETTER_FOLDS).join('')}]`, 'g');

// Harakat, hamza and madda above/below, superscript alef, Quranic annotation marks, extended
// Arabic marks, tatweel.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF\u0640]/g;

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/** Every letter variant of ARABIC_LETTER_FOLDS in its canonical form. */
export function foldArabicLetters(text: string): string {
  return text.replace(FOLDABLE, (c) => ARABIC_LETTER_FOLDS[c] ?? c);
}

/** The text without harakat (tashkeel), Quranic marks and tatweel (kashida): العَرَبِيَّةُ → العربية, العلـــوم → العلوم. */
export function stripArabicMarks(text: string): string {
  return text.replace(MARKS, '');
}

/** True when the text holds a letter of the Arabic script (Arabic, Persian, Urdu…). */
export function hasArabicScript(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}
