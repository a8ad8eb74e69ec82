// The text of comment emails in an edition's language, for the jobs that send them (jobs do not
// read catalogs; main.ts hands them this).
import { translator } from './index.js';

const LOCALES: Record<string, string> = { en: 'en-GB', fa: 'fa-IR', ar: 'ar-EG', fr: 'fr-FR', es: 'es-ES', ur: 'ur-PK' };

export function mailTexts(language: string, key: 'moderation' | 'reply', params: Record<string, string>): { subject: string; text: string } {
  const t = translator({ language, locale: LOCALES[language] ?? language, numbering: 'latn' });
  return key === 'moderation'
    ? { subject: t('comments.mail.moderation_subject', params), text: t('comments.mail.moderation_body', params) }
    : { subject: t('comments.mail.reply_subject', params), text: t('comments.mail.reply_body', params) };
}
