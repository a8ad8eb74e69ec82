// The `dateline` command as an operator runs it: exit codes, one-line errors, user management.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli as run } from '../../support/cli.js';
import { postgresUrl, tempDir, withDatabase } from '../../support/database.js';

const oneLine = (text: string) => text.trim().split('\n').length === 1;

describe('dateline command', () => {
  const dataDir = tempDir();
  const env = { DATA_DIR: dataDir };

  it('prints help with exit 0, and exit 2 for an unknown command or option', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    for (const command of ['serve', 'migrate', 'seed-demo', 'user create', 'user list', 'token revoke', 'edition create', 'entity alias-add']) {
      assert.ok(help.stdout.includes(command), command);
    }
    assert.ok(help.stdout.includes('DATABASE_URL'));
    const sub = await run(['user', 'create', '--help']);
    assert.equal(sub.code, 0);
    assert.match(sub.stdout, /--email EMAIL --name NAME --role/);
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run(['user', 'list', '--bogus'])).code, 2);
    assert.equal((await run(['user', 'create', '--name', 'No Email', '--role', 'editor', '--password', 'x'.repeat(12)])).code, 2);
    assert.equal((await run([])).code, 2, 'no command at all is a usage error');
  });

  it('answers --help for every noun and verb, and `dateline help <noun> [verb]` the same', async () => {
    const noun = await run(['token', '--help']);
    assert.equal(noun.code, 0, noun.stderr);
    for (const verb of ['create', 'list', 'revoke']) assert.match(noun.stdout, new RegExp(`^  ${verb} `, 'm'));
    const viaHelp = await run(['help', 'token']);
    assert.equal(viaHelp.code, 0);
    assert.equal(viaHelp.stdout, noun.stdout);
    const verb = await run(['help', 'token', 'revoke']);
    assert.equal(verb.code, 0);
    assert.match(verb.stdout, /Usage: dateline token revoke <id>/);
    assert.equal(verb.stdout, (await run(['token', 'revoke', '--help'])).stdout);
    const serve = await run(['serve', '--help']);
    assert.equal(serve.code, 0, 'a noun without verbs has help too');
    assert.match(serve.stdout, /Usage: dateline serve/);
    const bare = await run(['token']);
    assert.equal(bare.code, 2, 'a noun without its verb is a usage error');
    assert.match(bare.stderr, /Usage: dateline token <create\|list\|revoke>/);
    assert.equal((await run(['token', 'frobnicate'])).code, 2);
    assert.equal((await run(['help', 'frobnicate'])).code, 2);
  });

  it('refuses unknown flags, missing and extra arguments with usage and exit 2, before touching any database', async () => {
    const dir = tempDir();
    for (const args of [
      ['token', 'revoke'],
      ['token', 'revoke', '1', '2'],
      ['token', 'revoke', 'seven'],
      ['token', 'list', '--email', 'x@example.org'],
      ['edition', 'list', '--code'],
      ['section', 'create', '--name', 'World'],
    ]) {
      const result = await run(args, { DATA_DIR: dir });
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, new RegExp(`Usage: dateline ${args.slice(0, 2).join(' ')}`), args.join(' '));
    }
    assert.deepEqual(fs.readdirSync(dir), [], 'no database was created');
  });

  it('commands other than serve, migrate and seed-demo need an existing database, and say where they looked', async () => {
    const missing = path.join(tempDir(), 'typo');
    for (const args of [['user', 'list'], ['token', 'list'], ['edition', 'list'], ['jobs', 'list']]) {
      const result = await run(args, { DATA_DIR: missing });
      assert.equal(result.code, 1, args.join(' '));
      assert.ok(oneLine(result.stderr), result.stderr);
      assert.ok(result.stderr.includes(path.join(missing, 'dateline.sqlite')), result.stderr);
      assert.equal(result.stdout, '', 'no "No users." from an empty database');
    }
    assert.equal(fs.existsSync(missing), false, 'nothing was created');
  });

  it('creates users (password as option or on standard input) and lists them; rejects bad input with exit 1', async () => {
    assert.equal((await run(['migrate'], env)).code, 0);
    const created = await run(['user', 'create', '--email', 'Editor@Example.org', '--name', 'Edna', '--role', 'editor', '--password', 'a long enough secret'], env);
    assert.equal(created.code, 0, created.stderr);
    const piped = await run(['user', 'create', '--email', 'rep@example.org', '--name', 'Reza', '--role', 'reporter'], env, 'another long secret\n');
    assert.equal(piped.code, 0, piped.stderr);
    const list = await run(['user', 'list'], env);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /editor\s+editor@example\.org\s+Edna/);
    assert.match(list.stdout, /reporter\s+rep@example\.org\s+Reza/);
    assert.doesNotMatch(list.stdout, /argon2|secret/);

    const duplicate = await run(['user', 'create', '--email', 'editor@example.org', '--name', 'Again', '--role', 'editor', '--password', 'a long enough secret'], env);
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.stderr, /^--email: .+ \(USER_EMAIL_TAKEN\)\n$/, 'the option, a sentence, the code in parentheses');
    const badRole = await run(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'chief', '--password', 'short'], env);
    assert.equal(badRole.code, 1);
    assert.ok(oneLine(badRole.stderr));
    assert.match(badRole.stderr, /--role: [A-Z][^()]+\. --password: [A-Z][^()]+\. \(USER_INVALID\)$/m, 'one sentence per field');
    assert.doesNotMatch(badRole.stderr, /\(role\)|\(password_length/, 'no bare keys');
    const nobody = await run(['token', 'create', '--email', 'nobody@example.org'], env);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /^[A-Z][^()]+\. \(USER_NOT_FOUND\)\n$/, 'a sentence, not a bare code');
  });

  it('migrates idempotently', async () => {
    const again = await run(['migrate'], env);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /up to date/);
  });

  it('shows the job queue and retries dead jobs; refuses bad options with exit 2', async () => {
    const list = await run(['jobs', 'list'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /pending \d+ {2}running \d+ {2}done \d+ {2}dead \d+/);
    assert.equal((await run(['jobs', 'list', '--state', 'stuck'], env)).code, 2);
    assert.equal((await run(['jobs', 'list', '--limit', '0'], env)).code, 2);
    assert.equal((await run(['jobs', 'retry'], env)).code, 2, 'neither --id nor --all-dead');
    assert.equal((await run(['jobs', 'retry', '--id', 'seven'], env)).code, 2);
    assert.equal((await run(['jobs', 'retry', '--id', '1', '--all-dead'], env)).code, 2);
    const none = await run(['jobs', 'retry', '--all-dead'], env);
    assert.equal(none.code, 1, 'nothing to retry is a failure an operator script can see');
    assert.ok(oneLine(none.stdout));
  });

  it('refuses to seed the demo into a database that has content', async () => {
    const dir = tempDir();
    const first = await run(['seed-demo'], { DATA_DIR: dir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Seeded \d+ articles in 3 editions/);
    assert.match(first.stdout, /admin@example\.com \/ \S{20,}/);
    const second = await run(['seed-demo'], { DATA_DIR: dir });
    assert.equal(second.code, 1);
    assert.ok(oneLine(second.stderr));
    const rebuilt = await run(['related', 'rebuild', '--edition', 'fa'], { DATA_DIR: dir });
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /^Rebuilt related articles for \d+ published articles in fa\.$/m);
    const unknown = await run(['related', 'rebuild', '--edition', 'xx'], { DATA_DIR: dir });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /\(EDITION_NOT_FOUND\)$/m);
  });
});

