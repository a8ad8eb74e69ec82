// Interface strings per language (ICU MessageFormat with CLDR plural rules) and Intl formatting
// of dates and numbers in an edition's locale, calendar, numbering system and time zone.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, MessageKey } from './catalog.js';
import ar from './catalogs/ar.js';
import en from './catalogs/en.js';
import es from './catalogs/es.js';
import fa from './catalogs/fa.js';
import fr from './catalogs/fr.js';
import ur from './catalogs/ur.js';

export type { MessageKey, Catalog };

export const catalogs: Record<string, Catalog> = { en, fa, ar, fr, es, ur };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface LocaleSettings {
  language: string;
  locale: string;
  calendar: string;
  numbering: string;
  timeZone: string;
}

const compiled = new Map<string, IntlMessageFormat>();

/** A translator for a language; unknown languages fall back to English, string by string. */
export function translator(settings: Pick<LocaleSettings, 'language' | 'locale' | 'numbering'>): Translate {
  const catalog = catalogs[settings.language] ?? en;
  const language = catalogs[settings.language] ? settings.language : 'en';
  const locale = `${settings.locale}-u-nu-${settings.numbering}`;
  return (key, params) => {
    const cacheKey = `${language}\u0000${locale}\u0000${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(catalog[key] ?? en[key], locale);
      compiled.set(cacheKey, format);
    }
    return String(format.format(params));
  };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(settings: LocaleSettings, style: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${settings.locale}|${settings.calendar}|${settings.numbering}|${settings.timeZone}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(settings.locale, {
      calendar: settings.calendar,
      numberingSystem: settings.numbering,
      timeZone: settings.timeZone,
      dateStyle: style === 'long' ? 'long' : 'medium',
      ...(style === 'long' ? { timeStyle: 'short' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** "24 November 2026 at 12:00" / "۳ آذر ۱۴۰۵ ساعت ۱۵:۳۰" — in the edition's calendar, digits and zone. */
export function formatDateTime(iso: string, settings: LocaleSettings): string {
  return dateFormat(settings, 'long').format(new Date(iso));
}

export function formatDate(iso: string, settings: LocaleSettings): string {
  return dateFormat(settings, 'short').format(new Date(iso));
}

export function formatNumber(value: number, settings: Pick<LocaleSettings, 'locale' | 'numbering'>): string {
  return new Intl.NumberFormat(settings.locale, { numberingSystem: settings.numbering }).format(value);
}
