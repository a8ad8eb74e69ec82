// The article page: headline, dek, dateline and credit, byline, times, featured image, body,
// tags and entities, and links to the same story in other editions.
import { CardBlock } from '../components/card-block.js';
import { CommentsSection, type CommentsSectionProps } from '../components/comments.js';
import { Picture } from '../components/image.js';
import { Isolated } from '../components/isolated.js';
import { Sidebar } from '../components/sidebar.js';
import { Base, WithSidebar } from '../layouts/base.js';
import type { ArticleCardProps, Chrome, ImageProps, SidebarBlock } from '../props.js';

export interface ArticlePageProps {
  chrome: Chrome;
  headline: string;
  dek: string;
  dateline: string;
  creditLine: string;
  byline: string;
  published: { datetime: string; text: string };
  updated?: { datetime: string; text: string } | undefined;
  image?: (ImageProps & { caption: string; credit: string }) | undefined;
  /** Sanitized HTML from the domain's document renderer. */
  bodyHtml: string;
  /** A body with images or embeds, in parts (then bodyHtml is not drawn). */
  bodyParts?: BodyPartProps[] | undefined;
  /** The click-to-load script, on pages with embeds. */
  embedScriptHref?: string | undefined;
  section?: { name: string; href: string } | undefined;
  tags: Array<{ name: string; href: string }>;
  entities: Array<{ name: string; href: string }>;
  translations: Array<{ lang: string; dir: 'ltr' | 'rtl'; languageName: string; headline: string; href: string }>;
  related: ArticleCardProps[];
  sidebar: SidebarBlock[];
  comments?: CommentsSectionProps | undefined;
  commentCount?: { text: string; href: string } | undefined;
}

export type BodyPartProps =
  | { kind: 'html'; html: string }
  | { kind: 'image'; image: ImageProps; caption: string; credit: string }
  | { kind: 'embed'; provider: 'youtube' | 'x' | 'telegram'; url: string; frameSrc: string };

/**
 * A click-to-load card: the provider, why nothing is loaded yet, and a link to the original. It
 * makes no request to the provider; the script (when it runs) shows the button that puts the
 * player in its place, and without it the link is the way to the content.
 */
function EmbedCard({ part, t }: { part: Extract<BodyPartProps, { kind: 'embed' }>; t: Chrome['t'] }) {
  const provider = t(`embed.provider.${part.provider}`);
  return (
    <figure class={`embed-card embed-${part.provider}`} data-embed-src={part.frameSrc} data-embed-title={t('embed.frame_title', { provider })}>
      <figcaption class="embed-provider">{provider}</figcaption>
      <p class="embed-notice">{t('embed.notice', { provider })}</p>
      <p class="embed-actions">
        <button type="button" class="embed-load" hidden>
          {t('embed.load', { provider })}
        </button>
        <a class="embed-link" href={part.url} rel="noopener noreferrer external">
          <span class="embed-open">{t('embed.open', { provider })}</span> <bdi dir="ltr">{part.url}</bdi>
        </a>
      </p>
    </figure>
  );
}

function BodyParts({ parts, t }: { parts: BodyPartProps[]; t: Chrome['t'] }) {
  return (
    <div class="body">
      {parts.map((part, i) => {
        if (part.kind === 'html') return <div key={i} class="body-run" dangerouslySetInnerHTML={{ __html: part.html }} />;
        if (part.kind === 'embed') return <EmbedCard key={i} part={part} t={t} />;
        return (
          <figure key={i} class="body-image">
            <Picture image={part.image} />
            {part.caption || part.credit ? (
              <figcaption>
                {part.caption} {part.credit ? (
                  <small>
                    <Isolated t={t} message="article.image_credit" param="credit" value={part.credit} />
                  </small>
                ) : null}
              </figcaption>
            ) : null}
          </figure>
        );
      })}
    </div>
  );
}

export function ArticlePage(p: ArticlePageProps) {
  const { t } = p.chrome;
  return (
    <Base chrome={p.chrome}>
      <WithSidebar sidebar={<Sidebar blocks={p.sidebar} t={t} />}>
      <article class="story">
        <header>
          {p.section ? (
            <p class="kicker">
              <a href={p.section.href} dir="auto">
                {p.section.name}
              </a>
            </p>
          ) : null}
          <h1>{p.headline}</h1>
          {p.dek ? <p class="dek">{p.dek}</p> : null}
          <p class="meta">
            {p.dateline || p.creditLine ? (
              <span class="dateline">
                {p.dateline ? <bdi>{p.dateline}</bdi> : null}
                {p.dateline && p.creditLine ? ' (' : null}
                {p.creditLine ? <bdi>{p.creditLine}</bdi> : null}
                {p.dateline && p.creditLine ? ')' : null}
              </span>
            ) : null}
            {p.byline ? (
              <span class="byline">
                <Isolated t={t} message="article.by" param="name" value={p.byline} />
              </span>
            ) : null}
            <span>
              <time dateTime={p.published.datetime}>{t('article.published', { date: p.published.text })}</time>
            </span>
            {p.updated ? (
              <span>
                <time dateTime={p.updated.datetime}>{t('article.updated', { date: p.updated.text })}</time>
              </span>
            ) : null}
            {p.commentCount ? (
              <span class="comment-count">
                <a href={p.commentCount.href}>{p.commentCount.text}</a>
              </span>
            ) : null}
          </p>
        </header>
        {p.image ? (
          <figure class="lead-image">
            <Picture image={p.image} loading="eager" />
            {p.image.caption || p.image.credit ? (
              <figcaption>
                {p.image.caption} {p.image.credit ? (
                  <small>
                    <Isolated t={t} message="article.image_credit" param="credit" value={p.image.credit} />
                  </small>
                ) : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        {p.bodyParts ? <BodyParts parts={p.bodyParts} t={t} /> : <div class="body" dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />}
        {p.embedScriptHref ? <script src={p.embedScriptHref} defer /> : null}
        {p.tags.length ? (
          <nav aria-label={t('article.tags')} class="tags">
            <h2>{t('article.tags')}</h2>
            <ul>
              {p.tags.map((tag) => (
                <li key={tag.href}>
                  <a href={tag.href} rel="tag" dir="auto">
                    {tag.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {p.entities.length ? (
          <section class="entities" aria-label={t('article.entities')}>
            <h2>{t('article.entities')}</h2>
            <ul>
              {p.entities.map((e) => (
                <li key={e.href}>
                  <a href={e.href} dir="auto">
                    {e.name}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {p.translations.length ? (
          <section class="translations" aria-label={t('article.read_in')}>
            <h2>{t('article.read_in')}</h2>
            <ul>
              {p.translations.map((tr) => (
                // Each headline keeps its own language and direction inside the page's (English in a Persian page).
                <li key={tr.lang} lang={tr.lang} dir={tr.dir}>
                  <a href={tr.href} hrefLang={tr.lang}>
                    <span class="language">{tr.languageName}</span>: {tr.headline}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
      {p.comments ? <CommentsSection {...p.comments} /> : null}
      {p.related.length ? <CardBlock className="related" id="related-heading" heading={t('article.related')} articles={p.related} /> : null}
      </WithSidebar>
    </Base>
  );
}
