// An article's revision history: who changed it when and why, two revisions chosen in a GET form
// (works without script) and their difference — text fields and body paragraphs word by word in
// <ins>/<del> with a legend that names them (underline and strike-through, not colour alone) —
// and a button per older revision that restores it as a new revision.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Notice } from './admin-frame.js';

export type PartView = { kind: 'same' | 'ins' | 'del'; text: string };
export type BlockView = { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'changed'; parts: PartView[] } | { kind: 'skipped'; label: string };

export interface RevisionsProps {
  frame: Omit<AdminFrameProps, 'title'>;
  csrf: string;
  article: { id: number; headline: string; version: number; lang: string; dir: 'ltr' | 'rtl'; editHref: string; translateHref?: string | undefined };
  others: Array<{ name: string; since: { iso: string; text: string } }>;
  revisions: Array<{ number: number; editor: string; time: { iso: string; text: string }; note: string; headline: string; current: boolean }>;
  canRestore: boolean;
  from: number;
  to: number;
  diff?:
    | {
        text: Array<{ label: string; changed: boolean; parts: PartView[] }>;
        values: Array<{ label: string; before: string; after: string }>;
        body: BlockView[];
        simplified: boolean;
      }
    | undefined;
  /** Present for roles that publish: the corrections form. */
  correction?: { max: number; value: string } | undefined;
  correctionError?: string | undefined;
  correctionValue?: string | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

export function Parts({ parts }: { parts: PartView[] }) {
  return (
    <>
      {parts.map((p, i) => (p.kind === 'ins' ? <ins key={i}>{p.text}</ins> : p.kind === 'del' ? <del key={i}>{p.text}</del> : p.text))}
    </>
  );
}

/** "Also open by: …", for any newsroom page about one article (the edit screen renders it too). */
export function AlsoOpen({ others, label, url }: { others: Array<{ name: string; since: { iso: string; text: string } }>; label: string; url?: string | undefined }) {
  return (
    <p class="story-presence" data-presence-url={url} data-presence-label={url ? label : undefined} role="status" hidden={others.length === 0 ? true : undefined}>
      <span class="story-presence-label">{label}</span>{' '}
      {others.map((o, i) => (
        <span key={i}>
          {i > 0 ? ', ' : ''}
          <bdi>{o.name}</bdi> (<time dateTime={o.since.iso}>{o.since.text}</time>)
        </span>
      ))}
    </p>
  );
}

export function RevisionsPage(props: RevisionsProps) {
  const { t } = props.frame;
  const { article } = props;
  const title = t('story.revisions.title');
  return (
    <AdminFrame {...props.frame} title={title}>
      <h1>
        {title}: <bdi lang={article.lang}>{article.headline}</bdi>
      </h1>
      <p class="story-links">
        <a href={article.editHref}>{t('story.edit')}</a>
        {article.translateHref ? <a href={article.translateHref}>{t('story.translate.open')}</a> : null}
      </p>
      <AlsoOpen others={props.others} label={t('story.presence.label')} url={`/admin/articles/${article.id}/presence`} />
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}

      <div class="story-table-wrap">
        <table class="story-revisions">
          <caption>{t('story.revisions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('story.revisions.number')}</th>
              <th scope="col">{t('story.revisions.who')}</th>
              <th scope="col">{t('story.revisions.when')}</th>
              <th scope="col">{t('story.revisions.note')}</th>
              <th scope="col">{t('story.revisions.headline')}</th>
              {props.canRestore ? <th scope="col">{t('story.revisions.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.revisions.map((r) => (
              <tr key={r.number} id={`revision-${r.number}`}>
                <td data-label={t('story.revisions.number')}>{r.number}</td>
                <td data-label={t('story.revisions.who')}>
                  <bdi>{r.editor}</bdi>
                </td>
                <td data-label={t('story.revisions.when')}>
                  <time dateTime={r.time.iso}>{r.time.text}</time>
                </td>
                <td data-label={t('story.revisions.note')}>
                  <bdi>{r.note}</bdi>
                </td>
                <td data-label={t('story.revisions.headline')}>
                  <bdi lang={article.lang}>{r.headline}</bdi>
                </td>
                {props.canRestore ? (
                  <td data-label={t('story.revisions.actions')}>
                    {r.current ? (
                      <span class="story-current">{t('story.revisions.current')}</span>
                    ) : (
                      <form method="post" action={`/admin/articles/${article.id}/revisions/${r.number}/restore`} class="story-restore">
                        <Csrf token={props.csrf} />
                        <input type="hidden" name="expectedVersion" value={String(article.version)} />
                        <button type="submit">{t('story.revisions.restore', { n: r.number })}</button>
                      </form>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {props.correction ? (
        <form method="post" action={`/admin/articles/${article.id}/corrections`} class="story-correction">
          <Csrf token={props.csrf} />
          <h2>{t('story.correction.add')}</h2>
          <div class="field">
            <label for="story-correction-note">{t('story.correction.note')}</label>
            <textarea
              id="story-correction-note"
              name="note"
              rows={3}
              lang={article.lang}
              dir={article.dir}
              required
              maxLength={props.correction.max}
              aria-invalid={props.correctionError ? 'true' : undefined}
              aria-describedby={props.correctionError ? 'story-correction-note-error' : undefined}
            >
              {props.correctionValue ?? props.correction.value}
            </textarea>
            {props.correctionError ? (
              <span class="field-error" id="story-correction-note-error">
                {props.correctionError}
              </span>
            ) : null}
          </div>
          <button type="submit">{t('story.correction.submit')}</button>
        </form>
      ) : null}

      {props.revisions.length > 1 ? (
        <form method="get" action={`/admin/articles/${article.id}/revisions`} class="story-compare">
          <div class="field">
            <label for="story-from">{t('story.compare.from')}</label>
            <select id="story-from" name="from">
              {props.revisions.map((r) => (
                <option key={r.number} value={String(r.number)} selected={r.number === props.from}>
                  {t('story.compare.option', { n: r.number })}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="story-to">{t('story.compare.to')}</label>
            <select id="story-to" name="to">
              {props.revisions.map((r) => (
                <option key={r.number} value={String(r.number)} selected={r.number === props.to}>
                  {t('story.compare.option', { n: r.number })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('story.compare.submit')}</button>
        </form>
      ) : null}

      {props.diff ? (
        <section class="story-diff" aria-labelledby="story-diff-title">
          <h2 id="story-diff-title">{t('story.diff.title', { from: props.from, to: props.to })}</h2>
          <p class="story-legend">
            {t('story.diff.legend')} <ins>{t('story.diff.added')}</ins> <del>{t('story.diff.removed')}</del>
          </p>
          {props.diff.simplified ? <Notice kind="ok">{t('story.diff.simplified')}</Notice> : null}
          <dl class="story-fields">
            {props.diff.text.map((f) => (
              <div key={f.label} class={f.changed ? 'story-field story-changed' : 'story-field'}>
                <dt>
                  {f.label}
                  {f.changed ? <span class="story-flag"> ({t('story.diff.changed')})</span> : null}
                </dt>
                <dd lang={article.lang} dir={article.dir}>
                  <Parts parts={f.parts} />
                </dd>
              </div>
            ))}
            {props.diff.values.map((v) => (
              <div key={v.label} class="story-field story-changed">
                <dt>{v.label}</dt>
                <dd dir="ltr">
                  <del>{v.before || '—'}</del> → <ins>{v.after || '—'}</ins>
                </dd>
              </div>
            ))}
          </dl>
          <h3>{t('story.diff.body')}</h3>
          <div class="story-body" lang={article.lang} dir={article.dir}>
            {props.diff.body.length === 0 ? <p>{t('story.diff.no_body')}</p> : null}
            {props.diff.body.map((b, i) => {
              if (b.kind === 'skipped') return <p key={i} class="story-skipped">{b.label}</p>;
              if (b.kind === 'changed')
                return (
                  <p key={i} class="story-para story-para-changed">
                    <Parts parts={b.parts} />
                  </p>
                );
              if (b.kind === 'added')
                return (
                  <p key={i} class="story-para story-para-added">
                    <span class="story-tag">{t('story.diff.para_added')}</span> <ins>{b.text}</ins>
                  </p>
                );
              if (b.kind === 'removed')
                return (
                  <p key={i} class="story-para story-para-removed">
                    <span class="story-tag">{t('story.diff.para_removed')}</span> <del>{b.text}</del>
                  </p>
                );
              return (
                <p key={i} class="story-para">
                  {b.text}
                </p>
              );
            })}
          </div>
        </section>
      ) : null}
    </AdminFrame>
  );
}
