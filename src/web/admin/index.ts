// The newsroom as one encapsulated Fastify context under /admin: an onRequest auth hook resolves
// the actor or refuses (browser pages go to the sign-in placeholder, anything else hears 401);
// every answer is Cache-Control: no-store and the page cache is not registered here; errors are
// the newsroom's own HTML pages. The newsroom's screens arrive in a later issue; this is the shell.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/context.js';
import type { Translate } from '../../i18n/index.js';
import { AdminShell } from '../../views/pages/admin-shell.js';
import { renderDocument } from '../../views/render.js';
import type { WebDeps } from '../deps.js';
import { answerOtherMethods, collectRoutes } from '../plugins/methods.js';
import { classify, type Problem } from '../problem.js';
import { ADMIN_LOGIN_PATH, adminAuthHook, resolveActor, type ActorResolver } from './auth.js';
import { adminChrome, adminErrorDocument, sendAdminProblem, type AdminChromeOptions } from './errors.js';

export const ADMIN_PREFIX = '/admin';

export interface AdminDeps extends WebDeps {
  cssHref: string;
  /** Who is asking; tests and the later sign-in issue may replace the default (bearer tokens). */
  resolveActor?: ActorResolver;
}

export async function registerAdminContext(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const chromeOptions: AdminChromeOptions = { editions: deps.editions, cssHref: deps.cssHref };
  await app.register(
    async (admin) => {
      const actors = new WeakMap<FastifyRequest, Actor>();
      admin.setErrorHandler((error: FastifyError, request, reply) => {
        const problem = classify(error);
        if (problem.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
        else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
        return sendAdminProblem(chromeOptions, problem, request.id, reply);
      });
      admin.setNotFoundHandler((request, reply) => sendAdminProblem(chromeOptions, { status: 404, code: 'NOT_FOUND', fields: [] }, request.id, reply));
      admin.addHook('onRequest', adminAuthHook(deps.resolveActor ?? resolveActor(deps), actors));
      // Whatever a handler or an error set: newsroom answers depend on who asks and are never stored.
      admin.addHook('onSend', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
      });

      const page = (reply: FastifyReply, heading: (t: Translate) => string, message: (t: Translate) => string) => {
        const chrome = adminChrome(chromeOptions, heading);
        if (!chrome) return reply.type('text/plain; charset=utf-8').send('Dateline');
        return reply.type('text/html; charset=utf-8').send(renderDocument(AdminShell({ chrome, heading: heading(chrome.t), message: message(chrome.t) })));
      };

      const book = collectRoutes(admin);
      admin.get(ADMIN_LOGIN_PATH.slice(ADMIN_PREFIX.length), { config: { public: true } }, async (_request, reply) =>
        page(reply, (t) => t('admin.sign_in.title'), (t) => t('admin.sign_in.body')),
      );
      admin.get('/', async (_request, reply) => page(reply, (t) => t('admin.name'), (t) => t('admin.shell')));
      answerOtherMethods(admin, book);
      // Unknown newsroom paths stay the newsroom's (auth first, then its 404), not the site's.
      admin.route({
        method: admin.supportedMethods,
        url: '/*',
        handler: async (request, reply) => sendAdminProblem(chromeOptions, { status: 404, code: 'NOT_FOUND', fields: [] }, request.id, reply),
      });
    },
    { prefix: ADMIN_PREFIX },
  );
}

export function adminEarlyAnswer(deps: Pick<AdminDeps, 'editions' | 'cssHref'>) {
  return (problem: Problem, _url: string, requestId: string) => adminErrorDocument({ editions: deps.editions, cssHref: deps.cssHref }, problem, requestId);
}
