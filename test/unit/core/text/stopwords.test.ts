// Stopword lists per language and the choice of list per word.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStopword, stopwordsOf } from '../../../../src/core/text/index.js';

describe('isStopword', () => {
  const examples: Record<string, [string[], string[]]> = {
    en: [['the', 'said', 'THE', 'dont'], ['reservoir', 'minister']],
    fr: [['le', 'des', 'été', 'où'], ['ministre', 'élection']],
    es: [['los', 'según', 'para'], ['ministro', 'elecciones']],
    fa: [['از', 'این', 'می‌شود', 'آن'], ['تهران', 'زلزله']],
    ar: [['الذي', 'الذى', 'إلى', 'قال'], ['الوزير', 'مدينة']],
    ur: [['کے', 'ہے', 'ہیں'], ['حکومت', 'کراچی']],
  };
  for (const [lang, [stop, content]] of Object.entries(examples)) {
    it(`knows the function words of ${lang}`, () => {
      for (const word of stop) assert.ok(isStopword(word, lang), `${word} (${lang})`);
      for (const word of content) assert.ok(!isStopword(word, lang), `${word} (${lang})`);
    });
  }

  it('uses the lists of the edition’s language, not of another one in the same script', () => {
    // علی (Ali, a name) is Arabic علی (on): a stopword in Arabic, a word in Persian.
    assert.ok(isStopword('علی', 'ar'));
    assert.ok(!isStopword('علی', 'fa'));
    assert.ok(isStopword('le', 'fr') && !isStopword('le', 'en'));
  });

  it('applies the script’s default to a word in another script', () => {
    assert.ok(isStopword('the', 'fa'));
    assert.ok(isStopword('الذي', 'en') && isStopword('این', 'en'));
    assert.ok(isStopword('the', 'fa-IR'));
  });

  it('has modest lists for every shipped language', () => {
    for (const lang of ['en', 'fr', 'es', 'fa', 'ar', 'ur']) {
      const size = stopwordsOf(lang).size;
      assert.ok(size >= 60 && size <= 300, `${lang}: ${size}`);
    }
  });
});
