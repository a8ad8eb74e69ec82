// `dateline section create|list|update`: an edition's sections (its navigation and listings).
import { createSection, listEditions, listSections, updateSection, type DomainCtx } from '../../domain/editions/index.js';
import { integerOption, out, stringOption, type Noun } from '../command.js';
import { assertEdition } from '../edition-option.js';
import { withDatabase } from '../storage.js';

/** The editions a listing covers: the one asked for, or all of them. */
export async function editionsToList(ctx: DomainCtx, edition: string | undefined): Promise<string[]> {
  await assertEdition(ctx, edition);
  return edition !== undefined ? [edition] : (await listEditions(ctx.db)).map((e) => e.code);
}

const section: Noun = {
  name: 'section',
  summary: 'Sections of an edition',
  verbs: {
    create: {
      summary: 'Add a section to an edition',
      options: {
        edition: { type: 'string', value: 'CODE', help: 'The edition', required: true },
        name: { type: 'string', value: 'NAME', help: 'Its name, in the edition’s language', required: true },
        slug: { type: 'string', value: 'SLUG', help: 'Its URL segment (default: from the name)' },
        position: { type: 'string', value: 'N', help: 'Order in the navigation (default: 0)' },
      },
      async run(input) {
        const edition = stringOption(input, 'edition')!;
        const slug = stringOption(input, 'slug');
        const position = integerOption(input, 'position', { min: -100_000, max: 100_000 });
        const created = await withDatabase(input.config(), async (ctx) => {
          const id = await createSection(ctx, { edition, name: stringOption(input, 'name')!, ...(slug !== undefined ? { slug } : {}), ...(position !== undefined ? { position } : {}) });
          return (await listSections(ctx, edition)).find((s) => s.id === id)!;
        });
        out(`Created section ${created.id} “${created.name}” at /${edition}/section/${created.slug}.`);
      },
    },
    list: {
      summary: 'List sections, in navigation order',
      options: { edition: { type: 'string', value: 'CODE', help: 'Only this edition (default: every edition)' } },
      async run(input) {
        const lines = await withDatabase(input.config(), async (ctx) => {
          const found: string[] = [];
          for (const code of await editionsToList(ctx, stringOption(input, 'edition'))) {
            for (const s of await listSections(ctx, code)) found.push(`${String(s.id).padStart(4)}  ${code.padEnd(8)}  ${s.slug}  ${s.name}`);
          }
          return found;
        });
        if (!lines.length) return out('No sections.');
        for (const l of lines) out(l);
      },
    },
    update: {
      summary: 'Rename, re-slug or reorder a section',
      args: [{ name: 'slug', help: 'The section’s current slug' }],
      options: {
        edition: { type: 'string', value: 'CODE', help: 'Its edition', required: true },
        name: { type: 'string', value: 'NAME', help: 'New name' },
        'new-slug': { type: 'string', value: 'SLUG', help: 'New URL segment (old links then answer 404)' },
        position: { type: 'string', value: 'N', help: 'New place in the navigation' },
      },
      fields: { slug: 'new-slug' },
      async run(input) {
        const edition = stringOption(input, 'edition')!;
        const name = stringOption(input, 'name');
        const slug = stringOption(input, 'new-slug');
        const position = integerOption(input, 'position', { min: -100_000, max: 100_000 });
        const updated = await withDatabase(input.config(), async (ctx) => {
          await assertEdition(ctx, edition);
          const id = await updateSection(ctx, { edition, slug: input.args[0]! }, { ...(name !== undefined ? { name } : {}), ...(slug !== undefined ? { slug } : {}), ...(position !== undefined ? { position } : {}) });
          return (await listSections(ctx, edition)).find((s) => s.id === id)!;
        });
        out(`Updated section ${updated.id} “${updated.name}” at /${edition}/section/${updated.slug}.`);
      },
    },
  },
};
export default section;
