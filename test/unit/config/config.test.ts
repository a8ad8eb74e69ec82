import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, redactUrl } from '../../../src/config.js';

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
  ];
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
