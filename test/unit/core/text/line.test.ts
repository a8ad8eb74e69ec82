// cleanLine: what every stored line of text loses (controls, direction overrides) and keeps (marks).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanLine, cleanTextBlock, stripDirectionControls } from '../../../../src/core/text/index.js';

describe('cleanLine', () => {
  it('drops every embedding, override and isolate, balanced or not', () => {
    for (const ch of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      assert.equal(cleanLine(`Mayor ${ch}resigns`), 'Mayor resigns', `U+${ch.codePointAt(0)!.toString(16)}`);
    }
    assert.equal(stripDirectionControls('\u2067مریم\u2069 and \u202Eevil'), 'مریم and evil');
  });

  it('keeps the stateless marks LRM, RLM and ALM that editors place on purpose', () => {
    assert.equal(cleanLine('قیمت ۱۲ دلار\u200E (USD)\u200F \u061C'), 'قیمت ۱۲ دلار\u200E (USD)\u200F \u061C');
  });

  it('drops control characters and trims a line; a block keeps its newlines and tabs', () => {
    assert.equal(cleanLine('  a\u0000b\u0007c\u009F  '), 'abc');
    assert.equal(cleanTextBlock('a\n\tb\u202E\r\n'), 'a\n\tb\r\n');
  });
});
