// Words of mixed-script text, apostrophes and ZWNJ.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../../../../src/core/text/index.js';

describe('tokenize', () => {
  it('splits mixed scripts into folded words, in reading order', () => {
    assert.deepEqual(tokenize('Tehran (تهران) — «خبر» 2026: وزير الصحة says', 'en'), ['tehran', 'تهران', 'خبر', '2026', 'وزیر', 'الصحه', 'says']);
  });

  it('keeps a ZWNJ-joined Persian word as one word', () => {
    assert.deepEqual(tokenize('روستاهای زلزله‌زده', 'fa'), ['روستاهای', 'زلزلهزده']);
  });

  it('splits on hyphens and punctuation, keeps letters and digits together', () => {
    assert.deepEqual(tokenize('covid-19, G7/covid19', 'en'), ['covid', '19', 'g7', 'covid19']);
  });

  it('joins words around an apostrophe and drops a final possessive', () => {
    assert.deepEqual(tokenize("The union’s leaders don't O'Brien", 'en'), ['the', 'union', 'leaders', 'dont', 'obrien']);
  });

  it('drops French elisions', () => {
    assert.deepEqual(tokenize("l'État qu'il jusqu'à aujourd'hui", 'fr'), ['etat', 'il', 'a', 'aujourdhui']);
  });

  it('keeps words of other scripts whole', () => {
    assert.deepEqual(tokenize('Москва 東京 नमस्ते', ''), ['москва', '東京', 'नमस्ते']);
  });
});
