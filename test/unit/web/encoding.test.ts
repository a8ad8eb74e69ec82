// Accept-Encoding negotiation and per-encoding validators (web/plugins/encoding.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { etagFor, isCompressible, matchesIfNoneMatch, negotiateEncoding } from '../../../src/web/plugins/encoding.js';

describe('negotiateEncoding', () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['GZIP', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0.000', undefined],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['gzip;q=0.5, br;q=0.5', 'br'],
    ['*', 'br'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['*;q=0', undefined],
    ['x-gzip', 'gzip'],
    ['br;q=bogus, gzip;q=0.1', 'gzip'],
    ['br;q=2', undefined],
    [' br ; q=0.9 ,gzip;q=0.8', 'br'],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected ?? 'identity'}`, () => assert.equal(negotiateEncoding(header), expected));
  }

  it('chooses only among the forms on hand', () => {
    assert.equal(negotiateEncoding('br, gzip', ['gzip']), 'gzip');
    assert.equal(negotiateEncoding('br', ['gzip']), undefined);
    assert.equal(negotiateEncoding('br, gzip', []), undefined);
  });
});

describe('validators per encoding', () => {
  it('gives each form its own strong ETag', () => {
    assert.equal(etagFor('"abc"', undefined), '"abc"');
    assert.equal(etagFor('"abc"', 'br'), '"abc-br"');
    assert.equal(etagFor('"abc"', 'gzip'), '"abc-gzip"');
  });

  it('matches If-None-Match lists, weak prefixes and *', () => {
    assert.ok(matchesIfNoneMatch('"x", "abc-br"', '"abc-br"'));
    assert.ok(matchesIfNoneMatch('W/"abc"', '"abc"'));
    assert.ok(matchesIfNoneMatch('*', '"abc"'));
    assert.ok(!matchesIfNoneMatch('"abc"', '"abc-br"'));
    assert.ok(!matchesIfNoneMatch(undefined, '"abc"'));
  });

  it('compresses text and never images', () => {
    for (const type of ['text/html; charset=utf-8', 'text/css', 'application/json', 'application/rss+xml', 'application/xml', 'application/feed+json', 'application/javascript', 'image/svg+xml']) assert.ok(isCompressible(type), type);
    for (const type of ['image/png', 'image/avif', 'image/webp', 'application/octet-stream', undefined]) assert.ok(!isCompressible(type), String(type));
  });
});
