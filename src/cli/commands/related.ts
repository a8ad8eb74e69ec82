// `dateline related rebuild`: recompute related-article lists, and tell running servers.
import { rebuildRelated } from '../../domain/articles/index.js';
import { transact } from '../../storage/outbox.js';
import { out, stringOption, type Noun } from '../command.js';
import { withDatabase } from '../storage.js';
import { assertEdition } from '../edition-option.js';

const related: Noun = {
  name: 'related',
  summary: 'Related-article lists',
  verbs: {
    rebuild: {
      summary: 'Recompute every related-articles list (after an import, or a change to the scoring)',
      options: { edition: { type: 'string', value: 'CODE', help: 'Only this edition' } },
      async run(input) {
        const edition = stringOption(input, 'edition');
        const result = await withDatabase(input.config(), async (ctx, storage) => {
          await assertEdition(ctx, edition);
          const rebuilt = await rebuildRelated(ctx, edition);
          await storage.adapter.analyze(storage.db, ['article_terms', 'related_articles']);
          // Running servers read this from the outbox and drop the pages showing the old lists.
          await transact(ctx, (_trx, record) => record('related.rebuilt', {}));
          return rebuilt;
        });
        out(`Rebuilt related articles for ${result.articles} published articles${edition ? ` in ${edition}` : ''}.`);
      },
    },
  },
};
export default related;
