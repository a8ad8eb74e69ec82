// The pure parts of search: query cleaning and tokens, the full-text expressions built from them,
// snippets with their highlighted words, and the bounded edit distance behind suggestions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSnippet, cleanQuery, queryTokens } from '../../../../src/domain/search/index.js';
import { editDistance } from '../../../../src/domain/search/suggest.js';
import { documentTerms } from '../../../../src/domain/search/upkeep.js';
import { fts5Expression, groupsOf, safeTokens, tsqueryExpression } from '../../../../src/storage/dialect/search-expression.js';
import { foldName, nameKey } from '../../../../src/core/text/index.js';

describe('search query text', () => {
  it('drops invisible and control characters and cuts at 200 characters', () => {
    assert.equal(cleanQuery('\u202Eabc\u200B'), 'abc');
    assert.equal(cleanQuery('a\u0000b\u0007  c\n'), 'a b c');
    assert.equal(cleanQuery('x'.repeat(1000)).length, 200);
    assert.equal(cleanQuery('😀'.repeat(300)), '😀'.repeat(200), 'cut by characters, not UTF-16 units');
  });

  it('reads the query as articles are read: folded, without stopwords, stemmed, each term once', () => {
    assert.deepEqual(queryTokens('The Ferries and the ferry', 'en'), ['ferri']);
    assert.deepEqual(queryTokens('كتاب کتاب', 'fa'), ['کتاب']);
    assert.deepEqual(queryTokens('AND OR NOT *', 'en'), []);
    assert.equal(queryTokens(Array.from({ length: 20 }, (_, i) => `word${i}x`).join(' '), 'en').length, 8);
  });
});

describe('full-text expressions', () => {
  it('quote every token and make the last one a prefix', () => {
    assert.equal(fts5Expression(groupsOf(['harbour', 'ferri'])), '"harbour" AND "ferri"*');
    assert.equal(tsqueryExpression(groupsOf(['harbour', 'ferri'])), "'harbour' & 'ferri':*");
  });

  it('give a word its alternatives, a split spelling as a conjunction, and relax to any group', () => {
    const groups = [[['nurbakhsh'], ['nourbakhsh']], [['دیرالزور'], ['دیر', 'الزور']]];
    assert.equal(fts5Expression(groups), '("nurbakhsh" OR "nourbakhsh") AND ("دیرالزور"* OR ("دیر" AND "الزور"))');
    assert.equal(tsqueryExpression(groups), "('nurbakhsh' | 'nourbakhsh') & ('دیرالزور':* | ('دیر' & 'الزور'))");
    assert.equal(fts5Expression(groupsOf(['a1', 'b2']), true), '"a1" OR "b2"*');
    assert.equal(fts5Expression([[['x'], ['y']]]), '"x"* OR "y"', 'a single group needs no parentheses');
  });

  it('cannot carry operators, quotes or parentheses, whatever the tokens hold', () => {
    assert.deepEqual(safeTokens(['a"b', "c'd", 'NEAR(', '*', ':*&|!', '']), ['ab', 'cd', 'NEAR']);
    assert.equal(fts5Expression(groupsOf(['"', '*'])), '');
    assert.equal(tsqueryExpression(groupsOf(["'); drop table x; --"])), "'droptablex':*");
    assert.equal(fts5Expression(groupsOf(['دیرالزور'])), '"دیرالزور"*');
    assert.equal(fts5Expression([[['"'], [')OR(', 'x']]]), '"OR" AND "x"*', 'an alternative left empty by cleaning is dropped');
  });
});

describe('transliteration keys', () => {
  it('give common romanisations of one name one key', () => {
    const same = [
      ['Nourbakhsh', 'Nurbakhsh'],
      ['Hosseini', 'Husseini', 'Hoseini'],
      ['Deir ez-Zor', 'Deir Ezzor', 'Dayr az-Zawr'],
      ['Mohammad', 'Muhammad', 'Mohammed'],
      ['Qamishli', 'Kamishli'],
      ['Ghasemi', 'Qasemi'],
    ];
    for (const spellings of same) assert.equal(new Set(spellings.map((n) => nameKey(foldName(n)))).size, 1, spellings.join(' ~ '));
    assert.notEqual(nameKey('tehran'), nameKey('tabriz'));
  });

  it('is empty for anything but Latin letters', () => {
    assert.equal(nameKey('نوربخش'), '');
    assert.equal(nameKey('g7'), '');
  });
});

describe('snippets', () => {
  it('marks the words whose terms match, across letter forms, harakat and ZWNJ', () => {
    const segments = buildSnippet('سافر إلى ديرالزور يوم الاثنين', ['دیرالزور'], 'ar');
    assert.deepEqual(segments.filter((s) => s.match).map((s) => s.text), ['ديرالزور']);
    assert.equal(segments.map((s) => s.text).join(''), 'سافر إلى ديرالزور يوم الاثنين');
    assert.deepEqual(buildSnippet('ما می‌روم', ['میروم'], 'fa').filter((s) => s.match).map((s) => s.text), ['می‌روم']);
  });

  it('matches stems and the last token as a prefix, leaving punctuation and hyphens unmarked', () => {
    const segments = buildSnippet('Two ferries, one terminal.', ['ferri', 'termin'], 'en');
    assert.deepEqual(segments.filter((s) => s.match).map((s) => s.text), ['ferries', 'terminal']);
    assert.equal(segments.map((s) => s.text).join(''), 'Two ferries, one terminal.');
    const hyphen = buildSnippet('Flights to Deir ez-Zor resumed', ['zor'], 'en');
    assert.deepEqual(hyphen.filter((s) => s.match).map((s) => s.text), ['Zor']);
  });

  it('shows about thirty words around the first match, with ellipses where it cuts', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}x`);
    words[60] = 'lighthouse';
    const segments = buildSnippet(words.join(' '), ['lighthous'], 'en');
    const text = segments.map((s) => s.text).join('');
    assert.ok(text.startsWith('… w52x'), text);
    assert.ok(text.endsWith('w81x …'), text);
    assert.deepEqual(segments.filter((s) => s.match).map((s) => s.text), ['lighthouse']);
  });

  it('starts at the beginning when nothing matches, and is empty for empty text', () => {
    const text = buildSnippet('one two three', ['zzz'], 'en');
    assert.deepEqual(text, [{ text: 'one two three', match: false }]);
    assert.deepEqual(buildSnippet('', ['a'], 'en'), []);
  });
});

describe('stored terms and suggestions', () => {
  it('repeats the headline three times and the dek twice', () => {
    assert.equal(documentTerms({ headline: 'Ferry', dek: 'Harbour', body: 'Terminal' }, 'en'), 'ferri ferri ferri harbour harbour terminal');
  });

  it('measures edit distance and stops early past the bound', () => {
    assert.equal(editDistance('velodrom', 'velodron', 2), 1);
    assert.equal(editDistance('kitten', 'sitting', 3), 3);
    assert.equal(editDistance('kitten', 'sitting', 1), 2);
    assert.equal(editDistance('a', 'abcdef', 2), 3);
  });
});
