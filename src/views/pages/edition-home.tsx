// An edition's front page: lead story, top stories, the latest of each section, and the sidebar.
// A section's block is headed by the section's own name, as a newspaper's pages are: a composed
// "Latest in {section}" cannot be grammatical in Arabic, where some names carry the article and
// some do not.
import { CardMeta } from '../components/article-card.js';
import { CardBlock } from '../components/card-block.js';
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
              {lead.section ? (
                <p class="kicker">
                  <a href={lead.section.href}>{lead.section.name}</a>
                </p>
              ) : null}
              <h3 class="lead-title">
                <a href={lead.href}>{lead.headline}</a>
              </h3>
              {lead.dek ? <p class="dek">{lead.dek}</p> : null}
              <CardMeta a={lead} />
            </article>
          </section>
        ) : null}
        {top.length ? <CardBlock className="top" id="top-heading" headingClass="label" heading={t('home.top')} articles={top} /> : null}
        {latest.length ? <CardBlock className="latest" id="latest-heading" headingClass="label" heading={t('site.latest')} articles={latest} /> : null}
        {sections.map((s, i) => (
          <CardBlock key={s.href} className="section-block" id={`sec-${i}`} headingClass="label" heading={<a href={s.href}>{s.name}</a>} articles={s.articles}>
            <p class="more">
              <a href={s.href}>{t('home.more_in_section', { section: s.name })}</a>
            </p>
          </CardBlock>
        ))}
      </WithSidebar>
    </Base>
  );
}
