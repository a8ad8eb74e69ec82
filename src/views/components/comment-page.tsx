// A page of its own for comments: the form after errors (status 422), a reply form under the
// comment replied to, and later pages of a long thread. Each links back to its article.
import { Base } from '../layouts/base.js';
import type { Chrome } from '../props.js';
import { CommentForm, CommentItem, CommentsSection, type CommentFormProps, type CommentItemProps, type CommentsSectionProps } from './comments.js';

export interface CommentPageProps {
  chrome: Chrome;
  headline: string;
  articleHref: string;
  /** The comment replied to, shown above the form. */
  replyTo?: CommentItemProps | undefined;
  form?: CommentFormProps | undefined;
  /** A notice instead of a form (comments closed). */
  notice?: string | undefined;
  section?: CommentsSectionProps | undefined;
  /** A one-button form (the unsubscribe confirmation). */
  confirm?: { action: string; label: string } | undefined;
}

export function CommentPage(p: CommentPageProps) {
  const { t } = p.chrome;
  return (
    <Base chrome={p.chrome}>
      <div class="comment-page">
        <p class="kicker">
          <a href={p.articleHref}>{t('comments.back')}</a>
        </p>
        <h1>
          <a href={p.articleHref} dir="auto">
            {p.headline}
          </a>
        </h1>
        {p.section ? <CommentsSection {...p.section} /> : null}
        {p.replyTo ? (
          <div class="comment-list">
            <CommentItem c={{ ...p.replyTo, replyHref: undefined }} t={t} />
          </div>
        ) : null}
        {p.notice ? (
          <p class="comments-closed" role="alert">
            {p.notice}
          </p>
        ) : null}
        {p.form ? <CommentForm f={p.form} t={t} /> : null}
        {p.confirm ? (
          <form method="post" action={p.confirm.action}>
            <button type="submit">{p.confirm.label}</button>
          </form>
        ) : null}
      </div>
    </Base>
  );
}
