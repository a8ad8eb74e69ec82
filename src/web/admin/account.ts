// The account screen of every staff member: password change (forced after a first-run or
// admin-given password), interface language, TOTP set-up (QR code as a data: SVG image, which
// the CSP's img-src allows) and turning it off, and the list of sessions with sign-out-everywhere.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { isDomainError } from '../../core/errors.js';
import {
  changePassword,
  confirmTotp,
  countRecoveryCodes,
  disableTotp,
  INTERFACE_LANGUAGES,
  listMySessions,
  pendingTotpSetup,
  setInterfaceLanguage,
  startTotpSetup,
} from '../../domain/users/index.js';
import { AccountPage, type AccountProps } from '../../views/pages/admin-account.js';
import { PasswordPage } from '../../views/pages/admin-sign-in.js';
import { PASSWORD_PATH } from './auth.js';
import type { ScreenDeps } from './sign-in.js';
import { STAFF, fieldMessages, formString, frameOf, sendPage, when } from './screens.js';

/** "Firefox · Linux" from a User-Agent: enough to tell one's own devices apart, short enough for a phone. */
export function deviceOf(userAgent: string): string {
  const browser =
    /\b(Edg|OPR|Firefox|Chrome|Safari)\/(\d+)/.exec(userAgent.replace(/HeadlessChrome/, 'Chrome'))?.slice(1, 3).join(' ').replace(/^Edg\b/, 'Edge').replace(/^OPR\b/, 'Opera') ?? '';
  const system = /\b(Android|iPhone|iPad|Windows|Mac OS X|Linux|CrOS)\b/.exec(userAgent)?.[1]?.replace('Mac OS X', 'macOS').replace('CrOS', 'ChromeOS') ?? '';
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 40) || '—';
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fa: 'فارسی', ar: 'العربية', fr: 'Français', es: 'Español', ur: 'اردو' };

export function registerAccount(admin: FastifyInstance, deps: ScreenDeps): void {
  const css = deps.cssHref;
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(request.newsroom.actor, request.log);

  async function accountPage(request: FastifyRequest, reply: FastifyReply, extra: Partial<AccountProps> & { codeError?: string; passwordError?: string } = {}, status = 200) {
    const ctx = ctxOf(request);
    const { session, language } = request.newsroom;
    const frame = frameOf(request, reply, css, '/admin/account');
    let totp: AccountProps['totp'] = { state: 'off' };
    if (session?.totpEnabled || extra.recoveryCodes) {
      totp = { state: 'on', recoveryLeft: await countRecoveryCodes(ctx), passwordError: extra.passwordError };
    } else {
      const pending = await pendingTotpSetup(ctx);
      if (pending) {
        const svg = await QRCode.toString(pending.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        totp = { state: 'pending', qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, secret: pending.secret, codeError: extra.codeError };
      }
    }
    const sessions = (await listMySessions(ctx, request.newsroom.sessionToken)).map((s) => ({
      id: s.id,
      device: deviceOf(s.userAgent),
      since: when(language, s.createdAt),
      seen: when(language, s.lastSeenAt),
      current: s.current,
    }));
    return sendPage(
      reply,
      AccountPage({
        frame,
        csrf: frame.csrf,
        email: session?.email ?? '',
        notice: extra.notice,
        error: extra.error,
        language: { chosen: session?.interfaceLanguage ?? '', options: INTERFACE_LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] ?? value })) },
        totp,
        recoveryCodes: extra.recoveryCodes,
        sessions,
      }),
      status,
    );
  }

  const config = { roles: STAFF };
  admin.get('/account', { config }, async (request, reply) => {
    const saved = (request.query as Record<string, unknown>).saved;
    return accountPage(request, reply, saved !== undefined ? { notice: request.newsroom.t('newsroom.saved') } : {});
  });

  admin.get('/account/password', { config: { roles: STAFF, passwordChange: true } }, async (request, reply) => {
    const frame = frameOf(request, reply, css, PASSWORD_PATH);
    return sendPage(reply, PasswordPage({ frame, csrf: frame.csrf, forced: request.newsroom.session?.mustChangePassword ?? false, errors: {} }));
  });

  admin.post('/account/password', { config: { roles: STAFF, passwordChange: true } }, async (request, reply) => {
    const current = formString(request.body, 'current');
    const next = formString(request.body, 'next');
    const confirm = formString(request.body, 'confirm');
    const forced = request.newsroom.session?.mustChangePassword ?? false;
    const render = (errors: Record<string, string>) => {
      const frame = frameOf(request, reply, css, PASSWORD_PATH);
      return sendPage(reply, PasswordPage({ frame, csrf: frame.csrf, forced, errors }), 422);
    };
    if (next !== confirm) return render({ confirm: request.newsroom.t('newsroom.password.mismatch') });
    try {
      await changePassword(ctxOf(request), { current, next, keep: request.newsroom.sessionToken });
    } catch (error) {
      if (isDomainError(error) && error.code === 'PASSWORD_INVALID') return render(fieldMessages(request.newsroom.t, error));
      throw error;
    }
    return reply.redirect(forced ? '/admin' : '/admin/account?saved', 303);
  });

  admin.post('/account/language', { config }, async (request, reply) => {
    await setInterfaceLanguage(ctxOf(request), formString(request.body, 'language'));
    return reply.redirect('/admin/account?saved', 303);
  });

  admin.post('/account/2fa', { config }, async (request, reply) => {
    if (!request.newsroom.session?.totpEnabled) await startTotpSetup(ctxOf(request));
    return reply.redirect('/admin/account#totp-h', 303);
  });

  admin.post('/account/2fa/confirm', { config }, async (request, reply) => {
    try {
      const codes = await confirmTotp(ctxOf(request), formString(request.body, 'code'));
      return accountPage(request, reply, { recoveryCodes: codes });
    } catch (error) {
      if (isDomainError(error) && error.code === 'TOTP_INVALID') return accountPage(request, reply, { codeError: fieldMessages(request.newsroom.t, error).code }, 422);
      throw error;
    }
  });

  admin.post('/account/2fa/disable', { config }, async (request, reply) => {
    try {
      await disableTotp(ctxOf(request), formString(request.body, 'password'));
    } catch (error) {
      if (isDomainError(error) && error.code === 'PASSWORD_INVALID') return accountPage(request, reply, { passwordError: fieldMessages(request.newsroom.t, error).current }, 422);
      throw error;
    }
    return reply.redirect('/admin/account?saved', 303);
  });
}
