// A feature's own interface strings, kept beside the core catalogs so that features grow without
// editing one shared file: each part gives English (the reference) and every shipped language the
// same keys, checked by the type and by test/unit/i18n/catalogs.test.ts.
export const LANGUAGES = ['en', 'fa', 'ar', 'fr', 'es', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];
type Others = Exclude<Language, 'en'>;

export type Part<K extends string> = Record<Language, Record<K, string>>;

/** English first; every other shipped language must have exactly its keys (the type says which are missing). */
export function definePart<K extends string>(en: Record<K, string>, others: Record<Others, Record<K, string>>): Part<K> {
  return { en, ...others };
}
