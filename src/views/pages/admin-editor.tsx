// The article editor: a new-article form (edition, headline, first text) and the edit screen
// (every field, the body as plain text in a textarea that the rich editor replaces when script
// runs, workflow buttons the actor may use, status and history, and on a version conflict both
// the stored version and the posted one). The form's lang/dir follow the article's edition, not
// the interface. No inline script or style: the stored document travels as a JSON data block.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Field, Notice } from './admin-frame.js';

type Frame = Omit<AdminFrameProps, 'title'>;
type Errors = Record<string, string>;

/** JSON for a <script type="application/json"> block: "<" is escaped so no string can close it. */
function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <span class="field-error" id={`${id}-error`}>
      {error}
    </span>
  ) : null;
}

const describedBy = (id: string, error?: string, hint?: boolean) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export interface NewArticleProps {
  frame: Frame;
  csrf: string;
  editions: Array<{ code: string; name: string; dir: 'ltr' | 'rtl' }>;
  values: { edition: string; headline: string; body: string };
  errors: Errors;
  error?: string | undefined;
}

export function NewArticlePage(props: NewArticleProps) {
  const { t } = props.frame;
  const e = props.errors;
  return (
    <AdminFrame {...props.frame} title={t('editor.new_title')}>
      <h1>{t('editor.new_title')}</h1>
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <form method="post" action="/admin/articles" class="editor-new">
        <Csrf token={props.csrf} />
        <div class="field">
          <label for="new-edition">{t('editor.edition')}</label>
          <select id="new-edition" name="edition" aria-invalid={e.edition ? 'true' : undefined} aria-describedby={describedBy('new-edition', e.edition)}>
            {props.editions.map((ed) => (
              <option key={ed.code} value={ed.code} selected={ed.code === props.values.edition}>
                {ed.name}
              </option>
            ))}
          </select>
          <FieldError id="new-edition" error={e.edition} />
        </div>
        <Field id="new-headline" name="headline" label={t('editor.headline')} value={props.values.headline} error={e.headline} dir="auto" required maxLength={300} />
        <div class="field">
          <label for="new-body">{t('editor.body')}</label>
          <textarea id="new-body" name="body" rows={8} dir="auto" aria-invalid={e.body ? 'true' : undefined} aria-describedby={describedBy('new-body', e.body)}>
            {props.values.body}
          </textarea>
          <FieldError id="new-body" error={e.body} />
        </div>
        <button type="submit">{t('editor.create')}</button>
      </form>
    </AdminFrame>
  );
}

/** What the rich editor says (src/client/editor/main.ts), in the interface language. */
function clientStrings(t: Frame['t']) {
  return {
    toolbar: t('editor.js.toolbar'),
    paragraph: t('editor.js.paragraph'),
    h2: t('editor.js.h2'),
    h3: t('editor.js.h3'),
    bold: t('editor.js.bold'),
    italic: t('editor.js.italic'),
    link: t('editor.js.link'),
    linkPrompt: t('editor.js.link_prompt'),
    bullets: t('editor.js.bullets'),
    numbers: t('editor.js.numbers'),
    quote: t('editor.js.quote'),
    words: t('editor.word_count_js'),
    saving: t('editor.js.saving'),
    savedAt: t('editor.js.saved_at'),
    unsaved: t('editor.js.unsaved'),
    conflict: t('editor.js.conflict'),
    failed: t('editor.js.failed'),
    opaque: t('editor.js.opaque'),
  };
}

export interface EditorValues {
  headline: string;
  dek: string;
  dateline: string;
  creditLine: string;
  byline: string;
  sectionId: string;
  tagIds: string[];
  slug: string;
  slugWas: string;
  featuredMediaId: string;
  commentsOpen: boolean;
  note: string;
  bodyText: string;
  /** The document the rich editor starts from (the stored one, or the one posted). */
  bodyDoc: unknown;
  expectedVersion: number;
}

export interface EditorProps {
  frame: Frame;
  csrf: string;
  scriptHref?: string | undefined;
  article: {
    id: number;
    lang: string;
    dir: 'ltr' | 'rtl';
    editionName: string;
    status: string;
    statusLabel: string;
    previewHref: string;
    publicHref?: string | undefined;
  };
  values: EditorValues;
  errors: Errors;
  notice?: string | undefined;
  error?: string | undefined;
  canEdit: boolean;
  words: number;
  sections: Array<{ id: number; name: string }>;
  tags: Array<{ id: number; name: string }>;
  actions: Array<{ to: string; label: string }>;
  timeZone: string;
  scheduleValue: string;
  times: Array<{ label: string; iso: string; text: string }>;
  history: Array<{ number: number; who: string; iso: string; text: string; note: string }>;
  /** A save lost the race: the stored version, shown beside the posted one kept in the form. */
  conflict?: { version: number; headline: string; dek: string; bodyText: string; who?: string | undefined; when?: string | undefined } | undefined;
}

