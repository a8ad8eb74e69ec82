// Each Arabic-script letter fold and mark removal, with an example.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARABIC_LETTER_FOLDS, foldArabicLetters, hasArabicScript, stripArabicMarks } from '../../../../src/core/text/index.js';

describe('foldArabicLetters', () => {
  const cases: Array<[string, string, string]> = [
    ['alef with hamza above', 'أحمد', 'احمد'],
    ['alef with hamza below', 'إبراهیم', 'ابراهیم'],
    ['alef with madda', 'آمنة', 'امنه'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['waw with hamza', 'مسؤول', 'مسوول'],
    ['yeh with hamza', 'مسئول', 'مسیول'],
    ['Arabic yeh', 'علي', 'علی'],
    ['alef maksura', 'مستشفى', 'مستشفی'],
    ['Arabic kaf', 'كتاب', 'کتاب'],
    ['swash kaf', 'ڪتاب', 'کتاب'],
    ['teh marbuta', 'مدرسة', 'مدرسه'],
    ['heh with yeh above (ezafe)', 'خانۀ', 'خانه'],
    ['Urdu heh goal', 'شہر', 'شهر'],
    ['Urdu teh marbuta goal', 'صلوۃ', 'صلوه'],
  ];
  for (const [name, input, expected] of cases) {
    it(`folds the ${name}`, () => assert.equal(foldArabicLetters(input), expected));
  }

  it('keeps the Persian forms and the distinct Urdu letters as they are', () => {
    assert.equal(foldArabicLetters('یک کتاب ه'), 'یک کتاب ه');
    assert.equal(foldArabicLetters('بڑے بھر'), 'بڑے بھر');
  });

  it('maps every variant to a letter that is itself canonical', () => {
    for (const target of Object.values(ARABIC_LETTER_FOLDS)) assert.equal(foldArabicLetters(target), target);
  });
});

describe('stripArabicMarks', () => {
  it('removes harakat: fatha, damma, kasra, sukun, shadda and tanwin', () => {
    assert.equal(stripArabicMarks('العَرَبِيَّةُ'), 'العربية');
    assert.equal(stripArabicMarks('كِتَابٌ جَدِيدًا مِنْ'), 'كتاب جديدا من');
    assert.equal(stripArabicMarks('مْ'), 'م');
  });

  it('removes the superscript alef, the ezafe hamza and Quranic marks', () => {
    assert.equal(stripArabicMarks('هٰذا'), 'هذا');
    assert.equal(stripArabicMarks('کتابخانهٔ'), 'کتابخانه');
    assert.equal(stripArabicMarks('الرَّحِيمِۖ'), 'الرحيم');
  });

  it('removes tatweel (kashida)', () => {
    assert.equal(stripArabicMarks('العلـــوم'), 'العلوم');
  });
});

describe('hasArabicScript', () => {
  it('recognises Arabic, Persian and Urdu letters, not Latin', () => {
    assert.ok(hasArabicScript('x خبر'));
    assert.ok(hasArabicScript('ٹ'));
    assert.ok(!hasArabicScript('news 2026'));
  });
});
