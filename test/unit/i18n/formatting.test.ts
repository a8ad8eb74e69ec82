import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatDateTime, formatNumber, type LocaleSettings } from '../../../src/i18n/index.js';

const tehran: LocaleSettings = { language: 'fa', locale: 'fa-IR', calendar: 'persian', numbering: 'arabext', timeZone: 'Asia/Tehran' };
const cairo: LocaleSettings = { language: 'ar', locale: 'ar-EG', calendar: 'gregory', numbering: 'arab', timeZone: 'Africa/Cairo' };
const london: LocaleSettings = { language: 'en', locale: 'en-GB', calendar: 'gregory', numbering: 'latn', timeZone: 'Europe/London' };

// 20:30 UTC on 20 March 2026 is midnight in Tehran (UTC+3:30, no daylight saving since 2022):
// 21 March 2026, Nowruz, 1 Farvardin 1405. Twelve noon UTC the same day is still 29 Esfand 1404.
const nowruz = '2026-03-20T20:30:00.000Z';
const dayBefore = '2026-03-20T12:00:00.000Z';

const latinDigits = /[0-9]/;
const persianDigits = /[\u06f0-\u06f9]/;
const arabicIndicDigits = /[\u0660-\u0669]/;

describe('formatDateTime / formatDate', () => {
  it('renders the Persian solar date in Tehran with Persian digits', () => {
    const text = formatDateTime(nowruz, tehran);
    assert.ok(text.includes('۱ فروردین ۱۴۰۵'), text);
    assert.match(text, /۰?۰:۰۰/, 'midnight');
    assert.doesNotMatch(text, latinDigits);
    assert.equal(formatDate(nowruz, tehran), '۱ فروردین ۱۴۰۵');
  });

  it('puts the day before Nowruz in Esfand 1404', () => {
    const text = formatDateTime(dayBefore, tehran);
    assert.ok(text.includes('اسفند ۱۴۰۴'), text);
    assert.equal(formatDate(dayBefore, tehran), '۲۹ اسفند ۱۴۰۴');
  });

  it('renders the same instant in Cairo in Arabic with Arabic-Indic digits', () => {
    const text = formatDateTime(nowruz, cairo);
    assert.ok(text.includes('٢٠ مارس ٢٠٢٦'), text);
    assert.ok(text.includes('١٠:٣٠'), text);
    assert.doesNotMatch(text, latinDigits);
    assert.doesNotMatch(text, persianDigits);
    // Medium style is numeric in Arabic; U+200F (right-to-left mark) keeps the slashes in order.
    assert.equal(formatDate(nowruz, cairo), '٢٠\u200f/٠٣\u200f/٢٠٢٦');
  });

  it('renders the same instant in London in English', () => {
    const text = formatDateTime(nowruz, london);
    assert.ok(text.includes('20 March 2026'), text);
    assert.ok(text.includes('20:30'), text);
    assert.equal(formatDate(nowruz, london), '20 Mar 2026');
  });
});

describe('formatDateTime names the time zone in the edition\'s language', () => {
  const settings = (language: string, locale: string, numbering: string, timeZone: string, calendar = 'gregory'): LocaleSettings => ({ language, locale, calendar, numbering, timeZone });
  // Each edition's clock and how its readers name it; the demo's English edition runs on UTC.
  const cases: Array<[string, LocaleSettings, string, RegExp]> = [
    ['en on UTC', settings('en', 'en-GB', 'latn', 'UTC'), '20:30 UTC', latinDigits],
    ['en in London', london, '20:30 GMT', latinDigits],
    ['fa in Tehran', tehran, '(وقت ایران)', persianDigits],
    ['ar in Cairo', cairo, 'توقيت مصر', arabicIndicDigits],
    ['fr in Paris', settings('fr', 'fr-FR', 'latn', 'Europe/Paris'), '21:30 UTC+1', latinDigits],
    ['es in Madrid', settings('es', 'es-ES', 'latn', 'Europe/Madrid'), '21:30 CET', latinDigits],
    ['ur in Karachi', settings('ur', 'ur-PK', 'arabext', 'Asia/Karachi'), 'پاکستان وقت', persianDigits],
  ];
  for (const [name, locale, zone, digits] of cases) {
    it(name, () => {
      const text = formatDateTime(nowruz, locale);
      assert.ok(text.includes(zone), `${text} names ${zone}`);
      assert.match(text, digits);
    });
  }

  it('follows daylight saving: the same Paris edition says UTC+2 in July', () => {
    assert.ok(formatDateTime('2026-07-01T12:00:00.000Z', cases[4]![1]).includes('14:00 UTC+2'));
  });

  it('keeps dates without a time free of a zone', () => {
    assert.equal(formatDate(nowruz, cairo), '٢٠\u200f/٠٣\u200f/٢٠٢٦');
    assert.equal(formatDate(nowruz, cases[0]![1]), '20 Mar 2026');
  });
});

describe('formatNumber', () => {
  it('uses Persian digits and the Arabic thousands and decimal separators for fa-IR', () => {
    const text = formatNumber(1234567.5, { locale: 'fa-IR', numbering: 'arabext' });
    assert.equal(text, '۱\u066c۲۳۴\u066c۵۶۷\u066b۵');
    assert.doesNotMatch(text, /[0-9,.]/);
  });

  it('uses Arabic-Indic digits for ar-EG', () => {
    const text = formatNumber(1234567.5, { locale: 'ar-EG', numbering: 'arab' });
    assert.equal(text, '١\u066c٢٣٤\u066c٥٦٧\u066b٥');
    assert.doesNotMatch(text, latinDigits);
    assert.doesNotMatch(text, persianDigits);
  });

  it('keeps Latin digits where the edition asks for them', () => {
    assert.equal(formatNumber(1234567.5, { locale: 'en-GB', numbering: 'latn' }), '1,234,567.5');
    assert.doesNotMatch(formatNumber(1234567.5, { locale: 'en-GB', numbering: 'latn' }), arabicIndicDigits);
  });
});
