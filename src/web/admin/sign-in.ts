// The door: sign-in with email and password (then the TOTP code when the account has one), sign
// out here or everywhere, and accepting an invitation. Every failure re-renders the form with a
// localized message and an honest status: 401 wrong credentials, 429 with Retry-After when
// throttled, 422 for rules, 404/410 for an unknown or spent invitation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymous } from '../../core/context.js';
import { isDomainError } from '../../core/errors.js';
import { acceptInvitation, completeSignIn, getInvitation, signIn, signOut, signOutEverywhere } from '../../domain/users/index.js';
import { InvitationPage, MessagePage, SecondFactorPage, SignInPage } from '../../views/pages/admin-sign-in.js';
import type { WebDeps } from '../deps.js';
import { sessionPolicy } from './auth.js';
import { STAFF_COOKIE, clearCookie, setCookie } from './request-state.js';
import { ROLE_LABELS, fieldMessages, formString, frameOf, sendPage } from './screens.js';

export interface ScreenDeps extends WebDeps {
  cssHref: string;
  presenceJsHref?: string | undefined;
}

const userAgentOf = (request: FastifyRequest) => String(request.headers['user-agent'] ?? '').slice(0, 200);

function throttled(reply: FastifyReply, seconds: number) {
  reply.header('retry-after', String(seconds));
  return Math.max(1, Math.ceil(seconds / 60));
}

