// The newsroom as one encapsulated Fastify context under /admin. onRequest: the auth hook (a
// session cookie or a bearer token; browsers without one go to the sign-in page, anything else
// hears 401; routes declare their roles). preHandler: CSRF on every state-changing request. Form
// bodies are parsed by @fastify/formbody with a small limit. Every answer is Cache-Control:
// no-store and the page cache is not registered here; errors are the newsroom's own HTML pages.
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { WebDeps } from '../deps.js';
import { answerOtherMethods, collectRoutes } from '../plugins/methods.js';
import { classify, type Problem } from '../problem.js';
import { registerAccount } from './account.js';
import { countPending } from '../../domain/comments/index.js';
import { registerArticleList } from './articles-list.js';
import { MODERATORS, registerCommentDesk } from './comments.js';
import { registerDashboard } from './dashboard.js';
import { registerMediaLibrary } from './media.js';
import { registerEditor } from './editor.js';
import { adminAuthHook, csrfHook, resolveActor, type ActorResolver } from './auth.js';
import { adminErrorDocument, sendAdminProblem, type AdminChromeOptions } from './errors.js';
import { registerSignIn } from './sign-in.js';
import type { Newsroom } from './request-state.js';
import { registerUsers } from './users.js';

export const ADMIN_PREFIX = '/admin';
/** Newsroom forms are a few fields; nothing posted here needs more. */
export const ADMIN_BODY_LIMIT = 16 * 1024;

export interface AdminDeps extends WebDeps {
  cssHref: string;
  /** The comment desk's keyboard enhancement; without it the desk is served without script. */
  deskScriptHref?: string;
  /** The rich editor's bundle (editor-assets.ts); without it the editor is the plain textarea. */
  editorScriptHref?: string | undefined;
  /** Who is asking; tests may replace the default (sessions and bearer tokens). */
  resolveActor?: ActorResolver;
  /** The upload form's preview script (views/assets/media-upload.js). */
  mediaScriptHref?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** "METHOD /admin/path" of every newsroom screen route (the role × route test walks them all). */
    adminRoutes: readonly string[];
  }
}

export async function registerAdminContext(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const chromeOptions: AdminChromeOptions = { editions: deps.editions, cssHref: deps.cssHref };
  const routes: string[] = [];
  app.decorate('adminRoutes', routes);
  await app.register(
    async (admin) => {
      await admin.register(formbody, { bodyLimit: ADMIN_BODY_LIMIT });
      // Set by the auth hook; absent only when a request fails before it (then the default edition speaks).
      admin.decorateRequest('newsroom', undefined as unknown as Newsroom);
      let declaring = true;
      admin.addHook('onRoute', (route) => {
        route.bodyLimit ??= ADMIN_BODY_LIMIT;
        if (!declaring) return;
        for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
      });
      admin.setErrorHandler((error: FastifyError, request, reply) => {
        const problem = classify(error);
        if (problem.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
        else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
        return sendAdminProblem(chromeOptions, problem, request.id, reply, request.newsroom);
      });
      admin.setNotFoundHandler((request, reply) => sendAdminProblem(chromeOptions, { status: 404, code: 'NOT_FOUND', fields: [] }, request.id, reply, request.newsroom));
      admin.addHook('onRequest', adminAuthHook(deps.resolveActor ?? resolveActor(deps), deps));
      admin.addHook('preHandler', csrfHook(deps));
      // The menu's count of pending comments, on the pages a moderator opens (one indexed count).
      admin.addHook('preHandler', async (request) => {
        const { actor, session } = request.newsroom ?? {};
        if (request.method !== 'GET' || actor?.kind !== 'user' || !session || session.stage !== 'signed_in' || !MODERATORS.includes(actor.role)) return;
        request.newsroom.badges = { '/admin/comments': await countPending(deps.makeCtx(actor, request.log)) };
      });
      // Whatever a handler or an error set: newsroom answers depend on who asks and are never stored.
      admin.addHook('onSend', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
      });

      const book = collectRoutes(admin);
      registerSignIn(admin, deps);
      registerAccount(admin, deps);
      registerUsers(admin, deps);
      registerCommentDesk(admin, deps);
      registerArticleList(admin, deps);
      registerDashboard(admin, deps);
      await registerMediaLibrary(admin, deps);
      registerEditor(admin, deps);
      declaring = false;
      answerOtherMethods(admin, book);
      // Unknown newsroom paths stay the newsroom's (auth first, then its 404), not the site's.
      admin.route({
        method: admin.supportedMethods,
        url: '/*',
        handler: async (request, reply) => sendAdminProblem(chromeOptions, { status: 404, code: 'NOT_FOUND', fields: [] }, request.id, reply, request.newsroom),
      });
    },
    { prefix: ADMIN_PREFIX },
  );
}

export function adminEarlyAnswer(deps: Pick<AdminDeps, 'editions' | 'cssHref'>) {
  return (problem: Problem, _url: string, requestId: string) => adminErrorDocument({ editions: deps.editions, cssHref: deps.cssHref }, problem, requestId);
}
