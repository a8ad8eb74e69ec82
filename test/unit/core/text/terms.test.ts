// The terms pipeline: tokenize, fold, drop stopwords, stem.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terms, type TermCache } from '../../../../src/core/text/index.js';

describe('terms', () => {
  it('tokenizes, folds, drops stopwords before stemming, then stems', () => {
    assert.deepEqual(terms('The minister said that it was over the limits', 'en'), ['minister', 'limit']);
    assert.deepEqual(terms('این طرح در تهران اجرا می‌شود', 'fa'), ['طرح', 'تهران', 'اجرا']);
    assert.deepEqual(terms('قال الوزير إن المشروع في المدينة', 'ar'), ['وزیر', 'مشروع', 'مدین']);
  });

  it('drops digit-only words and words of fewer than two letters', () => {
    assert.deepEqual(terms('In 2026, a 5 x G7 vote: covid19', 'en'), ['vote', 'covid19'].map((w) => terms(w, 'en')[0]));
    assert.deepEqual(terms('۱۴۰۵ ب شهر', 'fa'), ['شهر']);
  });

  it('makes spellings with and without diacritics, variants and ZWNJ meet', () => {
    assert.deepEqual(terms('المَدرَسَةُ الكبيرة', 'ar'), terms('المدرسه الکبیره', 'ar'));
    assert.deepEqual(terms('کتاب‌ها می‌روم', 'fa'), terms('کتابها میروم', 'fa'));
  });

  it('gives the same terms with and without a cache', () => {
    const cache: TermCache = new Map();
    const text = 'Floods flooded the city; کتاب‌ها';
    assert.deepEqual(terms(text, 'en', cache), terms(text, 'en'));
    assert.deepEqual(terms(text, 'en', cache), terms(text, 'en'));
    assert.ok(cache.size > 0);
  });
});
