// The shape every catalog has: the keys of the English core catalog plus those of every feature part.
import type en from './catalogs/en.js';
import type { Part } from './part.js';
import type { parts } from './parts/index.js';

export type CoreKey = keyof typeof en;
/** A core catalog (src/i18n/catalogs/<lang>.ts): exactly the English core's keys. */
export type CoreCatalog = Record<CoreKey, string>;
type KeysOf<P> = P extends Part<infer K> ? K : never;
export type MessageKey = CoreKey | KeysOf<(typeof parts)[number]>;
export type Catalog = Record<MessageKey, string>;
