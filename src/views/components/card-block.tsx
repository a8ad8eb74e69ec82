// A titled grid of article cards: the front's top stories, latest and section blocks, and an
// article's related articles.
import type { ComponentChildren } from 'preact';
import { ArticleCard } from './article-card.js';
import type { ArticleCardProps } from '../props.js';

export function CardBlock(p: { className: string; id: string; heading: ComponentChildren; headingClass?: string; articles: ArticleCardProps[]; children?: ComponentChildren }) {
  return (
    <section class={p.className} aria-labelledby={p.id}>
      <h2 id={p.id} class={p.headingClass}>
        {p.heading}
      </h2>
      <div class="card-grid">
        {p.articles.map((a) => (
          <ArticleCard key={a.id} a={a} />
        ))}
      </div>
      {p.children}
    </section>
  );
}
