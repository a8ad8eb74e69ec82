// The comments under an article: the thread (replies indented, oldest first), each with its
// identicon, name (website as a nofollow link), relative time, permalink and Reply link; the
// author's own held comment marked; "more comments" as a plain link; and the comment form.
import type { JSX } from 'preact';
import type { Translate } from '../../i18n/index.js';

export type CommentSegment = { text: string } | { href: string; text: string };

export interface CommentItemProps {
  id: number;
  depth: number;
  state: 'approved' | 'pending' | 'removed';
  name: string;
  website: string | null;
  /** Paragraphs → lines → segments (plain text and safe links). */
  body: CommentSegment[][][];
  time: { datetime: string; text: string; title: string };
  avatar: { hue: number; cells: Array<[number, number]> };
  /** The page with the reply form under this comment; absent at the deepest level or when closed. */
  replyHref?: string | undefined;
}

export interface CommentFormProps {
  action: string;
  token: string;
  /** Where the script asks for a fresh token of this reader's own. */
  tokenUrl?: string | undefined;
  parentId?: number | undefined;
  /** "Reply to {name}" instead of the page's form heading. */
  replyToName?: string | undefined;
  values: { name: string; email: string; website: string; body: string; remember: boolean; notify: boolean };
  /** Field → localized message. `form` is the form as a whole (an expired token). */
  errors: Record<string, string>;
}

export interface CommentsSectionProps {
  t: Translate;
  countText: string;
  items: CommentItemProps[];
  olderHref?: string | undefined;
  newerHref?: string | undefined;
  feedHref: string;
  /** Absent when comments are closed. */
  form?: CommentFormProps | undefined;
  /** The enhancement script (posting in place); the section works without it. */
  scriptHref?: string | undefined;
}

function Identicon({ avatar }: { avatar: CommentItemProps['avatar'] }) {
  const fill = `hsl(${avatar.hue} 55% 42%)`;
  return (
    <svg class="identicon" viewBox="0 0 5 5" width="40" height="40" aria-hidden="true" focusable="false">
      <rect width="5" height="5" fill="#f1f1f1" />
      {avatar.cells.map(([x, y]) => (
        <rect key={`${x}.${y}`} x={x} y={y} width="1" height="1" fill={fill} />
      ))}
    </svg>
  );
}

