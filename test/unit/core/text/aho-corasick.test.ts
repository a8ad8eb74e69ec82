// The multi-key matcher behind entity suggestions: every occurrence, overlaps included, keys that
// are suffixes of others (found through fail links), code points rather than UTF-16 units.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AhoCorasick } from '../../../../src/core/text/index.js';

describe('Aho–Corasick', () => {
  it('finds every key, overlapping and nested, with code-point offsets', () => {
    const ac = new AhoCorasick<string>().add('he', 'he').add('she', 'she').add('his', 'his').add('hers', 'hers');
    const found = ac.search('ushers').map((m) => `${m.value}@${m.start}-${m.end}`);
    assert.deepEqual(found, ['she@1-4', 'he@2-4', 'hers@2-6']);
  });

  it('works on code points: astral characters and Arabic script count once', () => {
    const ac = new AhoCorasick<number>().add('😀b', 1).add('دیرالزور', 2);
    assert.deepEqual(ac.search('a😀b').map((m) => [m.value, m.start, m.end]), [[1, 1, 3]]);
    assert.deepEqual(ac.search('بهدیرالزور').map((m) => [m.value, m.start, m.end]), [[2, 2, 10]]);
  });

  it('finds nothing where nothing matches, and ignores empty keys', () => {
    const ac = new AhoCorasick<number>().add('', 0).add('abc', 1);
    assert.deepEqual(ac.search('ababab'), []);
    assert.deepEqual(ac.search(''), []);
  });

  it('stays linear on a text made to trip naive matchers', () => {
    const ac = new AhoCorasick<number>();
    for (let i = 1; i <= 50; i++) ac.add('a'.repeat(i) + 'b', i);
    const found = ac.search('a'.repeat(20_000) + 'b');
    assert.equal(found.length, 50, 'each key once, at the end');
  });
});
