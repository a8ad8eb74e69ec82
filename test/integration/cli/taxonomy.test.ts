// Setting up a newsroom without the demo: editions, sections, tags and entities from the CLI, on
// every dialect. Each is created, listed, refused when invalid or a duplicate (exit 1, a sentence
// per option, the code in parentheses), and lands through the domain (events in the outbox).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findEntitiesByName, getEdition } from '../../../src/domain/editions/index.js';
import { runCli } from '../../support/cli.js';
import { createTestDatabase, makeHarness, postgresUrl, type TestDatabase } from '../../support/database.js';

const oneLine = (text: string) => text.trim().split('\n').length === 1;

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`dateline edition/section/tag/entity [${dialect}]`, { skip: dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available' : false }, () => {
    let db: TestDatabase;
    const run = (...args: string[]) => runCli(args, db.env);
    /** Exit 1 with one line: the options named, then the code. */
    const refused = async (args: string[], code: string, options: string[]) => {
      const result = await run(...args);
      assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
      assert.ok(oneLine(result.stderr), result.stderr);
      assert.match(result.stderr.trim(), new RegExp(`\\(${code}\\)$`), result.stderr);
      for (const option of options) assert.match(result.stderr, new RegExp(`(^| )${option}: [A-Z]`), `${option} in ${result.stderr}`);
      assert.equal(result.stdout, '');
    };
    const events = async (name: string) =>
      (await db.storage.db.selectFrom('events').select('payload').where('name', '=', name).execute()).map((e) => JSON.parse(e.payload) as Record<string, unknown>);

    before(async () => {
      db = await createTestDatabase(dialect);
    });
    after(() => db.drop());

    it('creates editions with CLDR defaults, lists and updates them; refuses duplicates and bad settings', async () => {
      const fa = await run('edition', 'create', '--code', 'fa', '--name', 'فارسی', '--time-zone', 'Asia/Tehran');
      assert.equal(fa.code, 0, fa.stderr);
      const stored = await getEdition(db.storage.db, 'fa');
      assert.deepEqual(
        { direction: stored.direction, calendar: stored.calendar, numbering: stored.numbering, timeZone: stored.timeZone, isDefault: stored.isDefault },
        { direction: 'rtl', calendar: 'persian', numbering: 'arabext', timeZone: 'Asia/Tehran', isDefault: true },
        'direction, calendar and digits from the language; the first edition is the default',
      );
      assert.equal((await run('edition', 'create', '--code', 'en', '--name', 'English', '--locale', 'en-GB')).code, 0);
      assert.equal((await getEdition(db.storage.db, 'en')).direction, 'ltr');

      await refused(['edition', 'create', '--code', 'fa', '--name', 'Again'], 'EDITION_CODE_TAKEN', ['--code']);
      await refused(['edition', 'create', '--code', 'not a code', '--name', 'X', '--calendar', 'lunar-ish'], 'EDITION_INVALID', ['--code', '--locale']);
      const badDirection = await run('edition', 'create', '--code', 'de', '--name', 'Deutsch', '--direction', 'up');
      assert.equal(badDirection.code, 1);
      assert.match(badDirection.stderr, /--direction: /);

      const updated = await run('edition', 'update', 'en', '--name', 'English edition', '--default');
      assert.equal(updated.code, 0, updated.stderr);
      assert.equal((await getEdition(db.storage.db, 'en')).isDefault, true);
      assert.equal((await getEdition(db.storage.db, 'fa')).isDefault, false, 'one default edition');
      await refused(['edition', 'update', 'xx', '--name', 'Nobody'], 'EDITION_NOT_FOUND', []);

      const list = await run('edition', 'list');
      assert.equal(list.code, 0);
      assert.match(list.stdout, /^en\s+ltr\s+en-GB\s+gregory\s+latn\s+UTC\s+English edition \(English\)\s+default$/m);
      assert.match(list.stdout, /^fa\s+rtl\s+fa\s+persian\s+arabext\s+Asia\/Tehran\s+فارسی \(Persian\)$/m);
      assert.deepEqual((await events('edition.changed')).map((p) => p.code), ['fa', 'en', 'en'], 'every change recorded its event');
    });

    it('creates sections (slug from the name in any script), lists and updates them; refuses duplicates and bad input', async () => {
      const fa = await run('section', 'create', '--edition', 'fa', '--name', 'سیاست خارجی');
      assert.equal(fa.code, 0, fa.stderr);
      assert.match(fa.stdout, /\/fa\/section\/سیاست-خارجی/);
      assert.equal((await run('section', 'create', '--edition', 'en', '--name', 'World', '--position', '2')).code, 0);
      await refused(['section', 'create', '--edition', 'fa', '--name', 'سیاست  خارجی'], 'SECTION_SLUG_TAKEN', ['--slug']);
      await refused(['section', 'create', '--edition', 'zz', '--name', 'Nowhere', '--slug', 'Bad Slug'], 'SECTION_INVALID', ['--edition', '--slug']);

      const renamed = await run('section', 'update', 'world', '--edition', 'en', '--name', 'The World', '--new-slug', 'the-world');
      assert.equal(renamed.code, 0, renamed.stderr);
      await refused(['section', 'update', 'world', '--edition', 'en', '--name', 'Gone'], 'SECTION_NOT_FOUND', []);
      assert.equal((await run('section', 'create', '--edition', 'en', '--name', 'Sport')).code, 0);
      await refused(['section', 'update', 'sport', '--edition', 'en', '--new-slug', 'the-world'], 'SECTION_SLUG_TAKEN', ['--new-slug']);

      const list = await run('section', 'list');
      assert.equal(list.code, 0);
      assert.match(list.stdout, /^\s+\d+\s+fa\s+سیاست-خارجی\s+سیاست خارجی$/m);
      assert.match(list.stdout, /^\s+\d+\s+en\s+the-world\s+The World$/m);
      const onlyFa = await run('section', 'list', '--edition', 'fa');
      assert.doesNotMatch(onlyFa.stdout, /the-world/);
      await refused(['section', 'list', '--edition', 'zz'], 'EDITION_NOT_FOUND', []);
      assert.equal((await events('section.changed')).length, 4, 'three creations and one update');
    });

    it('creates and lists tags; refuses duplicates and unknown editions', async () => {
      const created = await run('tag', 'create', '--edition', 'en', '--name', 'Climate Change');
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stdout, /\/en\/tag\/climate-change/);
      await refused(['tag', 'create', '--edition', 'en', '--name', 'Climate change'], 'TAG_SLUG_TAKEN', ['--slug']);
      await refused(['tag', 'create', '--edition', 'zz', '--name', 'Climate'], 'TAG_INVALID', ['--edition']);
      await refused(['tag', 'create', '--edition', 'en', '--name', 'n'.repeat(121)], 'TAG_INVALID', ['--name']);
      const list = await run('tag', 'list', '--edition', 'en');
      assert.equal(list.code, 0);
      assert.match(list.stdout, /^\s+\d+\s+en\s+climate-change\s+Climate Change$/m);
      assert.equal((await events('tag.changed')).length, 1);
    });

    it('creates entities with names per edition language and aliases, adds aliases; refuses duplicates and bad input', async () => {
      const created = await run('entity', 'create', '--key', 'tehran', '--kind', 'place', '--name', 'en=Tehran', '--name', 'fa=تهران', '--alias', 'fa=طهران');
      assert.equal(created.code, 0, created.stderr);
      const [id] = await findEntitiesByName(makeHarness(db).ctx(), 'fa', 'طهران');
      assert.ok(id, 'the alias matches the entity');
      assert.equal((await run('entity', 'create', '--key', 'un', '--kind', 'organization', '--name', 'en=United Nations')).code, 0, 'US spelling of the kind');

      await refused(['entity', 'create', '--key', 'tehran', '--kind', 'place', '--name', 'en=Tehran'], 'ENTITY_KEY_TAKEN', ['--key']);
      await refused(['entity', 'create', '--key', 'Bad Key', '--kind', 'planet', '--name', 'zz=Mars'], 'ENTITY_INVALID', ['--key', '--kind', '--name zz']);
      assert.equal((await run('entity', 'create', '--key', 'x', '--kind', 'place', '--name', 'en=X', '--alias', 'fa=ایکس')).code, 2, 'an alias in a language without a name');

      const added = await run('entity', 'alias-add', 'tehran', '--alias', 'en=Teheran', '--alias', 'en=Tihrān');
      assert.equal(added.code, 0, added.stderr);
      await refused(['entity', 'alias-add', 'tehran', '--alias', 'fa=طهران'], 'ENTITY_NAME_TAKEN', ['--alias fa']);
      await refused(['entity', 'alias-add', 'nowhere', '--alias', 'en=Nowhere'], 'ENTITY_NOT_FOUND', []);

      const list = await run('entity', 'list');
      assert.equal(list.code, 0);
      assert.match(list.stdout, /^\s+\d+\s+tehran\s+place$/m);
      assert.match(list.stdout, /^\s+en: Tehran {2}\(also: Teheran, Tihrān\)$/m);
      assert.match(list.stdout, /^\s+fa: تهران {2}\(also: طهران\)$/m);
      assert.match(list.stdout, /^\s+\d+\s+un\s+organisation$/m);
      assert.equal((await events('entity.changed')).length, 3, 'two creations and one alias-add');
    });
  });
}
