// Digits: Persian (۰–۹) and Arabic-Indic (٠–٩) digits are the same numbers as ASCII ones, and
// URLs, search and comparisons want one form.

const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Persian and Arabic-Indic digits as ASCII: ۱۴۰۵ → 1405, ٢٠٢٦ → 2026. Other characters are kept. */
export function toAsciiDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (d) => String(d.charCodeAt(0) - (d.charCodeAt(0) >= 0x06f0 ? 0x06f0 : 0x0660)));
}
