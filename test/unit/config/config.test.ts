// Configuration: defaults, one-line refusals naming the variable, and the checks serve makes
// against the machine before it writes anything.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, checkDataDir, checkServeConfig, loadConfig, redactUrl } from '../../../src/config.js';

describe('config', () => {
  it('has working defaults: SQLite in ./data, port 3000, loopback', () => {
    const config = loadConfig({}, '/srv/dateline');
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dialect, 'sqlite');
    assert.equal(config.sqlitePath, '/srv/dateline/data/dateline.sqlite');
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.equal(config.demoContent, 'auto');
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/news', BASE_URL: 'https://news.example.org/' });
    assert.equal(config.dialect, 'postgres');
    assert.equal(config.baseUrl, 'https://news.example.org');
  });

  const bad: Array<[Record<string, string>, string]> = [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://localhost' }, 'DATABASE_URL'],
    [{ BASE_URL: 'ftp://x' }, 'BASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEMO_CONTENT: 'maybe' }, 'DEMO_CONTENT'],
    [{ TRUST_PROXY: 'perhaps' }, 'TRUST_PROXY'],
    [{ SEARCH_CACHE_SECONDS: '301' }, 'SEARCH_CACHE_SECONDS'],
    [{ SEARCH_CACHE_SECONDS: '-1' }, 'SEARCH_CACHE_SECONDS'],
    [{ SEARCH_CACHE_SECONDS: '1.5' }, 'SEARCH_CACHE_SECONDS'],
    [{ SEARCH_RATE_LIMIT: 'many' }, 'SEARCH_RATE_LIMIT'],
    [{ SEARCH_RATE_LIMIT: '100001' }, 'SEARCH_RATE_LIMIT'],
  ];

  it('reuses search results 30 seconds by default; 0 turns that off', () => {
    assert.equal(loadConfig({}).searchCacheMs, 30_000);
    assert.equal(loadConfig({ SEARCH_CACHE_SECONDS: '0' }).searchCacheMs, 0);
    assert.equal(loadConfig({}).searchRateLimit, 120);
    assert.equal(loadConfig({ SEARCH_RATE_LIMIT: '0' }).searchRateLimit, 0);
  });
  for (const [env, variable] of bad) {
    it(`names ${variable} when ${JSON.stringify(env)} is wrong, in one line`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && error.variable === variable && error.message.startsWith(variable) && !error.message.includes('\n'),
      );
    });
  }

  it('never prints a database password', () => {
    assert.equal(redactUrl('postgres://user:secret@db/news'), 'postgres://user:***@db/news');
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://user:secret@db' }), (e: Error) => !e.message.includes('secret'));
  });
});

describe('HOST, and what only the machine can tell', () => {
  it('accepts IP literals and host names, and refuses what is neither, naming HOST', () => {
    for (const host of ['127.0.0.1', '0.0.0.0', '::', '[::1]', 'news-01.internal', 'localhost']) {
      assert.doesNotThrow(() => loadConfig({ HOST: host }), host);
    }
    assert.equal(loadConfig({ HOST: '[::1]' }).host, '::1');
    for (const host of ['999.1.1.1', '1.2.3', 'my_host', 'a..b', '-bad.example', 'x'.repeat(64)]) {
      assert.throws(() => loadConfig({ HOST: host }), (e: unknown) => e instanceof ConfigError && e.variable === 'HOST', host);
    }
  });

  it('refuses to serve in production without BASE_URL, and accepts it with one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-config-'));
    await assert.rejects(checkServeConfig(loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })), (e: unknown) => e instanceof ConfigError && e.variable === 'BASE_URL');
    await checkServeConfig(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://news.example.org', DATA_DIR: dataDir }));
    await checkServeConfig(loadConfig({ DATA_DIR: dataDir }));
  });

  it('creates a missing DATA_DIR, and names DATA_DIR for one that cannot be used', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-config-'));
    await checkDataDir(path.join(root, 'new', 'nested'));
    assert.ok(fs.statSync(path.join(root, 'new', 'nested')).isDirectory());
    assert.deepEqual(fs.readdirSync(path.join(root, 'new', 'nested')), [], 'the write probe is removed');
    const file = path.join(root, 'file');
    fs.writeFileSync(file, '');
    for (const dir of [file, path.join(file, 'x'), '/proc/x']) {
      await assert.rejects(checkDataDir(dir), (e: unknown) => e instanceof ConfigError && e.variable === 'DATA_DIR' && !e.message.includes('\n'), dir);
    }
  });
});
