// The read of related articles at render time: an article's stored list, best first, with only
// the articles readers may see now.
import type { DbCtx } from '../../storage/database.js';
import { prepared } from '../../storage/prepared.js';
import { summaryColumns, toSummary, type ArticleSummary } from './records.js';
import { RELATED } from './related-scoring.js';
import { nowOf, visible } from './visibility.js';

// Compiled once: it runs on every article page miss. Lists never cross editions (refresh and
// rebuild score only the source's edition), so the edition needs no check here.
const storedRelated = prepared((db, articleId: number, limit: number, now: string) =>
  db
    .selectFrom('related_articles')
    .innerJoin('articles', 'articles.id', 'related_articles.related_id')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select(summaryColumns)
    .where('related_articles.article_id', '=', articleId)
    .where(visible({ now }))
    .orderBy('related_articles.rank')
    .limit(limit),
);

export async function listRelated(ctx: DbCtx, articleId: number, limit = 6): Promise<ArticleSummary[]> {
  const take = Number.isFinite(limit) ? Math.max(1, Math.min(RELATED.stored, Math.floor(limit))) : 6;
  return (await storedRelated(ctx.db, articleId, take, nowOf(ctx))).map(toSummary);
}
