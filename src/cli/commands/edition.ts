// `dateline edition create|list|update`: the languages the agency publishes in. Settings left out
// of `create` come from CLDR for the code (fa → rtl, persian calendar, Persian digits).
import { createEdition, editionDefaults, getEdition, listEditions, updateEdition, type EditionPatch } from '../../domain/editions/index.js';
import { integerOption, out, stringOption, type Input, type Noun, type OptionSpec } from '../command.js';
import { withDatabase } from '../storage.js';

const FIELDS = { nativeName: 'name', englishName: 'english-name', timeZone: 'time-zone' };

const settings: Record<string, OptionSpec> = {
  'english-name': { type: 'string', value: 'NAME', help: 'Its name in English (default: from CLDR)' },
  direction: { type: 'string', value: 'ltr|rtl', help: 'Writing direction (default: from the language’s script)' },
  locale: { type: 'string', value: 'TAG', help: 'Locale for dates and numbers (default: the code)' },
  calendar: { type: 'string', value: 'CALENDAR', help: 'gregory, persian, islamic-umalqura… (default: the locale’s)' },
  numbering: { type: 'string', value: 'SYSTEM', help: 'latn, arab, arabext… (default: the locale’s)' },
  'time-zone': { type: 'string', value: 'ZONE', help: 'IANA time zone, e.g. Asia/Tehran (default: UTC)' },
  position: { type: 'string', value: 'N', help: 'Order in the language links (default: 0)' },
  default: { type: 'boolean', help: 'Make it the edition a visitor without a language preference sees' },
};

function patchOf(input: Input): EditionPatch {
  const direction = stringOption(input, 'direction');
  const position = integerOption(input, 'position', { min: -100_000, max: 100_000 });
  const patch: EditionPatch = {
    nativeName: stringOption(input, 'name'),
    englishName: stringOption(input, 'english-name'),
    direction: direction as EditionPatch['direction'],
    locale: stringOption(input, 'locale'),
    calendar: stringOption(input, 'calendar'),
    numbering: stringOption(input, 'numbering'),
    timeZone: stringOption(input, 'time-zone'),
    ...(position !== undefined ? { position } : {}),
    ...(input.options.default === true ? { isDefault: true } : {}),
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as EditionPatch;
}

function englishNameOf(code: string): string | undefined {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

const edition: Noun = {
  name: 'edition',
  summary: 'Editions: the languages the agency publishes in',
  verbs: {
    create: {
      summary: 'Add an edition',
      options: {
        code: { type: 'string', value: 'CODE', help: 'Language tag, also the URL prefix: en, fa, pt-BR', required: true },
        name: { type: 'string', value: 'NAME', help: 'Its name in its own language: فارسی, English', required: true },
        ...settings,
      },
      fields: FIELDS,
      notes: ['Example: dateline edition create --code fa --name فارسی --time-zone Asia/Tehran'],
      async run(input) {
        const code = stringOption(input, 'code')!;
        const defaults = editionDefaults(code);
        const patch = patchOf(input);
        const created = {
          code,
          nativeName: patch.nativeName ?? '',
          englishName: patch.englishName ?? englishNameOf(code) ?? patch.nativeName ?? '',
          direction: patch.direction ?? defaults?.direction ?? 'ltr',
          locale: patch.locale ?? defaults?.locale ?? code,
          calendar: patch.calendar ?? defaults?.calendar ?? 'gregory',
          numbering: patch.numbering ?? defaults?.numbering ?? 'latn',
          timeZone: patch.timeZone ?? 'UTC',
          isDefault: patch.isDefault === true,
          ...(patch.position !== undefined ? { position: patch.position } : {}),
        };
        await withDatabase(input.config(), async (ctx) => {
          // The first edition is the default one: a site needs one to answer "/".
          const first = (await listEditions(ctx.db)).length === 0;
          await createEdition(ctx, { ...created, isDefault: created.isDefault || first });
          const stored = await getEdition(ctx.db, code);
          out(`Created edition ${stored.code} (${stored.nativeName}, ${stored.direction}, ${stored.calendar} calendar, ${stored.numbering} digits, ${stored.timeZone})${stored.isDefault ? ', the default' : ''}.`);
        });
      },
    },
    list: {
      summary: 'List the editions',
      async run(input) {
        const editions = await withDatabase(input.config(), (ctx) => listEditions(ctx.db));
        if (!editions.length) return out('No editions yet; add one with `dateline edition create`.');
        for (const e of editions) {
          out(`${e.code.padEnd(8)}  ${e.direction}  ${e.locale.padEnd(8)}  ${e.calendar.padEnd(16)}  ${e.numbering.padEnd(8)}  ${e.timeZone.padEnd(16)}  ${e.nativeName} (${e.englishName})${e.isDefault ? '  default' : ''}`);
        }
      },
    },
    update: {
      summary: 'Change an edition’s names or settings (its code stays)',
      args: [{ name: 'code', help: 'The edition to change' }],
      options: { name: { type: 'string', value: 'NAME', help: 'Its name in its own language' }, ...settings },
      fields: FIELDS,
      async run(input) {
        const code = input.args[0]!;
        const updated = await withDatabase(input.config(), (ctx) => updateEdition(ctx, code, patchOf(input)));
        out(`Updated edition ${updated.code} (${updated.nativeName}, ${updated.direction}, ${updated.calendar} calendar, ${updated.numbering} digits, ${updated.timeZone})${updated.isDefault ? ', the default' : ''}.`);
      },
    },
  },
};
export default edition;
