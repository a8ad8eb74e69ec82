// Persian and Arabic-Indic digits to ASCII.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toAsciiDigits } from '../../../../src/core/text/index.js';

describe('toAsciiDigits', () => {
  it('turns Persian digits into ASCII', () => assert.equal(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789'));
  it('turns Arabic-Indic digits into ASCII', () => assert.equal(toAsciiDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789'));
  it('leaves other characters, including other digits, alone', () => {
    assert.equal(toAsciiDigits('سال ۱۴۰۵ / 2026 / ١٢'), 'سال 1405 / 2026 / 12');
    assert.equal(toAsciiDigits('१२'), '१२');
  });
});