export function registerSignIn(admin: FastifyInstance, deps: ScreenDeps): void {
  const policy = sessionPolicy(deps.config);
  const css = deps.cssHref;

  const startSession = (request: FastifyRequest, reply: FastifyReply, token: string) => {
    setCookie(request, reply, STAFF_COOKIE, token);
  };

  admin.get('/login', { config: { public: true } }, async (request, reply) => {
    const { session } = request.newsroom;
    if (session?.stage === 'signed_in') return reply.redirect('/admin', 303);
    if (session?.stage === 'second_factor') return reply.redirect('/admin/login/code', 303);
    const frame = frameOf(request, reply, css, '/admin/login', { bare: true });
    const notice = (request.query as Record<string, unknown>).signed_out !== undefined ? frame.t('newsroom.sign_in.signed_out') : undefined;
    return sendPage(reply, SignInPage({ frame, csrf: frame.csrf, notice }));
  });

  admin.post('/login', { config: { public: true } }, async (request, reply) => {
    const email = formString(request.body, 'email');
    const password = formString(request.body, 'password');
    const ctx = deps.makeCtx(anonymous, request.log);
    try {
      const opened = await signIn(ctx, { email, password, address: request.ip, userAgent: userAgentOf(request), replacing: request.newsroom.sessionToken }, policy);
      startSession(request, reply, opened.token);
      const next = opened.stage === 'second_factor' ? '/admin/login/code' : opened.mustChangePassword ? '/admin/account/password' : '/admin';
      return reply.redirect(next, 303);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'AUTH_FAILED' && error.code !== 'AUTH_THROTTLED')) throw error;
      const frame = frameOf(request, reply, css, '/admin/login', { bare: true });
      const message =
        error.code === 'AUTH_THROTTLED'
          ? frame.t('newsroom.sign_in.throttled', { minutes: throttled(reply, error.retryAfter ?? 60) })
          : frame.t('newsroom.sign_in.failed');
      return sendPage(reply, SignInPage({ frame, csrf: frame.csrf, email: email.slice(0, 254), error: message }), error.code === 'AUTH_THROTTLED' ? 429 : 401);
    }
  });

  admin.get('/login/code', { config: { secondFactor: 'only' } }, async (request, reply) => {
    const frame = frameOf(request, reply, css, '/admin/login/code', { bare: true });
    return sendPage(reply, SecondFactorPage({ frame, csrf: frame.csrf }));
  });

  admin.post('/login/code', { config: { secondFactor: 'only' } }, async (request, reply) => {
    const ctx = deps.makeCtx(anonymous, request.log);
    try {
      const opened = await completeSignIn(ctx, { token: request.newsroom.sessionToken ?? '', code: formString(request.body, 'code'), address: request.ip, userAgent: userAgentOf(request) }, policy);
      startSession(request, reply, opened.token);
      return reply.redirect(opened.mustChangePassword ? '/admin/account/password' : '/admin', 303);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'AUTH_SECOND_FACTOR_FAILED' && error.code !== 'AUTH_THROTTLED')) throw error;
      const frame = frameOf(request, reply, css, '/admin/login/code', { bare: true });
      const message =
        error.code === 'AUTH_THROTTLED'
          ? frame.t('newsroom.sign_in.throttled', { minutes: throttled(reply, error.retryAfter ?? 60) })
          : frame.t('newsroom.code.failed');
      return sendPage(reply, SecondFactorPage({ frame, csrf: frame.csrf, error: message }), error.code === 'AUTH_THROTTLED' ? 429 : 401);
    }
  });

  // Open to half-signed-in sessions and to accounts that must change their password: leaving is always allowed.
  admin.post('/logout', { config: { secondFactor: true, passwordChange: true } }, async (request, reply) => {
    if (request.newsroom.sessionToken) await signOut(deps.makeCtx(anonymous, request.log), request.newsroom.sessionToken);
    clearCookie(request, reply, STAFF_COOKIE);
    return reply.redirect('/admin/login?signed_out', 303);
  });

  admin.post('/logout/everywhere', { config: { passwordChange: true } }, async (request, reply) => {
    await signOutEverywhere(deps.makeCtx(request.newsroom.actor, request.log));
    clearCookie(request, reply, STAFF_COOKIE);
    return reply.redirect('/admin/login?signed_out', 303);
  });

  const invitationFailure = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (!isDomainError(error) || !['INVITATION_NOT_FOUND', 'INVITATION_USED', 'INVITATION_EXPIRED'].includes(error.code)) throw error;
    const frame = frameOf(request, reply, css, '', { bare: true });
    const key = error.code === 'INVITATION_EXPIRED' ? 'newsroom.invite.expired' : error.code === 'INVITATION_USED' ? 'newsroom.invite.used' : 'newsroom.invite.unknown';
    return sendPage(reply, MessagePage({ frame, title: frame.t('newsroom.invite.accept_title'), message: frame.t(key) }), error.code === 'INVITATION_NOT_FOUND' ? 404 : 410);
  };

  const tokenParam = { type: 'object', properties: { token: { type: 'string', maxLength: 64 } }, required: ['token'] } as const;

  admin.get<{ Params: { token: string } }>('/invite/:token', { config: { public: true }, schema: { params: tokenParam } }, async (request, reply) => {
    try {
      const invitation = await getInvitation(deps.makeCtx(anonymous, request.log), request.params.token);
      const frame = frameOf(request, reply, css, '', { bare: true });
      return sendPage(reply, InvitationPage({ frame, csrf: frame.csrf, token: request.params.token, email: invitation.email, role: frame.t(ROLE_LABELS[invitation.role]), errors: {} }));
    } catch (error) {
      return invitationFailure(request, reply, error);
    }
  });

  admin.post<{ Params: { token: string } }>('/invite/:token', { config: { public: true }, schema: { params: tokenParam } }, async (request, reply) => {
    const ctx = deps.makeCtx(anonymous, request.log);
    const name = formString(request.body, 'name');
    try {
      await acceptInvitation(ctx, request.params.token, { name, password: formString(request.body, 'password') });
      const frame = frameOf(request, reply, css, '', { bare: true });
      return sendPage(reply, MessagePage({ frame, title: frame.t('newsroom.invite.accept_title'), message: frame.t('newsroom.invite.accepted'), link: { href: '/admin/login', label: frame.t('newsroom.sign_in.title') } }), 201);
    } catch (error) {
      if (isDomainError(error) && error.code === 'USER_INVALID') {
        const invitation = await getInvitation(ctx, request.params.token);
        const frame = frameOf(request, reply, css, '', { bare: true });
        return sendPage(
          reply,
          InvitationPage({ frame, csrf: frame.csrf, token: request.params.token, email: invitation.email, role: frame.t(ROLE_LABELS[invitation.role]), name: name.slice(0, 120), errors: fieldMessages(frame.t, error) }),
          422,
        );
      }
      return invitationFailure(request, reply, error);
    }
  });
}
