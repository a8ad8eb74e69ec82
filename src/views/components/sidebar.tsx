// The edition's curated sidebar: cartoon of the day, featured statement, campaign banner, most recent.
import type { Translate } from '../../i18n/index.js';
import { Picture } from './image.js';
import type { SidebarBlock } from '../props.js';

export function Sidebar({ blocks, t }: { blocks: SidebarBlock[]; t: Translate }) {
  if (!blocks.length) return null;
  return (
    <aside class="sidebar">
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'cartoon':
            return (
              <section class="block cartoon" key={i} aria-labelledby={`sb-${i}`}>
                <h2 id={`sb-${i}`}>{t('sidebar.cartoon')}</h2>
                <figure>
                  <Picture image={block.image} />
                  <figcaption>
                    <strong>{block.title}</strong> {block.caption}
                  </figcaption>
                </figure>
              </section>
            );
          case 'statement':
            return (
              <section class="block statement" key={i} aria-labelledby={`sb-${i}`}>
                <h2 id={`sb-${i}`}>{t('sidebar.statement')}</h2>
                <blockquote>
                  <p>{block.quote}</p>
                  <footer>
                    <cite>{block.attribution}</cite>
                  </footer>
                </blockquote>
              </section>
            );
          case 'banner':
            return (
              <section class="block banner" key={i} aria-labelledby={`sb-${i}`}>
                <h2 id={`sb-${i}`}>{t('sidebar.campaign')}</h2>
                <a href={block.href} class="banner-link">
                  <strong>{block.title}</strong>
                  <span>{block.text}</span>
                  {block.until ? <small>{t('sidebar.until', { date: block.until })}</small> : null}
                </a>
              </section>
            );
          case 'most_recent':
            return (
              <section class="block recent" key={i} aria-labelledby={`sb-${i}`}>
                <h2 id={`sb-${i}`}>{t('sidebar.most_recent')}</h2>
                <ol>
                  {block.items.map((a) => (
                    <li key={a.id}>
                      <a href={a.href}>{a.headline}</a> <time dateTime={a.datetime}>{a.dateText}</time>
                    </li>
                  ))}
                </ol>
              </section>
            );
        }
      })}
    </aside>
  );
}
