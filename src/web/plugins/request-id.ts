// Every answer names its request id (X-Request-Id), the same id the logs carry, so a reader's
// "reference" on an error page or an operator's curl output leads straight to the log line.
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

export function requestIds(app: FastifyInstance): void {
  // onRequest, not onSend: a page-cache hit answers from an onRequest hook of the site context,
  // which runs after this root hook.
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
