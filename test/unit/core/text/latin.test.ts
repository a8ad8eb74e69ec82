// Latin accents and the letters that do not decompose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldLatinLetters, stripCombiningMarks } from '../../../../src/core/text/latin.js';

describe('stripCombiningMarks', () => {
  it('removes accents split off by decomposition (é, ñ, ç, ő, ü, ά)', () => {
    assert.equal(stripCombiningMarks('Café Ñandú Ça Ős Über ά'.normalize('NFD')), 'Cafe Nandu Ca Os Uber α');
  });

  it('leaves precomposed letters and other scripts’ marks alone', () => {
    assert.equal(stripCombiningMarks('é'), 'é');
    assert.equal(stripCombiningMarks('कि'), 'कि');
  });
});

describe('foldLatinLetters', () => {
  it('spells out the letters no normalization decomposes', () => {
    assert.equal(foldLatinLetters('straße'), 'strasse');
    assert.equal(foldLatinLetters('æble œuvre'), 'aeble oeuvre');
    assert.equal(foldLatinLetters('øre łódź'), 'ore lódź');
    assert.equal(foldLatinLetters('đakovo ðe þing ılık ħ ŧ'), 'dakovo de thing ilik h t');
  });
});
