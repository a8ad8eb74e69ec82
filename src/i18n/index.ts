// Interface strings per language (ICU MessageFormat with CLDR plural rules) and Intl formatting
// of dates and numbers in an edition's locale, calendar, numbering system and time zone.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, CoreCatalog, MessageKey } from './catalog.js';
import ar from './catalogs/ar.js';
import coreEn from './catalogs/en.js';
import es from './catalogs/es.js';
import fa from './catalogs/fa.js';
import fr from './catalogs/fr.js';
import ur from './catalogs/ur.js';
import { LANGUAGES, type Language } from './part.js';
import { parts } from './parts/index.js';

export type { MessageKey, Catalog };

const cores: Record<Language, CoreCatalog> = { en: coreEn, fa, ar, fr, es, ur };

/** One catalog per shipped language: its core strings and every feature part's. */
export const catalogs: Record<string, Catalog> = Object.fromEntries(
  LANGUAGES.map((language) => [language, Object.assign({}, cores[language], ...parts.map((part) => part[language])) as Catalog]),
);
const en = catalogs.en as Catalog;

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

type ZoneStyle = 'short' | 'shortGeneric' | 'shortOffset';

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = make()));
  return format;
}

const base = (settings: LocaleSettings) => ({ calendar: settings.calendar, numberingSystem: settings.numbering, timeZone: settings.timeZone });
const settingsKey = (settings: LocaleSettings) => `${settings.locale}|${settings.calendar}|${settings.numbering}|${settings.timeZone}`;

function dateOnly(settings: LocaleSettings): Intl.DateTimeFormat {
  return cached(`${settingsKey(settings)}|date`, () => new Intl.DateTimeFormat(settings.locale, { ...base(settings), dateStyle: 'medium' }));
}

/** The long date with the time and a zone name (dateStyle/timeStyle cannot carry timeZoneName, so the fields are spelled out). */
function dateTime(settings: LocaleSettings, zone: ZoneStyle): Intl.DateTimeFormat {
  return cached(`${settingsKey(settings)}|${zone}`, () =>
    new Intl.DateTimeFormat(settings.locale, { ...base(settings), year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: zone }),
  );
}

const zoneName = (format: Intl.DateTimeFormat, date: Date) => format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';

/**
 * The zone style that reads as a name in this language: CLDR's short names ("UTC", "CET") where
 * the language has one or writes the offset the international way ("UTC+1" in French), else the
 * generic one ("وقت ایران", "توقيت مصر") rather than a localized offset ("غرينتش+٢", "+۳:۳۰
 * گرینویچ") that no reader of the page says; the offset itself only where neither exists.
 */
function zoneStyleFor(settings: LocaleSettings, date: Date): ZoneStyle {
  // Three formatToParts calls a date were a tenth of a search page's time. The style depends on
  // the language and the zone (and, at most, on a DST season), so it is kept per calendar month.
  const key = `${settingsKey(settings)}|${date.getUTCFullYear()}-${date.getUTCMonth()}`;
  let style = zoneStyles.get(key);
  if (!style) {
    if (zoneStyles.size > 10_000) zoneStyles.clear();
    zoneStyles.set(key, (style = decideZoneStyle(settings, date)));
  }
  return style;
}

const zoneStyles = new Map<string, ZoneStyle>();

function decideZoneStyle(settings: LocaleSettings, date: Date): ZoneStyle {
  const offset = zoneName(dateTime(settings, 'shortOffset'), date);
  const short = zoneName(dateTime(settings, 'short'), date);
  if (short !== offset || /^[\x20-\x7e\u2212]*$/.test(short)) return 'short';
  if (zoneName(dateTime(settings, 'shortGeneric'), date) !== offset) return 'shortGeneric';
  return 'shortOffset';
}

/**
 * "24 November 2026 at 12:00 UTC" / "۳ آذر ۱۴۰۵ ساعت ۱۵:۳۰ (وقت ایران)" — in the edition's
 * calendar, digits and zone, naming the zone in the edition's language so a reader abroad knows
 * whose clock it is. `<time datetime>` keeps the ISO UTC instant.
 */
export function formatDateTime(iso: string, settings: LocaleSettings): string {
  const date = new Date(iso);
  return dateTime(settings, zoneStyleFor(settings, date)).format(date);
}

/** A calendar date alone (no time, so no zone): "20 Mar 2026", "۲۹ اسفند ۱۴۰۴". */
export function formatDate(iso: string, settings: LocaleSettings): string {
  return dateOnly(settings).format(new Date(iso));
}

export function formatNumber(value: number, settings: Pick<LocaleSettings, 'locale' | 'numbering'>): string {
  return new Intl.NumberFormat(settings.locale, { numberingSystem: settings.numbering }).format(value);
}
