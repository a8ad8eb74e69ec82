// The compositions: the matching form and the slug form.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldCase, foldForMatch, foldForSlug } from '../../../../src/core/text/index.js';

describe('foldCase', () => {
  it('lowers case, and final sigma meets sigma', () => {
    assert.equal(foldCase('ΟΔΟΣ οδος ÉTÉ'), 'οδοσ οδοσ été');
  });
});

describe('foldForMatch', () => {
  it('applies NFKC: presentation forms, full-width letters, ligatures', () => {
    assert.equal(foldForMatch('ﻛﺘﺎﺏ'), 'کتاب');
    assert.equal(foldForMatch('ＡＢＣ ﬁnal'), 'abc final');
  });

  it('treats ZWNJ (and ZWJ) as a joiner: the two spellings of a word are one', () => {
    assert.equal(foldForMatch('می‌روم'), foldForMatch('میروم'));
    assert.equal(foldForMatch('زلزله‌زده'), 'زلزلهزده');
  });

  it('combines every fold: case, letters, marks, accents, digits, invisibles, apostrophes', () => {
    assert.equal(foldForMatch('\u200FÉTÉ   العَرَبِيَّةُ ۱۴۰۵ Straße union’s'), 'ete   العربیه 1405 strasse union\'s');
    assert.equal(foldForMatch('İstanbul'), 'istanbul');
  });

  it('is idempotent', () => {
    for (const text of ['Café ﻛﺘﺎﺏ', 'می‌شود ۱۴۰۵', 'العَرَبِيَّةُ', 'ΟΔΟΣ ß', '\u202Bx\u202C']) {
      assert.equal(foldForMatch(foldForMatch(text)), foldForMatch(text));
    }
  });
});

describe('foldForSlug', () => {
  it('drops Latin accents but keeps letters that do not decompose, as slugs always had', () => {
    assert.equal(foldForSlug('Café São Paulo'), 'cafe sao paulo');
    assert.equal(foldForSlug('Straße Øst'), 'straße øst');
  });

  it('keeps Arabic letters as written: no Persian folding in an Arabic URL', () => {
    assert.equal(foldForSlug('مكتبة عليّ'), 'مكتبة علي');
  });

  it('drops harakat and tatweel, turns digits into ASCII, removes apostrophes', () => {
    assert.equal(foldForSlug('العلـــومُ ٢٠٢٦ Minister’s'), 'العلوم 2026 ministers');
  });

  it('makes ZWNJ and the zero-width space word boundaries, and removes other invisibles', () => {
    assert.equal(foldForSlug('می‌شود'), 'می شود');
    assert.equal(foldForSlug('one\u200Btwo'), 'one two');
    assert.equal(foldForSlug('infor\u00ADmation\u200F'), 'information');
  });
});
