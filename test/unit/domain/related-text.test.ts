// What related articles add to core/text's terms: field weights, tf-idf and the score. Folding,
// stopwords and stemmers are tested once, in test/unit/core/text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cosine, idf, termCounts, tf, weighTerms } from '../../../src/domain/articles/related-text.js';
import { relatedScore, specificity } from '../../../src/domain/articles/related-scoring.js';

describe('weighting', () => {
  it('counts headline terms more than dek terms, and dek terms more than body terms', () => {
    const counts = termCounts({ headline: 'Drought', dek: 'reservoir', body: 'rationing' }, 'en');
    assert.deepEqual(Object.fromEntries(counts), { drought: 3, reservoir: 2, ration: 1 });
  });

  it("counts an article's terms under its edition's language, however its words are spelled", () => {
    const voweled = termCounts({ headline: 'المَدرَسَةُ الكبيرة', body: 'مدارسُ المدينة' }, 'ar');
    const plain = termCounts({ headline: 'المدرسه الکبیره', body: 'مدارس المدینه' }, 'ar');
    assert.deepEqual(voweled, plain);
    assert.deepEqual(Object.fromEntries(termCounts({ headline: 'کتاب‌ها', body: 'کتابها' }, 'fa')), { کتاب: 4 });
  });

  it('gives rare terms a higher idf and repeated terms a sublinear tf', () => {
    assert.ok(idf(1, 100) > idf(10, 100));
    assert.ok(idf(100, 100) > 0);
    assert.equal(tf(1), 1);
    assert.ok(tf(10) < 10 && tf(10) > tf(2));
  });

  it('makes unit vectors, heaviest first, cut to the limit', () => {
    const counts = new Map([
      ['a', 5],
      ['b', 1],
      ['c', 1],
    ]);
    const vector = weighTerms(counts, (t) => (t === 'c' ? 1 : 5), 10, 2);
    assert.deepEqual(
      vector.map(([t]) => t),
      ['a', 'c'],
    );
    assert.ok(Math.abs(vector.reduce((s, [, w]) => s + w * w, 0) - 1) < 1e-12);
    const map = new Map(vector);
    assert.ok(Math.abs(cosine(map, map) - 1) < 1e-12);
    assert.equal(cosine(map, new Map([['z', 1]])), 0);
  });
});

describe('related score', () => {
  it('adds capped bonuses for specific shared tags and entities', () => {
    const plain = relatedScore({ cosine: 0.3, tags: [], entities: [], daysApart: 0 });
    assert.ok(Math.abs(plain - 0.3) < 1e-12);
    const tagged = relatedScore({ cosine: 0.3, tags: [1], entities: [1], daysApart: 0 });
    assert.ok(Math.abs(tagged - 0.4) < 1e-12);
    const many = relatedScore({ cosine: 0, tags: [1, 1, 1, 1, 1], entities: [], daysApart: 0 });
    assert.ok(Math.abs(many - 0.12) < 1e-12);
  });

  it('lets recency break ties without dominating', () => {
    const close = relatedScore({ cosine: 0.3, tags: [], entities: [], daysApart: 1 });
    const far = relatedScore({ cosine: 0.3, tags: [], entities: [], daysApart: -400 });
    assert.ok(close > far);
    assert.ok(far >= 0.3 * 0.8);
    assert.ok(relatedScore({ cosine: 0.4, tags: [], entities: [], daysApart: 400 }) > close);
  });

  it('counts a tag on every article for nothing and a rare tag fully', () => {
    assert.equal(specificity(100, 100), 0);
    assert.equal(specificity(2, 100), 1);
    assert.ok(specificity(20, 100) > 0 && specificity(20, 100) < 1);
  });
});