describe('start-up failures give one clear line', () => {
  let blocker: net.Server | undefined;
  after(() => blocker?.close());

  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a bad PORT', { PORT: 'eighty' }, /^Configuration error: PORT must be an integer/],
    ['a DATABASE_URL that is not PostgreSQL', { DATABASE_URL: 'mysql://root@localhost/news' }, /^Configuration error: DATABASE_URL must start with postgres:\/\//],
    ['an unreachable database', { DATABASE_URL: 'postgres://dateline:hunter2@127.0.0.1:1/news' }, /^Cannot reach PostgreSQL at postgres:\/\/dateline:\*\*\*@127\.0\.0\.1:1\/news: ECONNREFUSED$/],
  ];
  for (const [name, env, expected] of cases) {
    it(name, async () => {
      const result = await run(['serve'], { DATA_DIR: tempDir(), ...env });
      assert.equal(result.code, 1);
      assert.ok(oneLine(result.stderr), result.stderr);
      assert.match(result.stderr.trim(), expected);
      assert.doesNotMatch(result.stderr, /hunter2|\n\s+at /);
    });
  }

  it('a port already in use', async () => {
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const result = await run(['serve'], { DATA_DIR: tempDir(), PORT: String(port) });
    assert.equal(result.code, 1);
    assert.ok(oneLine(result.stderr), result.stderr);
    assert.match(result.stderr, new RegExp(`^Port ${port} on 127\\.0\\.0\\.1 is already in use`));
  });

  it('a database that does not exist on a reachable PostgreSQL', { skip: postgresUrl ? false : 'PostgreSQL not available' }, async () => {
    const result = await run(['serve'], { DATA_DIR: tempDir(), DATABASE_URL: withDatabase(postgresUrl ?? '', 'dateline_no_such_db') });
    assert.equal(result.code, 1);
    assert.ok(oneLine(result.stderr), result.stderr);
    assert.match(result.stderr.trim(), /^Cannot reach PostgreSQL .*: database "dateline_no_such_db" does not exist$/);
  });
});
