// An edition's front page: the latest published articles, newest first.
import { Base } from '../layouts/base.js';
import type { ArticleCardProps, Chrome } from '../props.js';

export interface EditionHomeProps {
  chrome: Chrome;
  heading: string;
  articles: ArticleCardProps[];
  olderHref?: string | undefined;
}

export function EditionHome({ chrome, heading, articles, olderHref }: EditionHomeProps) {
  const { t } = chrome;
  return (
    <Base chrome={chrome}>
      <h1>{heading}</h1>
      {articles.length === 0 ? <p>{t('site.empty')}</p> : null}
      <ol class="article-list">
        {articles.map((a) => (
          <li key={a.id}>
            <article>
              <h2>
                <a href={a.href}>{a.headline}</a>
              </h2>
              {a.dek ? <p class="dek">{a.dek}</p> : null}
              <p class="meta">
                {a.section ? <span class="section">{a.section}</span> : null} <time dateTime={a.datetime}>{a.dateText}</time>
              </p>
            </article>
          </li>
        ))}
      </ol>
      {olderHref ? (
        <nav aria-label={t('pagination.label')}>
          <a rel="next" href={olderHref}>
            {t('pagination.older')}
          </a>
        </nav>
      ) : null}
    </Base>
  );
}
