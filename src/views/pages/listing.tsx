// Section, tag and entity pages: a keyset-paginated list with rel=prev/next links.
import { ArticleCard } from '../components/article-card.js';
import { Sidebar } from '../components/sidebar.js';
import { Base, WithSidebar } from '../layouts/base.js';
import type { ArticleCardProps, Chrome, SidebarBlock } from '../props.js';

export interface ListingProps {
  chrome: Chrome;
  heading: string;
  articles: ArticleCardProps[];
  newerHref?: string | undefined;
  olderHref?: string | undefined;
  feedHref?: string | undefined;
  sidebar: SidebarBlock[];
}

export function Listing({ chrome, heading, articles, newerHref, olderHref, feedHref, sidebar }: ListingProps) {
  const { t } = chrome;
  return (
    <Base chrome={chrome}>
      <WithSidebar sidebar={<Sidebar blocks={sidebar} t={t} />}>
        <h1>{heading}</h1>
        {feedHref ? (
          <p class="subscribe">
            <a href={feedHref} type="application/rss+xml">
              {t('feeds.rss')}
            </a>
          </p>
        ) : null}
        {articles.length === 0 ? <p>{t('site.empty')}</p> : null}
        <ol class="article-list">
          {articles.map((a) => (
            <li key={a.id}>
              <ArticleCard a={a} level={2} />
            </li>
          ))}
        </ol>
        {newerHref || olderHref ? (
          <nav aria-label={t('pagination.label')} class="pagination">
            {newerHref ? (
              <a rel="prev" href={newerHref}>
                {t('pagination.newer')}
              </a>
            ) : null}
            {olderHref ? (
              <a rel="next" href={olderHref}>
                {t('pagination.older')}
              </a>
            ) : null}
          </nav>
        ) : null}
      </WithSidebar>
    </Base>
  );
}
