// A teaser: a kicker linking to its section, headline link, dek and time. Headlines carry dir="auto" nowhere: they are in
// the edition's language; foreign names inside them are isolated by the bidi algorithm itself.
import { Picture } from './image.js';
import type { ArticleCardProps } from '../props.js';

export function ArticleCard({ a, level = 3, withImage = false }: { a: ArticleCardProps; level?: 2 | 3; withImage?: boolean }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article class="card">
      {withImage && a.image ? <Picture image={a.image} /> : null}
      {a.section ? (
        <p class="kicker">
          <a href={a.section.href}>{a.section.name}</a>
        </p>
      ) : null}
      <Heading class="card-title">
        <a href={a.href}>{a.headline}</a>
      </Heading>
      {a.dek ? <p class="dek">{a.dek}</p> : null}
      <CardMeta a={a} />
    </article>
  );
}

/** A card's last line: its time and, once it has approved comments, their count linking to the thread. */
export function CardMeta({ a }: { a: ArticleCardProps }) {
  return (
    <p class="meta">
      <time dateTime={a.datetime}>{a.dateText}</time>
      {a.comments ? (
        <>
          {' · '}
          <a class="card-comments" href={a.comments.href}>
            {a.comments.text}
          </a>
        </>
      ) : null}
    </p>
  );
}
