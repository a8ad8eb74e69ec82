// 405 Method Not Allowed with an Allow header for a path a context knows under other methods,
// instead of the router's 404. A context calls collectRoutes() before declaring its routes and
// answerOtherMethods() after; the refusal runs as an onRequest hook, before any body is read.
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../problem.js';

export interface RouteBook {
  /** Full URL pattern → methods declared for it. */
  methods: Map<string, Set<string>>;
}

const ANSWERS_405 = Symbol('answers405');

export function collectRoutes(scope: FastifyInstance): RouteBook {
  const book: RouteBook = { methods: new Map() };
  scope.addHook('onRoute', (route) => {
    if ((route.config as Record<symbol, unknown> | undefined)?.[ANSWERS_405]) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let known = book.methods.get(route.url);
    if (!known) book.methods.set(route.url, (known = new Set()));
    for (const method of methods) known.add(method.toUpperCase());
  });
  return book;
}

/** Declares, for every path in the book, the remaining methods as 405 answers naming the allowed ones. */
export function answerOtherMethods(scope: FastifyInstance, book: RouteBook, options: { skip?: (url: string) => boolean } = {}): void {
  for (const [url, declared] of book.methods) {
    if (options.skip?.(url)) continue;
    // A HEAD-only entry is the sibling Fastify adds for a GET route ('/admin/' beside '/admin');
    // the GET route's own entry answers for both.
    if (declared.size === 1 && declared.has('HEAD')) continue;
    const allowed = new Set(declared);
    if (allowed.has('GET')) allowed.add('HEAD');
    const others = scope.supportedMethods.filter((m) => !allowed.has(m));
    if (!others.length) continue;
    const allow = [...allowed].sort();
    const relative = url.slice(scope.prefix.length);
    scope.route({
      method: others,
      url: relative,
      config: { [ANSWERS_405]: true },
      onRequest: async () => {
        throw new HttpProblem('METHOD_NOT_ALLOWED', { allow });
      },
      handler: async () => {
        throw new HttpProblem('METHOD_NOT_ALLOWED', { allow });
      },
    });
  }
}
