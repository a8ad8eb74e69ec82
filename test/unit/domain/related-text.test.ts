import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cosine,
  idf,
  isStopword,
  normalizeText,
  stemArabic,
  stemEnglish,
  termCounts,
  tf,
  tokenize,
  weighTerms,
} from '../../../src/domain/articles/related-text.js';
import { relatedScore, specificity } from '../../../src/domain/articles/related-scoring.js';

describe('normalizeText', () => {
  it('unifies Arabic and Persian yeh and kaf, and the alef, hamza and teh marbuta forms', () => {
    assert.equal(normalizeText('علي'), normalizeText('علی'));
    assert.equal(normalizeText('كتاب'), 'کتاب');
    assert.equal(normalizeText('مستشفى'), 'مستشفی');
    assert.equal(normalizeText('أحمد إبراهيم آمنة'), 'احمد ابراهیم امنه');
    assert.equal(normalizeText('مدرسة'), 'مدرسه');
    assert.equal(normalizeText('مسؤول'), 'مسوول');
  });

  it('drops harakat, tatweel, the ezafe hamza and Latin accents; applies NFKC and lower case', () => {
    assert.equal(normalizeText('العَرَبِيَّةُ'), 'العربیه');
    assert.equal(normalizeText('العلـــوم'), 'العلوم');
    assert.equal(normalizeText('کتابخانهٔ مرکزی'), 'کتابخانه مرکزی');
    assert.equal(normalizeText('Café RÉSUMÉ'), 'cafe resume');
    // Presentation forms and full-width letters fold to the ordinary ones.
    assert.equal(normalizeText('ﻛﺘﺎﺏ'), 'کتاب');
    assert.equal(normalizeText('ＡＢＣ'), 'abc');
  });

  it('turns Persian and Arabic-Indic digits into ASCII', () => {
    assert.equal(normalizeText('۱۴۰۵ و ٢٠٢٦'), '1405 و 2026');
  });

  it('treats the zero-width non-joiner as a joiner inside a word', () => {
    assert.equal(normalizeText('می‌شود'), 'میشود');
    assert.equal(normalizeText('زلزله‌زده'), normalizeText('زلزلهزده'));
  });
});

describe('tokenize', () => {
  it('keeps a ZWNJ-joined Persian word as one token and drops a ZWNJ plural suffix', () => {
    assert.deepEqual(tokenize('روستاهای زلزله‌زده', 'fa'), ['روستاهای', 'زلزلهزده']);
    assert.deepEqual(tokenize('کتاب‌ها', 'fa'), ['کتاب']);
    assert.deepEqual(tokenize('خودرو‌های فرسوده', 'fa'), ['خودرو', 'فرسوده']);
  });

  it('drops stopwords in English, Persian and Arabic, before stemming', () => {
    assert.deepEqual(tokenize('The minister said that it was over the limit', 'en'), ['minister', 'limit']);
    assert.deepEqual(tokenize('این طرح در تهران اجرا می‌شود', 'fa'), ['طرح', 'تهران', 'اجرا']);
    assert.deepEqual(tokenize('قال الوزير إن المشروع في المدينة', 'ar'), ['وزیر', 'مشروع', 'مدینه']);
    assert.ok(isStopword('the'));
    assert.ok(isStopword(normalizeText('آن')));
    assert.ok(isStopword(normalizeText('الذي')));
    assert.ok(!isStopword('reservoir'));
  });

  it('drops digit-only tokens and tokens of fewer than two letters', () => {
    assert.deepEqual(tokenize('In 2026, a 5 x G7 vote: covid19 rates', 'en'), ['vote', 'covid19', 'rates'].map(stemEnglish));
    assert.deepEqual(tokenize('۱۴۰۵ ب شهر', 'fa'), ['شهر']);
  });

  it('matches Arabic text written with and without diacritics and letter variants', () => {
    assert.deepEqual(tokenize('المَدرَسَةُ الكبيرة', 'ar'), tokenize('المدرسه الکبیره', 'ar'));
  });

  it('strips the Arabic article and sound plurals only in the Arabic edition', () => {
    assert.deepEqual(tokenize('المزارعون والمزارعين بالمدينة', 'ar'), ['مزارع', 'مزارع', 'مدینه']);
    assert.equal(stemArabic('الانتخابات'), 'انتخاب');
    // Persian words that begin with the same letters keep them.
    assert.deepEqual(tokenize('الگوی البرز', 'fa'), ['الگوی', 'البرز']);
  });

  it('keeps possessives and apostrophes from splitting English words', () => {
    assert.deepEqual(tokenize("The union's leaders", 'en'), ['union', 'leader']);
  });
});

describe('stemEnglish', () => {
  const same = (...words: string[]) => {
    const stems = new Set(words.map(stemEnglish));
    assert.equal(stems.size, 1, `${words.join('/')} → ${[...stems].join('/')}`);
  };

  it('conflates plurals: -s, -es, -ies', () => {
    same('city', 'cities');
    same('price', 'prices');
    same('tax', 'taxes');
    same('bus', 'buses');
    same('policy', 'policies');
    same('match', 'matches');
    same('reservoir', 'reservoirs');
  });

  it('conflates -ing and -ed forms, undoubling consonants', () => {
    same('flood', 'floods', 'flooded', 'flooding');
    same('plan', 'plans', 'planned', 'planning');
    same('vote', 'votes', 'voted', 'voting');
    same('fall', 'falling');
  });

  it('leaves short words and -ss/-us/-is endings alone', () => {
    assert.equal(stemEnglish('gas'), 'gas');
    assert.equal(stemEnglish('news'), 'news');
    assert.equal(stemEnglish('status'), 'status');
    assert.equal(stemEnglish('crisis'), 'crisis');
    assert.equal(stemEnglish('business'), 'business');
    assert.equal(stemEnglish('need'), 'need');
  });
});

describe('weighting', () => {
  it('counts headline terms more than dek terms, and dek terms more than body terms', () => {
    const counts = termCounts({ headline: 'Drought', dek: 'reservoir', body: 'rationing' }, 'en');
    assert.deepEqual(Object.fromEntries(counts), { drought: 3, reservoir: 2, ration: 1 });
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
