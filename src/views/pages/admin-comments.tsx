// The comment moderation desk: tabs per state with counts, an edition filter (a GET form), and the
// comments of the chosen state with their author's email and hashed address (staff only) in one
// POST form whose buttons move the selected comments.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Notice } from './admin-frame.js';

export type DeskState = 'pending' | 'approved' | 'spam' | 'trash';

export interface DeskProps {
  frame: Omit<AdminFrameProps, 'title'>;
  csrf: string;
  state: DeskState;
  edition: string;
  editions: Array<{ code: string; name: string }>;
  counts: Record<DeskState, number>;
  notice?: string | undefined;
  error?: string | undefined;
  comments: Array<{
    id: number;
    headline: string;
    articleHref: string;
    name: string;
    email: string;
    ipHash: string;
    website: string | null;
    time: { iso: string; text: string };
    body: string;
    replyTo: number | null;
    erased: boolean;
    /** Why the spam checks held it, in the interface language. */
    held: string[];
    score: string | undefined;
  }>;
  more?: string | undefined;
  /** The privacy form's address as typed, and its problems by field (email, confirm). */
  privacyEmail?: string | undefined;
  privacyErrors?: Record<string, string> | undefined;
  /** views/assets/desk.js: keyboard moderation, an enhancement only. */
  scriptHref?: string | undefined;
}

const STATES: DeskState[] = ['pending', 'approved', 'spam', 'trash'];
/** The buttons of a tab: every other state, the usual next step first. */
const MOVES_FROM: Record<DeskState, DeskState[]> = {
  pending: ['approved', 'spam', 'trash'],
  approved: ['pending', 'spam', 'trash'],
  spam: ['approved', 'pending', 'trash'],
  trash: ['pending', 'approved', 'spam'],
};
const MOVE_LABEL = { approved: 'desk.approve', spam: 'desk.spam', trash: 'desk.trash', pending: 'desk.pending' } as const;
/** The key of each move in the desk's keyboard enhancement (views/assets/desk.js). */
const MOVE_KEY: Record<DeskState, string> = { approved: 'a', spam: 's', trash: 'd', pending: 'p' };

export function deskHref(state: DeskState, edition: string): string {
  const q = new URLSearchParams({ state });
  if (edition) q.set('edition', edition);
  return `/admin/comments?${q.toString()}`;
}

