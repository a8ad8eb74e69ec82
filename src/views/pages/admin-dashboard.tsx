// The newsroom's home: the greeting, the signed-in account's work (my drafts, in review,
// scheduled, recently published, each a few rows with a link to the full filtered list), the
// article counts per edition and status, and for those who moderate the comments waiting.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame } from './admin-frame.js';
import { LIST_STATUSES, StatusBadge, type ListStatus } from './admin-articles.js';

export interface DashboardItem {
  id: number;
  headline: string;
  href: string;
  edition: string;
  status: ListStatus;
  /** Updated, or for a scheduled article the time it goes out. */
  time: { iso: string; text: string };
}

export interface DashboardBlock {
  key: 'drafts' | 'review' | 'scheduled' | 'published';
  title: string;
  items: DashboardItem[];
  seeAll: string;
}

export interface DashboardProps {
  frame: Omit<AdminFrameProps, 'title'>;
  name: string;
  role: string;
  editions: string;
  links: Array<{ href: string; label: string }>;
  blocks: DashboardBlock[];
  /** Articles per edition and status; absent for a role that reads no articles. */
  counts?: Array<{ edition: string; name: string; cells: Array<{ status: ListStatus; count: number; text: string; href: string }> }> | undefined;
  comments?: { pending: string; href: string } | undefined;
}

export function DashboardPage(props: DashboardProps) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={t('newsroom.dashboard.title')}>
      <h1>{t('newsroom.dashboard.title')}</h1>
      <p>
        {t('newsroom.dashboard.welcome', { name: props.name })} {t('newsroom.dashboard.role', { role: props.role })} {props.editions}
      </p>
      <ul class="newsroom-tiles">
        {props.links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
      {props.comments ? (
        <section class="dash-block dash-comments" aria-labelledby="dash-comments">
          <h2 id="dash-comments">{t('dash.comments')}</h2>
          <p>
            <a href={props.comments.href}>{t('dash.pending_comments', { count: props.comments.pending })}</a>
          </p>
        </section>
      ) : null}
      {props.blocks.length ? (
        <div class="dash-blocks">
          {props.blocks.map((b) => (
            <section key={b.key} class="dash-block" id={`dash-${b.key}`} aria-labelledby={`dash-${b.key}-title`}>
              <h2 id={`dash-${b.key}-title`}>{b.title}</h2>
              {b.items.length === 0 ? (
                <p class="dash-none">{t('dash.none')}</p>
              ) : (
                <ul class="dash-list">
                  {b.items.map((item) => (
                    <li key={item.id}>
                      <a href={item.href} dir="auto">
                        {item.headline}
                      </a>
                      <span class="dash-meta">
                        <span dir="ltr" lang="en">
                          {item.edition}
                        </span>{' '}
                        <StatusBadge status={item.status} label={t(`list.status.${item.status}`)} />{' '}
                        {b.key === 'scheduled' ? (
                          <span>
                            {t('dash.scheduled_for')} <time dateTime={item.time.iso}>{item.time.text}</time>
                          </span>
                        ) : (
                          <time dateTime={item.time.iso}>{item.time.text}</time>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <p class="dash-all">
                <a href={b.seeAll}>{t(`dash.all.${b.key}`)}</a>
              </p>
            </section>
          ))}
        </div>
      ) : null}
      {props.counts ? (
        <section class="dash-block dash-counts" aria-labelledby="dash-counts">
          <h2 id="dash-counts">{t('dash.counts')}</h2>
          <div class="newsroom-table-wrap" role="region" aria-labelledby="dash-counts" tabindex={0}>
            <table class="newsroom-table dash-count-table">
              <thead>
                <tr>
                  <th scope="col">{t('list.col.edition')}</th>
                  {LIST_STATUSES.map((s) => (
                    <th scope="col" key={s}>
                      {t(`list.status.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.counts.map((row) => (
                  <tr key={row.edition}>
                    <th scope="row">{row.name}</th>
                    {row.cells.map((c) => (
                      <td key={c.status} data-status={c.status}>
                        {c.count ? <a href={c.href}>{c.text}</a> : c.text}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </AdminFrame>
  );
}
