// The newsroom's article list (/admin/articles): a GET filter form (edition, status, section,
// author, headline text) that works without script, the articles last updated first as a table
// (stacked into cards on narrow screens by CSS alone), and Newer / Older keyset links.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Notice } from './admin-frame.js';

export const LIST_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'removed'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** The filter as the form shows it: '' is "any". */
export interface ListQuery {
  edition: string;
  status: string;
  section: string;
  author: string;
  text: string;
}

export interface ListRow {
  id: number;
  headline: string;
  editHref: string;
  edition: string;
  status: ListStatus;
  section: string | null;
  author: { name: string; href: string } | null;
  updated: { iso: string; text: string };
  version: string;
}

export interface ArticleListProps {
  frame: Omit<AdminFrameProps, 'title'>;
  query: ListQuery;
  editions: Array<{ code: string; name: string }>;
  sections: Array<{ edition: string; editionName: string; items: Array<{ id: number; name: string }> }>;
  /** Offer the author choice (not for reporters: they read only their own work). */
  authorChoice: boolean;
  rows: ListRow[];
  /** Per field, the localized reason its value was refused (a 422 page). */
  errors: Partial<Record<keyof ListQuery | 'cursor', string>>;
  newer?: string | undefined;
  older?: string | undefined;
  /** The first page of the same filter, when this page is not it. */
  first?: string | undefined;
}

/** The list's URL for a filter (empty values left out) and an optional cursor. */
export function listHref(query: Partial<ListQuery>, cursor?: { before?: string; after?: string }): string {
  const q = new URLSearchParams();
  for (const key of ['edition', 'status', 'section', 'author', 'text'] as const) {
    const value = query[key];
    if (value) q.set(key, value);
  }
  if (cursor?.before) q.set('before', cursor.before);
  if (cursor?.after) q.set('after', cursor.after);
  const s = q.toString();
  return s ? `/admin/articles?${s}` : '/admin/articles';
}

export function StatusBadge(props: { status: ListStatus; label: string }) {
  return <span class={`status-badge status-${props.status.replace('_', '-')}`}>{props.label}</span>;
}

function FieldError(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <p class="field-error" id={props.id}>
      {props.message}
    </p>
  ) : null;
}

export function ArticleListPage(props: ArticleListProps) {
  const { t } = props.frame;
  const { query, errors } = props;
  const invalid = (key: keyof ListQuery) => (errors[key] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `list-${key}-error` } : {});
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminFrame {...props.frame} title={t('list.title')}>
      <h1>{t('list.title')}</h1>
      {hasErrors ? <Notice kind="error">{errors.cursor ?? t('list.invalid')}</Notice> : null}
      <form method="get" action="/admin/articles" class="list-filter" aria-label={t('list.filters')}>
        <div class="list-field">
          <label for="list-edition">{t('list.edition')}</label>
          <select id="list-edition" name="edition" {...invalid('edition')}>
            <option value="" selected={query.edition === ''}>
              {t('list.all_editions')}
            </option>
            {props.editions.map((e) => (
              <option key={e.code} value={e.code} selected={query.edition === e.code}>
                {e.name}
              </option>
            ))}
          </select>
          <FieldError id="list-edition-error" message={errors.edition} />
        </div>
        <div class="list-field">
          <label for="list-status">{t('list.status')}</label>
          <select id="list-status" name="status" {...invalid('status')}>
            <option value="" selected={query.status === ''}>
              {t('list.all_statuses')}
            </option>
            {LIST_STATUSES.map((s) => (
              <option key={s} value={s} selected={query.status === s}>
                {t(`list.status.${s}`)}
              </option>
            ))}
          </select>
          <FieldError id="list-status-error" message={errors.status} />
        </div>
        <div class="list-field">
          <label for="list-section">{t('list.section')}</label>
          <select id="list-section" name="section" {...invalid('section')}>
            <option value="" selected={query.section === ''}>
              {t('list.all_sections')}
            </option>
            {props.sections.map((group) => (
              <optgroup key={group.edition} label={group.editionName}>
                {group.items.map((s) => (
                  <option key={s.id} value={String(s.id)} selected={query.section === String(s.id)}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldError id="list-section-error" message={errors.section} />
        </div>
        {props.authorChoice ? (
          <div class="list-field">
            <label for="list-author">{t('list.author')}</label>
            <select id="list-author" name="author" {...invalid('author')}>
              <option value="" selected={query.author === ''}>
                {t('list.anyone')}
              </option>
              <option value="mine" selected={query.author === 'mine'}>
                {t('list.mine')}
              </option>
              {/^[0-9]+$/.test(query.author) ? (
                <option value={query.author} selected>
                  {t('list.author_id', { id: query.author })}
                </option>
              ) : null}
            </select>
            <FieldError id="list-author-error" message={errors.author} />
          </div>
        ) : null}
        <div class="list-field list-text">
          <label for="list-text">{t('list.text')}</label>
          <input id="list-text" type="search" name="text" value={query.text} maxLength={300} dir="auto" {...invalid('text')} />
          <FieldError id="list-text-error" message={errors.text} />
        </div>
        <div class="list-buttons">
          <button type="submit">{t('list.apply')}</button>
          <a href="/admin/articles">{t('list.reset')}</a>
        </div>
      </form>
      {props.rows.length === 0 ? (
        <p class="list-empty">{t('list.empty')}</p>
      ) : (
        <table class="newsroom-table list-table">
          <caption class="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.col.headline')}</th>
              <th scope="col">{t('list.col.edition')}</th>
              <th scope="col">{t('list.col.status')}</th>
              <th scope="col">{t('list.col.section')}</th>
              <th scope="col">{t('list.col.author')}</th>
              <th scope="col">{t('list.col.updated')}</th>
              <th scope="col">{t('list.col.version')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" class="list-headline">
                  <a href={r.editHref} dir="auto">
                    {r.headline}
                  </a>
                </th>
                <td data-label={t('list.col.edition')}>
                  <span dir="ltr" lang="en">
                    {r.edition}
                  </span>
                </td>
                <td data-label={t('list.col.status')}>
                  <StatusBadge status={r.status} label={t(`list.status.${r.status}`)} />
                </td>
                <td data-label={t('list.col.section')}>{r.section === null ? '—' : <bdi>{r.section}</bdi>}</td>
                <td data-label={t('list.col.author')}>
                  {r.author ? (
                    <a href={r.author.href}>
                      <bdi>{r.author.name}</bdi>
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t('list.col.updated')}>
                  <time dateTime={r.updated.iso}>{r.updated.text}</time>
                </td>
                <td data-label={t('list.col.version')}>{r.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.newer || props.older || props.first ? (
        <nav aria-label={t('list.pages')} class="list-pages">
          <ul>
            {props.first ? (
              <li>
                <a href={props.first}>{t('list.first')}</a>
              </li>
            ) : null}
            {props.newer ? (
              <li>
                <a href={props.newer} rel="prev">
                  {t('list.newer')}
                </a>
              </li>
            ) : null}
            {props.older ? (
              <li>
                <a href={props.older} rel="next">
                  {t('list.older')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </AdminFrame>
  );
}
