// The curation screen: an edition's front-page slots (lead, top stories) and sidebar blocks in
// order, each with move up/down, edit and remove buttons (plain POST forms), a form to add each
// kind of block, and the edition's breaking-news bar. Also the page that edits one block.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Field, Notice } from './admin-frame.js';

export type BlockField = 'articleId' | 'mediaId' | 'title' | 'body' | 'attribution' | 'linkUrl' | 'startsAt' | 'endsAt';

/** The fields a kind of block uses, in form order (the domain decides which are required). */
export const KIND_FIELDS: Record<string, BlockField[]> = {
  article: ['articleId', 'startsAt', 'endsAt'],
  cartoon: ['mediaId', 'title', 'body', 'startsAt', 'endsAt'],
  statement: ['body', 'attribution', 'startsAt', 'endsAt'],
  banner: ['title', 'body', 'linkUrl', 'startsAt', 'endsAt'],
  most_recent: ['startsAt', 'endsAt'],
};

export interface BlockFormProps {
  id: string;
  action: string;
  kind: string;
  heading: string;
  submit: string;
  hidden: Record<string, string>;
  values: Partial<Record<BlockField, string>>;
  errors: Record<string, string>;
  limits: { title: number; body: number; attribution: number; link: number };
  /** The form's heading level: 3 inside a slot's section, 2 on the edit page. */
  level?: 2 | 3;
}

export interface BlockRow {
  id: number;
  kind: string;
  summary: string;
  state: 'live' | 'scheduled' | 'ended';
  dates: string[];
  position: number;
  total: number;
  editHref: string;
}

export interface CurationProps {
  frame: Omit<AdminFrameProps, 'title'>;
  csrf: string;
  edition: string;
  editions: Array<{ code: string; name: string }>;
  slots: Array<{ slot: string; blocks: BlockRow[]; forms: BlockFormProps[] }>;
  breaking: {
    current?: { text: string; href?: string | undefined; until: { iso: string; text: string } } | undefined;
    values: { text: string; linkUrl: string; expiresAt: string };
    errors: Record<string, string>;
    limit: number;
  };
  notice?: string | undefined;
  error?: string | undefined;
}

export function BlockForm(props: BlockFormProps & { t: AdminFrameProps['t']; csrf: string }) {
  const { t } = props;
  const fields = KIND_FIELDS[props.kind] ?? [];
  const f = (name: BlockField) => `${props.id}-${name}`;
  const text = (name: 'title' | 'attribution', label: string, max: number) => (
    <Field id={f(name)} name={name} label={label} value={props.values[name]} error={props.errors[name]} maxLength={max} dir="auto" />
  );
  return (
    <form method="post" action={props.action} class="setup-form" id={props.id} aria-labelledby={`${props.id}-heading`}>
      {props.level === 2 ? <h2 id={`${props.id}-heading`}>{props.heading}</h2> : <h3 id={`${props.id}-heading`}>{props.heading}</h3>}
      <Csrf token={props.csrf} />
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.errors.kind ? <Notice kind="error">{props.errors.kind}</Notice> : null}
      {fields.map((name) => {
        switch (name) {
          case 'articleId':
            return <Field key={name} id={f(name)} name={name} label={t('setup.field.article_id')} hint={t('setup.field.article_hint')} value={props.values.articleId} error={props.errors.articleId} inputMode="numeric" dir="ltr" maxLength={10} />;
          case 'mediaId':
            return <Field key={name} id={f(name)} name={name} label={t('setup.field.media_id')} value={props.values.mediaId} error={props.errors.mediaId} inputMode="numeric" dir="ltr" maxLength={10} />;
          case 'title':
            return <div key={name}>{text('title', t('setup.field.title'), props.limits.title)}</div>;
          case 'attribution':
            return <div key={name}>{text('attribution', t('setup.field.attribution'), props.limits.attribution)}</div>;
          case 'body':
            return (
              <div class="field" key={name}>
                <label for={f(name)}>{t('setup.field.body')}</label>
                <textarea id={f(name)} name="body" rows={3} maxLength={props.limits.body} dir="auto" aria-invalid={props.errors.body ? 'true' : undefined} aria-describedby={props.errors.body ? `${f(name)}-error` : undefined}>
                  {props.values.body ?? ''}
                </textarea>
                {props.errors.body ? (
                  <span class="field-error" id={`${f(name)}-error`}>
                    {props.errors.body}
                  </span>
                ) : null}
              </div>
            );
          case 'linkUrl':
            return <Field key={name} id={f(name)} name={name} label={t('setup.field.link')} hint={t('setup.field.link_hint')} value={props.values.linkUrl} error={props.errors.linkUrl} dir="ltr" maxLength={props.limits.link} />;
          case 'startsAt':
            return <Field key={name} id={f(name)} name={name} type="datetime-local" label={t('setup.field.starts')} hint={t('setup.field.optional')} value={props.values.startsAt} error={props.errors.startsAt} dir="ltr" />;
          case 'endsAt':
            return <Field key={name} id={f(name)} name={name} type="datetime-local" label={t('setup.field.ends')} hint={t('setup.field.optional')} value={props.values.endsAt} error={props.errors.endsAt} dir="ltr" />;
          default:
            return null;
        }
      })}
      <button type="submit">{props.submit}</button>
    </form>
  );
}

