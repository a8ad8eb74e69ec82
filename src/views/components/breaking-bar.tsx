// The edition's breaking-news bar above the header: a labelled region with one line, a link when
// the newsroom gave one. The line is isolated (dir="auto"), so a Latin headline in a Persian page,
// or the reverse, cannot reorder the label beside it.
import type { Translate } from '../../i18n/index.js';

export function BreakingBar({ bar, t }: { bar: { text: string; href?: string | undefined }; t: Translate }) {
  return (
    <section class="breaking-bar" aria-labelledby="breaking-label">
      <strong id="breaking-label" class="breaking-label">
        {t('setup.breaking.label')}
      </strong>{' '}
      {bar.href ? (
        <a href={bar.href} dir="auto" class="breaking-text">
          {bar.text}
        </a>
      ) : (
        <bdi class="breaking-text">{bar.text}</bdi>
      )}
    </section>
  );
}
