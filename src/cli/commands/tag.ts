// `dateline tag create|list`: an edition's tags.
import { createTag, listTags } from '../../domain/editions/index.js';
import { out, stringOption, type Noun } from '../command.js';
import { withDatabase } from '../storage.js';
import { editionsToList } from './section.js';

const tag: Noun = {
  name: 'tag',
  summary: 'Tags of an edition',
  verbs: {
    create: {
      summary: 'Add a tag to an edition',
      options: {
        edition: { type: 'string', value: 'CODE', help: 'The edition', required: true },
        name: { type: 'string', value: 'NAME', help: 'Its name, in the edition’s language', required: true },
        slug: { type: 'string', value: 'SLUG', help: 'Its URL segment (default: from the name)' },
      },
      async run(input) {
        const edition = stringOption(input, 'edition')!;
        const slug = stringOption(input, 'slug');
        const created = await withDatabase(input.config(), async (ctx) => {
          const id = await createTag(ctx, { edition, name: stringOption(input, 'name')!, ...(slug !== undefined ? { slug } : {}) });
          return (await listTags(ctx, edition)).find((t) => t.id === id)!;
        });
        out(`Created tag ${created.id} “${created.name}” at /${edition}/tag/${created.slug}.`);
      },
    },
    list: {
      summary: 'List tags by name',
      options: { edition: { type: 'string', value: 'CODE', help: 'Only this edition (default: every edition)' } },
      async run(input) {
        const lines = await withDatabase(input.config(), async (ctx) => {
          const found: string[] = [];
          for (const code of await editionsToList(ctx, stringOption(input, 'edition'))) {
            for (const t of await listTags(ctx, code)) found.push(`${String(t.id).padStart(4)}  ${code.padEnd(8)}  ${t.slug}  ${t.name}`);
          }
          return found;
        });
        if (!lines.length) return out('No tags.');
        for (const l of lines) out(l);
      },
    },
  },
};
export default tag;
