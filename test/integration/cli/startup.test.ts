// `dateline serve` refuses a configuration that cannot work before anything is written: one line
// naming the variable, exit 1, no database file and no one-time admin password printed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli.js';
import { postgresUrl, tempDir, withDatabase } from '../../support/database.js';

const oneLine = (text: string) => text.trim().split('\n').length === 1;

describe('serve checks its configuration before it writes anything', () => {
  const refusals: Array<[string, Record<string, string>, string]> = [
    ['an impossible IPv4 HOST', { HOST: '999.1.1.1' }, 'HOST'],
    ['a HOST that is not a host name', { HOST: 'my_host!' }, 'HOST'],
    ['a HOST name that does not resolve', { HOST: 'no-such-host.invalid' }, 'HOST'],
    ['a PORT out of range', { PORT: '65536' }, 'PORT'],
    ['production without BASE_URL', { NODE_ENV: 'production' }, 'BASE_URL'],
  ];
  for (const [name, env, variable] of refusals) {
    it(`${name}: one line naming ${variable}, no database, no password`, async () => {
      const dir = tempDir();
      const dataDir = path.join(dir, 'data');
      // DEMO_CONTENT=auto: the demo seed (and its password) would come before listening.
      const result = await run(['serve'], { DATA_DIR: dataDir, DEMO_CONTENT: 'auto', ...env });
      assert.equal(result.code, 1, result.stderr);
      assert.ok(oneLine(result.stderr), result.stderr);
      assert.match(result.stderr, new RegExp(`^Configuration error: ${variable} `));
      assert.equal(result.stdout, '', 'no seed announcement, no admin password');
      assert.equal(fs.existsSync(dataDir), false, 'DATA_DIR was not even created');
    });
  }

  const file = path.join(tempDir(), 'a-file');
  fs.writeFileSync(file, '');
  const badDirs: Array<[string, string]> = [
    ['a regular file', file],
    ['a path under a regular file', path.join(file, 'x')],
    ['a path in /proc, where mkdir hangs', '/proc/x'],
  ];
  for (const [name, dataDir] of badDirs) {
    it(`DATA_DIR that is ${name}: one line naming DATA_DIR within seconds`, async () => {
      const started = Date.now();
      const result = await run(['serve'], { DATA_DIR: dataDir, DEMO_CONTENT: 'auto' });
      assert.equal(result.code, 1, result.stderr);
      assert.ok(oneLine(result.stderr), result.stderr);
      assert.match(result.stderr, /^Configuration error: DATA_DIR /);
      assert.equal(result.stdout, '');
      assert.ok(Date.now() - started < 10_000, 'no hang');
    });
  }

  it('migrate and seed-demo refuse an unusable DATA_DIR the same way', async () => {
    for (const command of ['migrate', 'seed-demo']) {
      const result = await run([command], { DATA_DIR: '/proc/x' });
      assert.equal(result.code, 1, command);
      assert.match(result.stderr.trim(), /^Configuration error: DATA_DIR [^\n]+$/, command);
    }
  });
});

describe('commands on a PostgreSQL database that was never migrated', { skip: postgresUrl ? false : 'PostgreSQL not available' }, () => {
  it('say so in one line and create nothing', async () => {
    const name = `dateline_empty_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    try {
      const url = withDatabase(postgresUrl ?? '', name);
      const result = await run(['user', 'list'], { DATABASE_URL: url, DATA_DIR: tempDir() });
      assert.equal(result.code, 1);
      assert.ok(oneLine(result.stderr), result.stderr);
      assert.match(result.stderr, /never migrated/);
      assert.match(result.stderr, /DATABASE_URL/);
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const tables = await check.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
      await check.end();
      assert.equal(tables.rows[0].n, 0, 'no table was created');
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
