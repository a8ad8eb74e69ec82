// Comment emails, sent by jobs (never in the request): moderators hear of a comment awaiting
// moderation; a commenter who opted in hears of an approved reply, with a signed one-click
// unsubscribe (RFC 8058). The text comes localized from `texts`, given by main.ts (jobs do not
// read catalogs); an SMTP failure throws, so the runner retries with backoff and the mail waits.
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import { findCommentNotice, unsubscribeSignature } from '../domain/comments/index.js';
import type { DbCtx } from '../storage/database.js';

export type MailTexts = (language: string, key: 'moderation' | 'reply', params: Record<string, string>) => { subject: string; text: string };

export interface CommentMailer {
  notifyModerators(ctx: DbCtx, commentId: number): Promise<void>;
  notifyReply(ctx: DbCtx, commentId: number): Promise<void>;
}

export function createCommentMailer(config: Pick<Config, 'mail' | 'baseUrl'>, texts: MailTexts): CommentMailer {
  const mail = config.mail;
  const transport = mail ? nodemailer.createTransport(mail.url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : undefined;
  const articleUrl = (edition: string, id: number, slug: string) => `${config.baseUrl}/${edition}/news/${id}/${encodeURIComponent(slug)}`;
  return {
    async notifyModerators(ctx, commentId) {
      if (!transport || !mail || !mail.moderators.length) return;
      const c = await findCommentNotice(ctx, commentId);
      if (!c || c.status !== 'pending') return;
      const { subject, text } = texts(c.edition, 'moderation', { name: c.name, headline: c.article.headline, body: c.body, url: `${articleUrl(c.edition, c.article.id, c.article.slug)}`, id: String(c.id) });
      await transport.sendMail({ from: mail.from, to: mail.moderators, subject, text });
    },
    async notifyReply(ctx, commentId) {
      if (!transport || !mail) return;
      const c = await findCommentNotice(ctx, commentId);
      if (!c || c.status !== 'approved' || !c.notifyParent) return;
      const unsubscribe = `${config.baseUrl}/${c.edition}/comments/unsubscribe/${c.notifyParent.id}/${await unsubscribeSignature(ctx, c.notifyParent.id)}`;
      const { subject, text } = texts(c.edition, 'reply', { name: c.name, parent: c.notifyParent.name, headline: c.article.headline, body: c.body, url: `${articleUrl(c.edition, c.article.id, c.article.slug)}#comment-${c.id}`, unsubscribe });
      await transport.sendMail({
        from: mail.from,
        to: c.notifyParent.email,
        subject,
        text,
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
    },
  };
}
