// Each stemmer's rules with examples, and the choice of stemmer per word.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stem, stemArabic, stemEnglish, stemFrench, stemPersian, stemSpanish } from '../../../../src/core/text/index.js';

const meet = (stemmer: (w: string) => string, ...words: string[]) => {
  const stems = new Set(words.map(stemmer));
  assert.equal(stems.size, 1, `${words.join('/')} → ${[...stems].join('/')}`);
};

describe('stemEnglish', () => {
  it('conflates plurals: -s, -es, -ies', () => {
    meet(stemEnglish, 'city', 'cities');
    meet(stemEnglish, 'price', 'prices');
    meet(stemEnglish, 'tax', 'taxes');
    meet(stemEnglish, 'bus', 'buses');
    meet(stemEnglish, 'policy', 'policies');
    meet(stemEnglish, 'match', 'matches');
    meet(stemEnglish, 'reservoir', 'reservoirs');
  });

  it('conflates -ing and -ed forms, undoubling consonants', () => {
    meet(stemEnglish, 'flood', 'floods', 'flooded', 'flooding');
    meet(stemEnglish, 'plan', 'plans', 'planned', 'planning');
    meet(stemEnglish, 'vote', 'votes', 'voted', 'voting');
    meet(stemEnglish, 'fall', 'falling');
  });

  it('leaves short words, exceptions and -ss/-us/-is endings alone', () => {
    for (const word of ['gas', 'news', 'status', 'crisis', 'business', 'need']) assert.equal(stemEnglish(word), word);
  });
});

describe('stemFrench', () => {
  it('conflates plural and feminine forms of words of six letters or more', () => {
    meet(stemFrench, 'grande', 'grandes');
    meet(stemFrench, 'election', 'elections');
    meet(stemFrench, 'journal', 'journaux');
    meet(stemFrench, 'bateau', 'bateaux');
    meet(stemFrench, 'nouvelle', 'nouvelles', 'nouvel');
  });

  it('leaves short words alone', () => {
    for (const word of ['prix', 'vote', 'pays']) assert.equal(stemFrench(word), word);
  });
});

describe('stemSpanish', () => {
  it('conflates gender and plural of words of five letters or more', () => {
    meet(stemSpanish, 'nuevo', 'nueva', 'nuevos', 'nuevas');
    meet(stemSpanish, 'ciudad', 'ciudades');
    meet(stemSpanish, 'meses', 'mesas');
  });

  it('turns -ces into -z, so luces meets luz', () => {
    assert.equal(stemSpanish('luces'), 'luz');
    assert.equal(stemSpanish('veces'), 'vez');
  });

  it('leaves short words alone', () => assert.equal(stemSpanish('casa'), 'casa'));
});

describe('stemPersian', () => {
  it('strips plural, comparative, indefinite and personal suffixes written after a ZWNJ', () => {
    assert.equal(stemPersian('کتاب‌ها'), 'کتاب');
    assert.equal(stemPersian('ایستگاه‌های'), 'ایستگاه');
    assert.equal(stemPersian('ویژه‌ای'), 'ویژه');
    assert.equal(stemPersian('بزرگ‌ترین'), 'بزرگ');
    assert.equal(stemPersian('رفته‌اند'), 'رفته');
  });

  it('joins the parts of a compound or a verb with its prefix', () => {
    assert.equal(stemPersian('زلزله‌زده'), 'زلزلهزده');
    assert.equal(stemPersian('می‌روم'), 'میروم');
  });

  it('strips an unjoined plural or superlative when three letters remain', () => {
    assert.equal(stemPersian('کتابها'), 'کتاب');
    assert.equal(stemPersian('روستاهای'), 'روستا');
    assert.equal(stemPersian('بزرگترین'), 'بزرگ');
    assert.equal(stemPersian('تنها'), 'تنها');
    assert.equal(stemPersian('انتها'), 'انتها');
  });

  it('leaves Arabic-looking beginnings alone', () => {
    assert.equal(stemPersian('البرز'), 'البرز');
  });
});

describe('stemArabic', () => {
  it('strips the article and its particles when two letters remain', () => {
    for (const word of ['الکتاب', 'والکتاب', 'بالکتاب', 'کالکتاب', 'فالکتاب']) assert.equal(stemArabic(word), 'کتاب');
    assert.equal(stemArabic('للکتاب'), 'کتاب');
    assert.equal(stemArabic('الی'), 'الی');
  });

  it('strips sound plurals, the pronoun ها, the nisba and teh marbuta when three letters remain', () => {
    meet(stemArabic, 'المزارعون', 'والمزارعین', 'مزارع');
    meet(stemArabic, 'حکومه', 'حکومات', 'الحکومیه');
    meet(stemArabic, 'مصر', 'المصری');
    assert.equal(stemArabic('سیاستها'), 'سیاست');
    assert.equal(stemArabic('الانتخابات'), 'انتخاب');
  });

  it('leaves the conjunction و, the dual ان and short words alone', () => {
    assert.equal(stemArabic('وزیر'), 'وزیر');
    assert.equal(stemArabic('لبنان'), 'لبنان');
    assert.equal(stemArabic('علی'), 'علی');
  });
});

describe('stem', () => {
  it('picks the stemmer of the language for words in its script', () => {
    assert.equal(stem('elections', 'fr-FR'), stemFrench('elections'));
    assert.equal(stem('ciudades', 'es'), 'ciudad');
    assert.equal(stem('الکتاب', 'ar'), 'کتاب');
    assert.equal(stem('کتاب‌ها', 'fa'), 'کتاب');
  });

  it('stems Latin words in other editions as English, and no Arabic-script word outside fa/ar', () => {
    assert.equal(stem('floods', 'fa'), 'flood');
    assert.equal(stem('الکتاب', 'fa'), 'الکتاب');
    assert.equal(stem('الکتاب', 'en'), 'الکتاب');
    assert.equal(stem('کتابیں', 'ur'), 'کتابیں');
  });

  it('leaves non-ASCII Latin words and other scripts unstemmed', () => {
    assert.equal(stem('łodzie', 'en'), 'łodzie');
    assert.equal(stem('москвы', 'en'), 'москвы');
  });
});