export function EditorPage(props: EditorProps) {
  const { t } = props.frame;
  const v = props.values;
  const e = props.errors;
  const a = props.article;
  const action = `/admin/articles/${a.id}`;
  return (
    <AdminFrame {...props.frame} title={t('editor.edit_title', { id: a.id })}>
      <div class="editor-head">
        <h1>{t('editor.edit_title', { id: a.id })}</h1>
        <p class="editor-status">
          <span class={`status status-${a.status}`}>{a.statusLabel}</span> <span>{a.editionName}</span> <a href={a.previewHref}>{t('editor.preview')}</a>
          {a.publicHref ? (
            <>
              {' '}
              <a href={a.publicHref}>{t('editor.public_page')}</a>
            </>
          ) : null}
        </p>
      </div>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      {props.conflict ? (
        <section class="editor-conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('editor.conflict.title')}</h2>
          <p>{t('editor.conflict.explain', { version: props.conflict.version })}</p>
          <div class="editor-conflict-theirs" lang={a.lang} dir={a.dir}>
            <h3>{t('editor.conflict.theirs')}</h3>
            {props.conflict.who && props.conflict.when ? (
              <p class="hint">
                {t('editor.conflict.by', { name: props.conflict.who, when: props.conflict.when })}
              </p>
            ) : null}
            <p class="editor-conflict-headline">{props.conflict.headline}</p>
            {props.conflict.dek ? <p>{props.conflict.dek}</p> : null}
            <pre class="editor-conflict-body">{props.conflict.bodyText}</pre>
          </div>
          <p>
            <a href={`/admin/articles/${a.id}/edit`}>{t('editor.conflict.discard_mine')}</a>
          </p>
          <p>{t('editor.conflict.yours')}</p>
        </section>
      ) : null}
      {!props.canEdit ? <Notice kind="error">{t('editor.read_only')}</Notice> : null}
      <form method="post" action={action} class="editor-form" id="editor-form" data-autosave={`${action}/autosave`} data-lang={a.lang} data-dir={a.dir}>
        <Csrf token={props.csrf} />
        <input type="hidden" name="expected_version" value={String(v.expectedVersion)} />
        <input type="hidden" name="slug_was" value={v.slugWas} />
        <input type="hidden" name="body_json" value="" id="editor-body-json" />
        <div class="editor-main">
        <Field id="ed-headline" name="headline" label={t('editor.headline')} value={v.headline} error={e.headline} required maxLength={300} lang={a.lang} dir={a.dir} />
        <div class="field">
          <label for="ed-dek">{t('editor.dek')}</label>
          <textarea id="ed-dek" name="dek" rows={2} lang={a.lang} dir={a.dir} maxLength={600} aria-invalid={e.dek ? 'true' : undefined} aria-describedby={describedBy('ed-dek', e.dek)}>
            {v.dek}
          </textarea>
          <FieldError id="ed-dek" error={e.dek} />
        </div>
        <div class="field editor-body">
          <label for="ed-body" id="ed-body-label">
            {t('editor.body')}
          </label>
          <span class="hint" id="ed-body-hint">
            {t('editor.body_hint')}
          </span>
          <textarea id="ed-body" name="body" rows={18} lang={a.lang} dir={a.dir} aria-invalid={e.body ? 'true' : undefined} aria-describedby={describedBy('ed-body', e.body, true)}>
            {v.bodyText}
          </textarea>
          <FieldError id="ed-body" error={e.body} />
          <p class="editor-words" id="editor-words" aria-live="polite">
            {t('editor.word_count', { count: props.words })}
          </p>
          <script type="application/json" id="editor-doc" dangerouslySetInnerHTML={{ __html: jsonForScript(v.bodyDoc) }} />
          <script type="application/json" id="editor-strings" dangerouslySetInnerHTML={{ __html: jsonForScript(clientStrings(t)) }} />
        </div>
        </div>
        <div class="editor-meta">
          <Field id="ed-dateline" name="dateline" label={t('editor.dateline')} value={v.dateline} error={e.dateline} maxLength={120} lang={a.lang} dir={a.dir} />
          <Field id="ed-credit" name="credit_line" label={t('editor.credit')} value={v.creditLine} error={e.creditLine} maxLength={200} lang={a.lang} dir={a.dir} />
          <Field id="ed-byline" name="byline" label={t('editor.byline')} value={v.byline} error={e.byline} maxLength={200} lang={a.lang} dir={a.dir} />
          <div class="field">
            <label for="ed-section">{t('editor.section')}</label>
            <select id="ed-section" name="section" aria-invalid={e.sectionId ? 'true' : undefined} aria-describedby={describedBy('ed-section', e.sectionId)}>
              <option value="" selected={v.sectionId === ''}>
                {t('editor.no_section')}
              </option>
              {props.sections.map((s) => (
                <option key={s.id} value={String(s.id)} selected={v.sectionId === String(s.id)} lang={a.lang} dir={a.dir}>
                  {s.name}
                </option>
              ))}
            </select>
            <FieldError id="ed-section" error={e.sectionId} />
          </div>
          <fieldset class="editor-tags" aria-describedby={e.tagIds ? 'ed-tags-error' : undefined}>
            <legend>{t('editor.tags')}</legend>
            {props.tags.length === 0 ? <p class="hint">{t('editor.no_tags')}</p> : null}
            {props.tags.map((tag) => (
              <label key={tag.id} class="editor-tag">
                <input type="checkbox" name="tags" value={String(tag.id)} checked={v.tagIds.includes(String(tag.id))} /> <span lang={a.lang} dir={a.dir}>
                  {tag.name}
                </span>
              </label>
            ))}
            <FieldError id="ed-tags" error={e.tagIds} />
          </fieldset>
          <Field id="ed-slug" name="slug" label={t('editor.slug')} value={v.slug} error={e.slug} hint={t('editor.slug_hint')} dir="auto" maxLength={200} />
          <Field id="ed-media" name="featured_media" label={t('editor.featured_media')} type="number" inputMode="numeric" value={v.featuredMediaId} error={e.featuredMediaId} hint={t('editor.featured_media_hint')} dir="ltr" />
          <div class="field editor-check">
            <input type="checkbox" id="ed-comments" name="comments" value="open" checked={v.commentsOpen} /> <label for="ed-comments">{t('editor.comments_open')}</label>
          </div>
          <Field id="ed-note" name="note" label={t('editor.note')} value={v.note} error={e.note} hint={t('editor.note_hint')} maxLength={500} dir="auto" />
        </div>
        <div class="editor-actions">
          {props.canEdit ? (
            <button type="submit" class="editor-save">
              {props.conflict ? t('editor.conflict.overwrite') : t('editor.save')}
            </button>
          ) : null}
          <p class="editor-autosave" id="editor-autosave" role="status" aria-live="polite" hidden></p>
        </div>
      </form>
      <section class="editor-workflow" aria-labelledby="workflow-title">
        <h2 id="workflow-title">{t('editor.workflow')}</h2>
        <dl class="editor-times">
          <dt>{t('editor.status')}</dt>
          <dd>{a.statusLabel}</dd>
          {props.times.map((time) => (
            <>
              <dt>{time.label}</dt>
              <dd>
                <time dateTime={time.iso}>{time.text}</time>
              </dd>
            </>
          ))}
        </dl>
        {props.actions.length ? (
          <div class="editor-transitions">
            {props.actions.map((act) => (
              <form key={act.to} method="post" action={`/admin/articles/${a.id}/workflow`} class={`editor-transition editor-transition-${act.to}`}>
                <Csrf token={props.csrf} />
                <input type="hidden" name="to" value={act.to} />
                <input type="hidden" name="expected_version" value={String(v.expectedVersion)} />
                {act.to === 'scheduled' ? (
                  <div class="field">
                    <label for="ed-schedule">{t('editor.schedule_at', { zone: props.timeZone })}</label>
                    <input type="datetime-local" id="ed-schedule" name="scheduled_at" value={props.scheduleValue} required aria-invalid={e.scheduledAt ? 'true' : undefined} aria-describedby={describedBy('ed-schedule', e.scheduledAt)} />
                    <FieldError id="ed-schedule" error={e.scheduledAt} />
                  </div>
                ) : null}
                <button type="submit">{act.label}</button>
              </form>
            ))}
          </div>
        ) : null}
        <h3>{t('editor.history')}</h3>
        <ol class="editor-history">
          {props.history.map((h) => (
            <li key={h.number}>
              <bdi>{h.who}</bdi> · <time dateTime={h.iso}>{h.text}</time>
              {h.note ? (
                <>
                  {' · '}
                  <bdi>{h.note}</bdi>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {props.scriptHref ? <script type="module" src={props.scriptHref} /> : null}
    </AdminFrame>
  );
}
