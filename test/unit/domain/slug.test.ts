// Slugs: a headline's URL segment in any script; character folding itself is tested in test/unit/core/text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidSlug, nextFreeSlug, slugify } from '../../../src/domain/articles/slug.js';

describe('slugify', () => {
  it('lowercases Latin, drops accents and apostrophes, joins words with single hyphens', () => {
    assert.equal(slugify("Minister's Café in São Paulo — opens: today!"), 'ministers-cafe-in-sao-paulo-opens-today');
    assert.equal(slugify('  --Hello,   World--  '), 'hello-world');
  });

  it('keeps Persian letters, turns the zero-width non-joiner into a hyphen and Persian digits into ASCII', () => {
    // The ezafe hamza is a mark like the harakat: typed or not, the slug is the same.
    assert.equal(slugify('بازگشایی کتابخانهٔ مرکزی در ۱۴۰۵'), 'بازگشایی-کتابخانه-مرکزی-در-1405');
    assert.equal(slugify('بازگشایی کتابخانه مرکزی در 1405'), 'بازگشایی-کتابخانه-مرکزی-در-1405');
    assert.equal(slugify('می‌شود'), 'می-شود');
  });

  it('keeps Arabic letters and drops harakat, tatweel and Arabic-Indic digits', () => {
    assert.equal(slugify('افتتاحُ متحفِ العلـــوم الجديد عام ٢٠٢٦'), 'افتتاح-متحف-العلوم-الجديد-عام-2026');
  });

  it('keeps Arabic letters as written, without the Persian folding used for matching', () => {
    assert.equal(slugify('مكتبة علي الجديدة'), 'مكتبة-علي-الجديدة');
  });

  it('does not split a word at an invisible character, only at a ZWNJ or a space', () => {
    assert.equal(slugify('infor\u00ADmation \u200Fتهران\u200F'), 'information-تهران');
  });

  it('makes slugs that are valid slugs themselves', () => {
    for (const headline of ["Minister's Café", 'بازگشایی کتابخانهٔ مرکزی', 'افتتاحُ متحفِ العلـــوم ٢٠٢٦', 'Straße Øst', 'می‌شود']) {
      assert.ok(isValidSlug(slugify(headline)), headline);
    }
  });

  it('falls back to "article" when nothing usable is left', () => {
    assert.equal(slugify('!!! ??? ...'), 'article');
  });

  it('cuts long headlines at a word boundary within the limit', () => {
    const slug = slugify('word '.repeat(40));
    assert.ok(Array.from(slug).length <= 80);
    assert.ok(!slug.endsWith('-'));
    assert.match(slug, /^(word-)*word$/);
  });

  it('recognises only slugs it could have produced', () => {
    assert.ok(isValidSlug('a-good-slug'));
    assert.ok(isValidSlug('خبر-تازه'));
    assert.ok(!isValidSlug('Bad Slug'));
    assert.ok(!isValidSlug('../etc/passwd'));
    assert.ok(!isValidSlug(''));
  });

  it('picks the first free numbered variant', () => {
    assert.equal(nextFreeSlug('a', []), 'a');
    assert.equal(nextFreeSlug('a', ['a', 'a-2', 'a-4']), 'a-3');
  });
});