function Body({ body }: { body: CommentSegment[][][] }) {
  return (
    <>
      {body.map((paragraph, p) => (
        <p key={p}>
          {paragraph.map((line, l) => (
            <>
              {l > 0 ? <br /> : null}
              {line.map((segment, s) =>
                'href' in segment ? (
                  <a key={s} href={segment.href} rel="nofollow ugc noopener">
                    {segment.text}
                  </a>
                ) : (
                  segment.text
                ),
              )}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

export function CommentItem({ c, t }: { c: CommentItemProps; t: Translate }) {
  const anchor = `comment-${c.id}`;
  if (c.state === 'removed') {
    return (
      <article id={anchor} class={`comment depth-${c.depth} removed`} aria-label={t('comments.removed')}>
        <p class="comment-removed">{t('comments.removed')}</p>
      </article>
    );
  }
  return (
    <article id={anchor} class={`comment depth-${c.depth}${c.state === 'pending' ? ' pending' : ''}`} aria-labelledby={`${anchor}-by`}>
      <header class="comment-head">
        <Identicon avatar={c.avatar} />
        <p class="comment-by" id={`${anchor}-by`}>
          {c.website ? (
            <a href={c.website} rel="nofollow ugc noopener" dir="auto">
              {c.name}
            </a>
          ) : (
            <bdi>{c.name}</bdi>
          )}
        </p>
        <a class="comment-permalink" href={`#${anchor}`}>
          <time dateTime={c.time.datetime} title={c.time.title}>
            {c.time.text}
          </time>
        </a>
      </header>
      {c.state === 'pending' ? (
        <p class="comment-pending" role="status">
          {t('comments.pending')}
        </p>
      ) : null}
      <div class="comment-body" dir="auto">
        <Body body={c.body} />
      </div>
      {c.replyHref ? (
        <p class="comment-actions">
          <a class="comment-reply" href={c.replyHref} data-reply-to={String(c.id)} aria-label={t('comments.reply_to', { name: c.name })}>
            {t('comments.reply')}
          </a>
        </p>
      ) : null}
    </article>
  );
}

const fieldId = (name: string, parentId?: number) => `comment-${name}${parentId ? `-${parentId}` : ''}`;

function Field(props: { t: Translate; name: string; label: string; required?: boolean; error?: string | undefined; parentId?: number | undefined; children: (attrs: Record<string, string | boolean | undefined>) => JSX.Element }) {
  const id = fieldId(props.name, props.parentId);
  const errorId = `${id}-error`;
  return (
    <p class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.error ? (
        <span class="field-error" id={errorId}>
          {props.error}
        </span>
      ) : null}
      {props.children({ id, 'aria-invalid': props.error ? 'true' : undefined, 'aria-describedby': props.error ? errorId : undefined, required: props.required })}
    </p>
  );
}

export function CommentForm({ f, t }: { f: CommentFormProps; t: Translate }) {
  const headingId = `comment-form-heading${f.parentId ? `-${f.parentId}` : ''}`;
  const errorCount = Object.keys(f.errors).length;
  return (
    <form class="comment-form" id={f.parentId ? `reply-${f.parentId}` : 'respond'} method="post" action={f.action} aria-labelledby={headingId} data-token-url={f.tokenUrl} novalidate>
      <h2 id={headingId}>{f.replyToName ? t('comments.reply_heading', { name: f.replyToName }) : t('comments.form_heading')}</h2>
      {errorCount ? (
        <p class="form-errors" role="alert">
          {f.errors.form ?? t('comments.errors_summary', { count: errorCount })}
        </p>
      ) : null}
      <input type="hidden" name="token" value={f.token} />
      {f.parentId ? <input type="hidden" name="parent" value={String(f.parentId)} /> : null}
      <Field t={t} name="name" label={t('comments.name')} required error={f.errors.name} parentId={f.parentId}>
        {(a) => <input {...a} name="name" type="text" maxLength={100} autoComplete="name" dir="auto" value={f.values.name} />}
      </Field>
      <Field t={t} name="email" label={t('comments.email')} required error={f.errors.email} parentId={f.parentId}>
        {(a) => <input {...a} name="email" type="email" maxLength={254} autoComplete="email" dir="ltr" value={f.values.email} />}
      </Field>
      <Field t={t} name="website" label={t('comments.website')} error={f.errors.website} parentId={f.parentId}>
        {(a) => <input {...a} name="website" type="url" maxLength={2048} autoComplete="url" dir="ltr" value={f.values.website} />}
      </Field>
      <Field t={t} name="body" label={t('comments.body')} required error={f.errors.body} parentId={f.parentId}>
        {(a) => <textarea {...a} name="comment" rows={6} maxLength={5000} dir="auto" value={f.values.body} />}
      </Field>
      <p class="comment-note">{t('comments.note')}</p>
      {/* People never see or reach this field; robots that fill every input do. */}
      <div class="hp" aria-hidden="true">
        <label for={fieldId('homepage', f.parentId)}>{t('comments.honeypot')}</label>
        <input id={fieldId('homepage', f.parentId)} name="homepage" type="text" tabIndex={-1} autoComplete="off" value="" />
      </div>
      <p class="check">
        <input id={fieldId('remember', f.parentId)} name="remember" type="checkbox" value="1" checked={f.values.remember} />
        <label for={fieldId('remember', f.parentId)}>{t('comments.remember')}</label>
      </p>
      <p class="check">
        <input id={fieldId('notify', f.parentId)} name="notify" type="checkbox" value="1" checked={f.values.notify} />
        <label for={fieldId('notify', f.parentId)}>{t('comments.notify')}</label>
      </p>
      <p>
        <button type="submit">{t('comments.submit')}</button>
      </p>
    </form>
  );
}

export function CommentsSection(p: CommentsSectionProps) {
  const { t } = p;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{p.countText}</h2>
      {p.newerHref ? (
        <p class="comments-pages">
          <a href={p.newerHref}>{t('comments.first_page')}</a>
        </p>
      ) : null}
      {p.items.length ? (
        <div class="comment-list">
          {p.items.map((c) => (
            <CommentItem key={c.id} c={c} t={t} />
          ))}
        </div>
      ) : null}
      {p.olderHref ? (
        <p class="comments-pages">
          <a href={p.olderHref} rel="next">
            {t('comments.more')}
          </a>
        </p>
      ) : null}
      <p class="comments-feed">
        <a href={p.feedHref} type="application/atom+xml">
          {t('comments.feed')}
        </a>
      </p>
      {p.form ? <CommentForm f={p.form} t={t} /> : <p class="comments-closed">{t('comments.closed')}</p>}
      {p.scriptHref && p.form ? <script src={p.scriptHref} defer /> : null}
    </section>
  );
}
