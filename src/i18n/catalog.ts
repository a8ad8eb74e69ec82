// The shape every catalog has: exactly the keys of the English reference catalog.
import type en from './catalogs/en.js';

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
