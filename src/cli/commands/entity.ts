// `dateline entity create|list|alias-add`: people, places and organisations, with a name per
// edition language and any number of aliases ("Deir ez-Zor", "Deir Ezzor") that search and
// topic pages match after folding.
import { addEntityNames, createEntity, listEntities, type EntityKind, type NewEntity } from '../../domain/editions/index.js';
import { UsageError, languagePairs, out, stringOption, type Noun } from '../command.js';
import { withDatabase } from '../storage.js';

/** The US spelling is accepted; the stored kind is `organisation`. */
const kindOf = (raw: string): EntityKind => (raw === 'organization' ? 'organisation' : (raw as EntityKind));

const entity: Noun = {
  name: 'entity',
  summary: 'People, places and organisations, named per language',
  verbs: {
    create: {
      summary: 'Add an entity with its name in one or more edition languages, and aliases',
      options: {
        key: { type: 'string', value: 'KEY', help: 'Stable identifier and URL segment: tehran, un-security-council', required: true },
        kind: { type: 'string', value: 'person|place|organisation', help: 'What it is', required: true },
        name: { type: 'string', value: 'LANG=NAME', help: 'Its name in an edition’s language; repeat per language', required: true, multiple: true },
        alias: { type: 'string', value: 'LANG=ALIAS', help: 'Another spelling in a language that has a --name; repeatable', multiple: true },
      },
      fields: { names: 'name' },
      notes: ['Example: dateline entity create --key tehran --kind place --name en=Tehran --name fa=تهران --alias fa=طهران'],
      async run(input) {
        const names: NewEntity['names'] = {};
        for (const [language, name] of languagePairs(input, 'name')) {
          if (names[language]) throw new UsageError(`--name ${language}= is given twice; give other spellings with --alias ${language}=…`);
          names[language] = { name, aliases: [] };
        }
        for (const [language, alias] of languagePairs(input, 'alias')) {
          const own = names[language];
          if (!own) throw new UsageError(`--alias ${language}=… needs a --name ${language}=… as well`);
          own.aliases!.push(alias);
        }
        const key = stringOption(input, 'key')!;
        const id = await withDatabase(input.config(), (ctx) => createEntity(ctx, { key, kind: kindOf(stringOption(input, 'kind')!), names }));
        out(`Created entity ${id} ${key} in ${Object.keys(names).join(', ')}.`);
      },
    },
    list: {
      summary: 'List entities by key, with their names and aliases per language',
      options: { language: { type: 'string', value: 'LANG', help: 'Only names in this language' } },
      async run(input) {
        const language = stringOption(input, 'language');
        const entities = await withDatabase(input.config(), (ctx) => listEntities(ctx));
        if (!entities.length) return out('No entities.');
        for (const e of entities) {
          out(`${String(e.id).padStart(4)}  ${e.key}  ${e.kind}`);
          for (const [lang, n] of Object.entries(e.names)) {
            if (language !== undefined && lang !== language) continue;
            out(`        ${lang}: ${n.name}${n.aliases.length ? `  (also: ${n.aliases.join(', ')})` : ''}`);
          }
        }
      },
    },
    'alias-add': {
      summary: 'Add names to an entity; in a language it has no name in yet, the first becomes its name there',
      args: [{ name: 'key', help: 'The entity’s key' }],
      options: { alias: { type: 'string', value: 'LANG=ALIAS', help: 'The name to add; repeatable', required: true, multiple: true } },
      fields: { names: 'alias' },
      async run(input) {
        const key = input.args[0]!;
        const names = languagePairs(input, 'alias').map(([language, name]) => ({ language, name }));
        await withDatabase(input.config(), (ctx) => addEntityNames(ctx, key, names));
        out(`Added ${names.length === 1 ? 'a name' : `${names.length} names`} to ${key}.`);
      },
    },
  },
};
export default entity;
