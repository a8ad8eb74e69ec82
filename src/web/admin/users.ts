// The admin's users screen: invitations (the one-time link is shown on the page), role and
// edition limit of each account, two-factor reset and deactivation. Routes declare ADMINS; the
// domain functions refuse anyone else as well.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROLES } from '../../core/context.js';
import { isDomainError } from '../../core/errors.js';
import { createInvitation, deactivateUser, INVITATION_PATH, listAccounts, resetTotp, updateAccess } from '../../domain/users/index.js';
import { UsersPage, type UsersProps } from '../../views/pages/admin-users.js';
import type { ScreenDeps } from './sign-in.js';
import { ADMINS, ROLE_LABELS, fieldMessages, formList, formString, frameOf, sendPage, when } from './screens.js';

const idParam = { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['id'] } as const;

export function registerUsers(admin: FastifyInstance, deps: ScreenDeps): void {
  const css = deps.cssHref;
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(request.newsroom.actor, request.log);

  async function usersPage(request: FastifyRequest, reply: FastifyReply, extra: Partial<UsersProps> = {}, status = 200) {
    const frame = frameOf(request, reply, css, '/admin/users');
    const { t, actor } = request.newsroom;
    const accounts = await listAccounts(ctxOf(request));
    return sendPage(
      reply,
      UsersPage({
        frame,
        csrf: frame.csrf,
        inviteErrors: {},
        ...extra,
        roles: ROLES.map((value) => ({ value, label: t(ROLE_LABELS[value]) })),
        editions: deps.editions.all().map((e) => ({ code: e.code, name: e.nativeName, dir: e.direction })),
        users: accounts.map((a) => ({ ...a, totp: a.totpEnabled, self: actor.kind === 'user' && actor.id === a.id })),
      }),
      status,
    );
  }

  const config = { roles: ADMINS };
  admin.get('/users', { config }, async (request, reply) => {
    const done = (request.query as Record<string, unknown>).done;
    return usersPage(request, reply, done !== undefined ? { notice: request.newsroom.t('newsroom.saved') } : {});
  });

  admin.post('/users/invite', { config }, async (request, reply) => {
    const email = formString(request.body, 'email');
    try {
      const invitation = await createInvitation(ctxOf(request), { email, role: formString(request.body, 'role'), editions: formList(request.body, 'editions') });
      // BASE_URL when the operator set it; otherwise the address this admin is using (a laptop's port).
      const origin = deps.config.baseUrlGiven ? deps.config.baseUrl : `${request.protocol}://${request.host}`;
      const link = `${origin}${INVITATION_PATH}${invitation.token}`;
      return usersPage(request, reply, { invitation: { link, email: invitation.email, expires: when(request.newsroom.language, invitation.expiresAt) } }, 201);
    } catch (error) {
      if (isDomainError(error) && (error.code === 'USER_INVALID' || error.code === 'USER_EMAIL_TAKEN')) {
        return usersPage(request, reply, { inviteErrors: fieldMessages(request.newsroom.t, error), inviteEmail: email.slice(0, 254) }, error.kind === 'Conflict' ? 409 : 422);
      }
      throw error;
    }
  });

  admin.post<{ Params: { id: number } }>('/users/:id/access', { config, schema: { params: idParam } }, async (request, reply) => {
    try {
      await updateAccess(ctxOf(request), request.params.id, { role: formString(request.body, 'role'), editions: formList(request.body, 'editions') });
    } catch (error) {
      if (isDomainError(error) && (error.code === 'USER_INVALID' || error.code === 'USER_SELF')) {
        return usersPage(request, reply, { error: request.newsroom.t(error.code === 'USER_SELF' ? 'newsroom.users.not_self' : 'newsroom.form.fix') }, error.kind === 'Conflict' ? 409 : 422);
      }
      throw error;
    }
    return reply.redirect('/admin/users?done', 303);
  });

  admin.post<{ Params: { id: number } }>('/users/:id/deactivate', { config, schema: { params: idParam } }, async (request, reply) => {
    try {
      await deactivateUser(ctxOf(request), request.params.id);
    } catch (error) {
      if (isDomainError(error) && error.code === 'USER_SELF') return usersPage(request, reply, { error: request.newsroom.t('newsroom.users.not_self') }, 409);
      throw error;
    }
    return reply.redirect('/admin/users?done', 303);
  });

  admin.post<{ Params: { id: number } }>('/users/:id/reset-2fa', { config, schema: { params: idParam } }, async (request, reply) => {
    await resetTotp(ctxOf(request), request.params.id);
    return reply.redirect('/admin/users?done', 303);
  });
}
