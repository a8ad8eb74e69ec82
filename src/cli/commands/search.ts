// `dateline search reindex`: rebuild the search index from the articles.
import { rebuildSearchIndex } from '../../domain/search/index.js';
import { out, stringOption, type Noun } from '../command.js';
import { withDatabase } from '../storage.js';
import { assertEdition } from '../edition-option.js';

const search: Noun = {
  name: 'search',
  summary: 'The search index',
  verbs: {
    reindex: {
      summary: 'Rebuild the search index from the articles (after an import, or a change to how text is read)',
      options: { edition: { type: 'string', value: 'CODE', help: 'Only this edition' } },
      async run(input) {
        const edition = stringOption(input, 'edition');
        const result = await withDatabase(input.config(), async (ctx, storage) => {
          await assertEdition(ctx, edition);
          const rebuilt = await rebuildSearchIndex(ctx, edition);
          await storage.adapter.analyze(storage.db, ['search_documents', 'search_terms']);
          return rebuilt;
        });
        // Search pages are cached briefly by the web side, so no purge is recorded for running servers.
        out(`Reindexed ${result.articles} published articles for search${edition ? ` in ${edition}` : ''}.`);
      },
    },
  },
};
export default search;
