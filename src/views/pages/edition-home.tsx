// An edition's front page: lead story, top stories, the latest of each section, and the sidebar.
import { ArticleCard } from '../components/article-card.js';
import { Picture } from '../components/image.js';
import { Sidebar } from '../components/sidebar.js';
import { Base, WithSidebar } from '../layouts/base.js';
import type { ArticleCardProps, Chrome, SidebarBlock } from '../props.js';

export interface EditionHomeProps {
  chrome: Chrome;
  heading: string;
  lead?: ArticleCardProps | undefined;
  top: ArticleCardProps[];
  latest: ArticleCardProps[];
  sections: Array<{ name: string; href: string; articles: ArticleCardProps[] }>;
  sidebar: SidebarBlock[];
}

export function EditionHome({ chrome, heading, lead, top, latest, sections, sidebar }: EditionHomeProps) {
  const { t } = chrome;
  const empty = !lead && top.length === 0 && latest.length === 0 && sections.length === 0;
  return (
    <Base chrome={chrome}>
      <h1 class="visually-hidden">{heading}</h1>
      <WithSidebar sidebar={<Sidebar blocks={sidebar} t={t} />}>
        {empty ? <p>{t('site.empty')}</p> : null}
        {lead ? (
          <section class="lead" aria-labelledby="lead-heading">
            <h2 id="lead-heading" class="label">
              {t('home.lead')}
            </h2>
            <article class="lead-story">
              {lead.image ? <Picture image={lead.image} loading="eager" /> : null}
              <h3 class="lead-title">
                <a href={lead.href}>{lead.headline}</a>
              </h3>
              {lead.dek ? <p class="dek">{lead.dek}</p> : null}
              <p class="meta">
                {lead.section ? <span class="section">{lead.section}</span> : null} <time dateTime={lead.datetime}>{lead.dateText}</time>
              </p>
            </article>
          </section>
        ) : null}
        {top.length ? (
          <section class="top" aria-labelledby="top-heading">
            <h2 id="top-heading" class="label">
              {t('home.top')}
            </h2>
            <div class="card-grid">
              {top.map((a) => (
                <ArticleCard key={a.id} a={a} />
              ))}
            </div>
          </section>
        ) : null}
        {latest.length ? (
          <section class="latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading" class="label">
              {t('site.latest')}
            </h2>
            <div class="card-grid">
              {latest.map((a) => (
                <ArticleCard key={a.id} a={a} />
              ))}
            </div>
          </section>
        ) : null}
        {sections.map((s, i) => (
          <section class="section-block" key={s.href} aria-labelledby={`sec-${i}`}>
            <h2 id={`sec-${i}`} class="label">
              <a href={s.href}>{t('home.section_latest', { section: s.name })}</a>
            </h2>
            <div class="card-grid">
              {s.articles.map((a) => (
                <ArticleCard key={a.id} a={a} />
              ))}
            </div>
            <p class="more">
              <a href={s.href}>{t('home.more_in_section', { section: s.name })}</a>
            </p>
          </section>
        ))}
      </WithSidebar>
    </Base>
  );
}