function MoveButton(props: { id: number; to: number; label: string; csrf: string }) {
  return (
    <form method="post" action={`/admin/curation/blocks/${props.id}/move`} class="setup-inline">
      <Csrf token={props.csrf} />
      <input type="hidden" name="position" value={String(props.to)} />
      <button type="submit">{props.label}</button>
    </form>
  );
}

export function CurationPage(props: CurationProps) {
  const { t } = props.frame;
  const b = props.breaking;
  return (
    <AdminFrame {...props.frame} title={t('setup.curation.title')}>
      <h1>{t('setup.curation.title')}</h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <form method="get" action="/admin/curation" class="setup-filter">
        <label for="curation-edition">{t('setup.curation.edition')}</label>
        <select id="curation-edition" name="edition">
          {props.editions.map((e) => (
            <option key={e.code} value={e.code} selected={props.edition === e.code}>
              {e.name}
            </option>
          ))}
        </select>
        <button type="submit">{t('setup.curation.show')}</button>
      </form>
      <p>
        <a href={`/admin/editions/${encodeURIComponent(props.edition)}/sections`}>{t('setup.editions.terms')}</a>
      </p>

      <section class="setup-section" aria-labelledby="breaking-heading">
        <h2 id="breaking-heading">{t('setup.breaking.title')}</h2>
        {b.current ? (
          <p class="setup-breaking-now">
            <bdi>{b.current.text}</bdi> — <time dateTime={b.current.until.iso}>{t('setup.breaking.current', { date: b.current.until.text })}</time>
          </p>
        ) : (
          <p>{t('setup.breaking.none')}</p>
        )}
        <form method="post" action="/admin/curation/breaking" class="setup-form">
          <Csrf token={props.csrf} />
          <input type="hidden" name="edition" value={props.edition} />
          <Field id="breaking-text" name="text" label={t('setup.breaking.text')} value={b.values.text} error={b.errors.text} maxLength={b.limit} dir="auto" />
          <Field id="breaking-link" name="linkUrl" label={t('setup.field.link')} hint={t('setup.field.link_hint')} value={b.values.linkUrl} error={b.errors.linkUrl} dir="ltr" />
          <Field id="breaking-expires" name="expiresAt" type="datetime-local" label={t('setup.breaking.expires')} value={b.values.expiresAt} error={b.errors.expiresAt} dir="ltr" />
          <div class="setup-actions">
            <button type="submit">{t('setup.breaking.save')}</button>
            {b.current ? (
              <button type="submit" name="clear" value="1" formNoValidate>
                {t('setup.breaking.clear')}
              </button>
            ) : null}
          </div>
        </form>
      </section>

      {props.slots.map((s) => (
        <section key={s.slot} class="setup-section" aria-labelledby={`slot-${s.slot}`}>
          <h2 id={`slot-${s.slot}`}>{t(`setup.slot.${s.slot as 'lead'}`)}</h2>
          {s.blocks.length === 0 ? (
            <p>{t('setup.slot.empty')}</p>
          ) : (
            <ol class="setup-blocks">
              {s.blocks.map((block) => (
                <li key={block.id} class="setup-block" id={`block-${block.id}`}>
                  <p class="setup-block-head">
                    <strong>{t(`setup.kind.${block.kind as 'article'}`)}</strong> <span class={`setup-state setup-state-${block.state}`}>{t(`setup.block.${block.state}`)}</span>{' '}
                    <span class="setup-position">{t('setup.block.position', { n: block.position + 1, total: block.total })}</span>
                  </p>
                  {block.summary ? (
                    <p dir="auto" class="setup-summary">
                      {block.summary}
                    </p>
                  ) : null}
                  {block.dates.length ? <p class="setup-dates">{block.dates.join(' · ')}</p> : null}
                  <div class="setup-actions">
                    {block.position > 0 ? <MoveButton id={block.id} to={block.position - 1} label={t('setup.block.up')} csrf={props.csrf} /> : null}
                    {block.position < block.total - 1 ? <MoveButton id={block.id} to={block.position + 1} label={t('setup.block.down')} csrf={props.csrf} /> : null}
                    <a href={block.editHref}>{t('setup.block.edit')}</a>
                    <form method="post" action={`/admin/curation/blocks/${block.id}/remove`} class="setup-inline">
                      <Csrf token={props.csrf} />
                      <button type="submit">{t('setup.block.remove')}</button>
                    </form>
                  </div>
                </li>
              ))}
            </ol>
          )}
          <div class="setup-forms">
            {s.forms.map((form) => (
              <BlockForm key={form.id} {...form} t={t} csrf={props.csrf} />
            ))}
          </div>
        </section>
      ))}
    </AdminFrame>
  );
}

export function BlockEditPage(props: { frame: Omit<AdminFrameProps, 'title'>; csrf: string; form: BlockFormProps; back: string; error?: string | undefined }) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={t('setup.block.edit_title')}>
      <h1>{t('setup.block.edit_title')}</h1>
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <BlockForm {...props.form} level={2} t={t} csrf={props.csrf} />
      <p>
        <a href={props.back}>{t('setup.block.back')}</a>
      </p>
    </AdminFrame>
  );
}
