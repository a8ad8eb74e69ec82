// The reader search page: the query form with its filters, the result count, the topic page of a
// recognised name, hits with highlighted snippets, and, when nothing matched, suggestions.
import { ArticleCard } from '../components/article-card.js';
import { Base } from '../layouts/base.js';
import type { ArticleCardProps, Chrome } from '../props.js';

export interface SearchHitProps extends ArticleCardProps {
  /** Text around the match; `match` segments are the words found. */
  snippet: Array<{ text: string; match: boolean }>;
}

export interface SearchFormValues {
  q: string;
  section: string;
  from: string;
  to: string;
  sort: 'relevance' | 'date';
}

export interface SearchPageProps {
  chrome: Chrome;
  action: string;
  values: SearchFormValues;
  sections: Array<{ slug: string; name: string }>;
  /** Absent when no query was asked: the page is then just the form. */
  results?:
    | {
        countText: string;
        entity?: { name: string; href: string } | undefined;
        /** Said above the hits: the spelling searched instead, or that only some words matched. */
        notice?: string | undefined;
        hits: SearchHitProps[];
        suggestions: Array<{ text: string; href: string }>;
        latest: ArticleCardProps[];
        pageText?: string | undefined;
        prevHref?: string | undefined;
        nextHref?: string | undefined;
      }
    | undefined;
}

function SearchForm({ t, action, values, sections }: Pick<SearchPageProps, 'action' | 'values' | 'sections'> & { t: Chrome['t'] }) {
  return (
    <form role="search" class="search-form" action={action} method="get" aria-label={t('search.refine')}>
      <p class="search-query">
        <label for="search-q">{t('search.query')}</label>
        <input id="search-q" type="search" name="q" maxLength={1000} value={values.q} dir="auto" />
        <button type="submit">{t('search.submit')}</button>
      </p>
      <fieldset class="search-filters">
        <legend>{t('search.refine')}</legend>
        <p>
          <label for="search-section">{t('search.section')}</label>
          <select id="search-section" name="section">
            <option value="" selected={values.section === ''}>
              {t('search.section_any')}
            </option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug} selected={values.section === s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="search-from">{t('search.from')}</label>
          <input id="search-from" type="date" name="from" value={values.from} />
        </p>
        <p>
          <label for="search-to">{t('search.to')}</label>
          <input id="search-to" type="date" name="to" value={values.to} />
        </p>
        <p>
          <label for="search-sort">{t('search.sort')}</label>
          <select id="search-sort" name="sort">
            <option value="relevance" selected={values.sort === 'relevance'}>
              {t('search.sort_relevance')}
            </option>
            <option value="date" selected={values.sort === 'date'}>
              {t('search.sort_date')}
            </option>
          </select>
        </p>
      </fieldset>
    </form>
  );
}

function Hit({ hit }: { hit: SearchHitProps }) {
  return (
    <article class="card hit">
      <h2 class="card-title">
        <a href={hit.href}>{hit.headline}</a>
      </h2>
      <p class="meta">
        {hit.section ? <span class="section">{hit.section}</span> : null} <time dateTime={hit.datetime}>{hit.dateText}</time>
        {hit.comments ? (
          <>
            {' · '}
            <a class="card-comments" href={hit.comments.href}>
              {hit.comments.text}
            </a>
          </>
        ) : null}
      </p>
      {/* Segments are text children, so preact escapes them; only <mark> is markup of ours. */}
      <p class="snippet" dir="auto">
        {hit.snippet.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}
      </p>
    </article>
  );
}

export function SearchPage({ chrome, action, values, sections, results }: SearchPageProps) {
  const { t } = chrome;
  return (
    <Base chrome={chrome}>
      <h1>{t('search.heading')}</h1>
      <SearchForm t={t} action={action} values={values} sections={sections} />
      {results ? (
        <section class="search-results" aria-labelledby="search-count">
          <p id="search-count" class="search-count" role="status">
            {results.countText}
          </p>
          {results.notice ? <p class="search-notice">{results.notice}</p> : null}
          {results.entity ? (
            <p class="search-entity">
              <a href={results.entity.href}>{t('search.entity', { name: results.entity.name })}</a>
            </p>
          ) : null}
          {results.hits.length ? (
            <ol class="article-list">
              {results.hits.map((hit) => (
                <li key={hit.id}>
                  <Hit hit={hit} />
                </li>
              ))}
            </ol>
          ) : (
            <>
              <p>{t('search.no_results')}</p>
              {results.suggestions.length ? (
                <>
                  <p>{t('search.suggestions')}</p>
                  <ul class="search-suggestions">
                    {results.suggestions.map((s) => (
                      <li key={s.href}>
                        <a href={s.href} dir="auto">
                          {s.text}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {results.latest.length ? (
                <>
                  <h2 class="label">{t('search.latest')}</h2>
                  <ol class="article-list">
                    {results.latest.map((a) => (
                      <li key={a.id}>
                        <ArticleCard a={a} level={3} />
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
            </>
          )}
          {results.prevHref || results.nextHref ? (
            <nav aria-label={t('pagination.label')} class="pagination">
              {results.prevHref ? (
                <a rel="prev" href={results.prevHref}>
                  {t('search.previous')}
                </a>
              ) : null}
              {results.pageText ? <span>{results.pageText}</span> : null}
              {results.nextHref ? (
                <a rel="next" href={results.nextHref}>
                  {t('search.next')}
                </a>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </Base>
  );
}
