// Every message key the domain raises in a field problem has a string in every shipped catalog: a
// missing one would show readers the raw key (or a generic line) instead of what went wrong.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { catalogs } from '../../../src/i18n/index.js';

const domainDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../src/domain');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('domain message keys', () => {
  const keys = new Set(sources(domainDir).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/key: '(errors\.[a-z_.]+)'/g)].map((m) => m[1] as string)));

  it('finds the keys it checks', () => {
    assert.ok(keys.size >= 15, `only ${keys.size} keys found; has the way problems are written changed?`);
  });

  for (const [language, catalog] of Object.entries(catalogs)) {
    it(`are all in the ${language} catalog`, () => {
      assert.deepEqual([...keys].filter((key) => !(key in catalog)).sort(), []);
    });
  }
});
