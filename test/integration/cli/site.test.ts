// `dateline site show|set` on every dialect, as an operator runs it: the identity is set site-wide
// and per edition (logo and favicon from files), shown back, refused with a sentence per option
// and the code (exit 1) when a value is bad, and a usage error (exit 2) when nothing is given.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { listIdentityRecords } from '../../../src/domain/site/index.js';
import { runCli } from '../../support/cli.js';
import { createTestDatabase, makeHarness, postgresUrl, tempDir, type TestDatabase } from '../../support/database.js';
import { threeEditions } from '../../fixtures/factories.js';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`dateline site [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    let db: TestDatabase;
    let files: string;
    const run = (...args: string[]) => runCli(args, db.env);

    before(async () => {
      db = await createTestDatabase(dialect);
      await threeEditions(makeHarness(db).ctx());
      files = tempDir('dateline-site-files-');
      fs.writeFileSync(path.join(files, 'logo.png'), await sharp({ create: { width: 200, height: 50, channels: 3, background: '#0f4c5c' } }).png().toBuffer());
      fs.writeFileSync(path.join(files, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" fill="#f2c14e"/></svg>');
      fs.writeFileSync(path.join(files, 'fake.png'), 'this is not a picture');
    });
    after(async () => {
      await db.drop();
      fs.rmSync(files, { recursive: true, force: true });
    });

    it('says nothing is set yet, and explains itself with --help', async () => {
      const empty = await run('site', 'show');
      assert.equal(empty.code, 0, empty.stderr);
      assert.match(empty.stdout, /No identity set/);
      const help = await run('site', '--help');
      assert.equal(help.code, 0);
      assert.match(help.stdout, /show/);
      assert.match(help.stdout, /set/);
      const setHelp = await run('site', 'set', '--help');
      assert.equal(setHelp.code, 0);
      assert.match(setHelp.stdout, /--favicon FILE/);
    });

    it('sets the site-wide identity with a logo and favicon from files, and an edition’s own name', async () => {
      const site = await run('site', 'set', '--name', 'Caspian Wire', '--logo', path.join(files, 'logo.png'), '--favicon', path.join(files, 'icon.svg'), '--social', 'https://x.com/caspian', '--social', 'https://mastodon.example/@caspian', '--color', '#0F4C5C', '--contact', 'mailto:desk@caspian.example');
      assert.equal(site.code, 0, site.stderr);
      assert.match(site.stdout, /Caspian Wire/);
      const fa = await run('site', 'set', '--edition', 'fa', '--name', 'خبرگزاری خزر', '--about', 'https://caspian.example/fa/about');
      assert.equal(fa.code, 0, fa.stderr);
      const records = await listIdentityRecords({ db: db.storage.db });
      const whole = records.find((r) => r.scope === '*');
      assert.equal(whole?.name, 'Caspian Wire');
      assert.deepEqual(whole?.social, ['https://x.com/caspian', 'https://mastodon.example/@caspian']);
      assert.equal(whole?.color, '#0f4c5c');
      assert.deepEqual([whole?.logo?.type, whole?.logo?.width, whole?.logo?.height], ['image/png', 200, 50]);
      assert.equal(whole?.favicon?.type, 'image/svg+xml');
      assert.ok(fs.existsSync(path.join(db.env.DATA_DIR ?? '', 'media', whole?.logo?.key ?? 'missing')), 'the logo is in the blob store');
      assert.equal(records.find((r) => r.scope === 'fa')?.name, 'خبرگزاری خزر');
      const events = await db.storage.db.selectFrom('events').select('payload').where('name', '=', 'site.changed').execute();
      assert.deepEqual(events.map((e) => JSON.parse(e.payload) as unknown), [{ scope: '*' }, { scope: 'fa' }], 'running servers hear of each change');

      const shown = await run('site', 'show', '--edition', 'fa');
      assert.equal(shown.code, 0);
      assert.match(shown.stdout, /name\s+خبرگزاری خزر/);
      assert.match(shown.stdout, /social\s+https:\/\/x\.com\/caspian/, 'inherited from the whole site');
      const all = await run('site', 'show');
      assert.match(all.stdout, /Whole site:[\s\S]*Edition fa/);
    });

    it('refuses bad values with a sentence per option and the code', async () => {
      const bad = await run('site', 'set', '--social', 'http://x.com/caspian', '--color', 'teal', '--logo', path.join(files, 'fake.png'), '--about', 'javascript:alert(1)');
      assert.equal(bad.code, 1);
      assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
      for (const option of ['--social', '--color', '--logo', '--about']) assert.match(bad.stderr, new RegExp(`${option}: [A-Z]`), bad.stderr);
      assert.match(bad.stderr.trim(), /\(SITE_INVALID\)$/);
      assert.ok(!bad.stderr.includes('javascript'), 'the input is not echoed');
      const missing = await run('site', 'set', '--logo', path.join(files, 'nowhere.png'));
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /^--logo: could not read the file \(ENOENT\)\./);
      const unknown = await run('site', 'set', '--edition', 'xx', '--name', 'X');
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /\(EDITION_NOT_FOUND\)/);
      assert.equal((await run('site', 'show', '--edition', 'xx')).code, 1);
      const records = await listIdentityRecords({ db: db.storage.db });
      assert.equal(records.find((r) => r.scope === '*')?.color, '#0f4c5c', 'nothing changed');
    });

    it('is a usage error without a setting, or with an image and its clearing at once', async () => {
      const nothing = await run('site', 'set');
      assert.equal(nothing.code, 2);
      assert.match(nothing.stderr, /at least one setting/);
      const both = await run('site', 'set', '--logo', path.join(files, 'logo.png'), '--clear-logo');
      assert.equal(both.code, 2);
      assert.equal((await run('site', 'set', '--bogus', 'x')).code, 2);
    });

    it('clears the logo and a text', async () => {
      const cleared = await run('site', 'set', '--clear-logo', '--contact', '');
      assert.equal(cleared.code, 0, cleared.stderr);
      const whole = (await listIdentityRecords({ db: db.storage.db })).find((r) => r.scope === '*');
      assert.equal(whole?.logo, null);
      assert.equal(whole?.footer.contact, null);
      assert.equal(whole?.name, 'Caspian Wire', 'the rest stays');
    });
  });
}
