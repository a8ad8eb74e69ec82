// Which invisible characters go and which joiners stay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countInvisible, removeJoiners, stripInvisible } from '../../../../src/core/text/index.js';

describe('stripInvisible', () => {
  it('removes the direction marks LRM, RLM and ALM', () => {
    assert.equal(stripInvisible('a\u200Eb\u200Fc\u061Cd'), 'abcd');
  });

  it('removes bidi embeddings, overrides and isolates', () => {
    assert.equal(stripInvisible('\u202Aa\u202B\u202Cb\u202D\u202Ec'), 'abc');
    assert.equal(stripInvisible('\u2066a\u2067b\u2068c\u2069'), 'abc');
  });

  it('removes the BOM, the soft hyphen, the zero-width space and the word joiner', () => {
    assert.equal(stripInvisible('\uFEFFinfor\u00ADma\u200Btion\u2060s'), 'informations');
  });

  it('removes other format characters and invisible fillers', () => {
    assert.equal(stripInvisible('a\uFFF9b\uFFFBc\u3164d\u034Fe'), 'abcde');
  });

  it('keeps ZWNJ between letters of a joining script, and drops it elsewhere', () => {
    assert.equal(stripInvisible('می\u200Cروم'), 'می\u200Cروم');
    assert.equal(stripInvisible('v\u200Ciagra'), 'viagra');
    assert.equal(stripInvisible('کتاب\u200C ها'), 'کتاب ها');
  });

  it('keeps ZWJ in Arabic script and emoji sequences, and drops it between Latin letters', () => {
    assert.equal(stripInvisible('ه\u200D.ش'), 'ه\u200D.ش');
    assert.equal(stripInvisible('👩\u200D💻'), '👩\u200D💻');
    assert.equal(stripInvisible('sp\u200Dam'), 'spam');
  });

  it('keeps variation selectors after emoji and flag tag sequences, drops stray ones', () => {
    assert.equal(stripInvisible('❤\uFE0F'), '❤\uFE0F');
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    assert.equal(stripInvisible(scotland), scotland);
    assert.equal(stripInvisible('sp\uFE0Fa\u{E0067}m'), 'spam');
  });

  it('keeps the visible Arabic number sign and end-of-ayah marks', () => {
    assert.equal(stripInvisible('\u0600١٢'), '\u0600١٢');
  });

  it('returns text without such characters unchanged', () => {
    const text = 'Plain text, متن ساده.';
    assert.equal(stripInvisible(text), text);
  });
});

describe('countInvisible', () => {
  it('counts what stripInvisible removes', () => {
    assert.equal(countInvisible('f\u200Br\u200Be\u200Fe'), 3);
    assert.equal(countInvisible('می\u200Cروم'), 0);
  });
});

describe('removeJoiners', () => {
  it('removes ZWNJ and ZWJ, so a word’s parts join', () => {
    assert.equal(removeJoiners('می\u200Cروم ه\u200D'), 'میروم ه');
  });
});