export function CommentDeskPage(props: DeskProps) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={t('desk.title')}>
      <h1>{t('desk.title')}</h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <nav aria-label={t('desk.tabs')} class="desk-tabs">
        <ul>
          {STATES.map((s) => (
            <li key={s}>
              <a href={deskHref(s, props.edition)} aria-current={s === props.state ? 'page' : undefined}>
                {t(`desk.state.${s}`)} ({props.counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/comments" class="desk-filter">
        <input type="hidden" name="state" value={props.state} />
        <label for="desk-edition">{t('desk.edition')}</label>
        <select id="desk-edition" name="edition">
          <option value="" selected={props.edition === ''}>
            {t('desk.all_editions')}
          </option>
          {props.editions.map((e) => (
            <option key={e.code} value={e.code} selected={props.edition === e.code}>
              {e.name}
            </option>
          ))}
        </select>
        <button type="submit">{t('desk.filter')}</button>
      </form>
      {props.comments.length === 0 ? (
        <p>{t('desk.empty')}</p>
      ) : (
        <form method="post" action={deskHref(props.state, props.edition)} class="desk-list">
          <Csrf token={props.csrf} />
          <div class="desk-actions">
            {MOVES_FROM[props.state].map((to) => (
              <button key={to} type="submit" name="to" value={to} data-key={MOVE_KEY[to]}>
                {t(MOVE_LABEL[to])}
              </button>
            ))}
          </div>
          <p class="desk-shortcuts" hidden>
            {t('desk.shortcuts')}
          </p>
          <ul class="desk-comments">
            {props.comments.map((c) => (
              <li key={c.id} class="desk-comment" id={`comment-${c.id}`}>
                <input type="checkbox" name="ids" value={String(c.id)} id={`desk-select-${c.id}`} />
                <label for={`desk-select-${c.id}`} class="visually-hidden">
                  {t('desk.select', { id: c.id })}
                </label>
                <p>
                  {t('desk.on')}{' '}
                  <a href={c.articleHref} dir="auto">
                    {c.headline}
                  </a>
                </p>
                <dl>
                  <dt>{t('comments.name')}</dt>
                  <dd dir="auto">{c.name}</dd>
                  <dt>{t('desk.email')}</dt>
                  <dd dir="ltr">{c.email}</dd>
                  <dt>{t('desk.ip')}</dt>
                  <dd dir="ltr">
                    <code>{c.ipHash}</code>
                  </dd>
                  {c.website ? (
                    <>
                      <dt>{t('desk.website')}</dt>
                      <dd dir="ltr">{c.website}</dd>
                    </>
                  ) : null}
                </dl>
                <time dateTime={c.time.iso}>{c.time.text}</time>
                {c.replyTo !== null ? (
                  <p>
                    <a href={`${c.articleHref}#comment-${c.replyTo}`}>{t('desk.reply', { id: c.replyTo })}</a>
                  </p>
                ) : null}
                {c.erased ? <p class="desk-erased">{t('desk.erased')}</p> : null}
                <p dir="auto" class="desk-body">
                  {c.body}
                </p>
                {c.held.length || c.score ? (
                  <p class="desk-why">
                    {c.held.length ? `${t('desk.held')}: ${new Intl.ListFormat(props.frame.lang, { type: 'conjunction' }).format(c.held)}` : null}
                    {c.held.length && c.score ? ' — ' : null}
                    {c.score ?? null}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </form>
      )}
      {props.more ? <a href={props.more}>{t('desk.more')}</a> : null}
      <PrivacyTools {...props} />
      {props.scriptHref && props.comments.length ? <script type="module" src={props.scriptHref} /> : null}
    </AdminFrame>
  );
}

/** Export or erase everything stored about one commenter, by email address. */
function PrivacyTools(props: DeskProps) {
  const { t } = props.frame;
  const errors = props.privacyErrors ?? {};
  return (
    <section class="newsroom-section" aria-labelledby="desk-privacy-heading">
      <h2 id="desk-privacy-heading">{t('desk.privacy.title')}</h2>
      <p>{t('desk.privacy.intro')}</p>
      <form method="post" action="/admin/comments/privacy" class="newsroom-form">
        <Csrf token={props.csrf} />
        <div class="field">
          <label for="desk-privacy-email">{t('desk.email')}</label>
          <input id="desk-privacy-email" name="email" type="email" required dir="ltr" maxLength={254} autoComplete="off" value={props.privacyEmail ?? ''} aria-invalid={errors.email ? 'true' : undefined} aria-describedby={errors.email ? 'desk-privacy-email-error' : undefined} />
          {errors.email ? (
            <span class="field-error" id="desk-privacy-email-error">
              {errors.email}
            </span>
          ) : null}
        </div>
        <div class="newsroom-choice">
          <input id="desk-privacy-confirm" name="confirm" type="checkbox" value="yes" aria-invalid={errors.confirm ? 'true' : undefined} aria-describedby={errors.confirm ? 'desk-privacy-confirm-error' : undefined} />
          <label for="desk-privacy-confirm">{t('desk.privacy.confirm')}</label>
        </div>
        {errors.confirm ? (
          <span class="field-error" id="desk-privacy-confirm-error">
            {errors.confirm}
          </span>
        ) : null}
        <div class="newsroom-row">
          <button type="submit" name="action" value="export">
            {t('desk.privacy.export')}
          </button>
          <button type="submit" name="action" value="erase">
            {t('desk.privacy.erase')}
          </button>
        </div>
      </form>
    </section>
  );
}
