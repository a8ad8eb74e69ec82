// The API's answers to failures: always JSON, `{ errors: [{ code, message, field }] }`, with an
// English message that says what the status says (per-field messages from the catalog when the
// domain named fields). Never HTML, never a stack, a path or the client's input.
import type { FastifyReply } from 'fastify';
import { catalogs, type MessageKey } from '../../i18n/index.js';
import type { Problem } from '../problem.js';
import { problemHeaders } from '../site/errors.js';

/** One sentence per status, saying what to do next; an API client reads the code, a human reads this. */
const MESSAGE_OF_STATUS: Record<number, string> = {
  400: 'The request is not valid: check the fields named in this answer.',
  401: 'Authentication is required: send a valid bearer token in the Authorization header.',
  403: 'Your role does not allow this action on this resource.',
  404: 'There is nothing at this address.',
  405: 'This address does not accept that method; the Allow header lists the ones it does.',
  409: 'The resource changed meanwhile or is in a state that does not allow this: read it again, then retry.',
  410: 'This resource was removed permanently.',
  413: 'The request body is too large for this address: send a smaller body.',
  414: 'The address is too long.',
  415: 'This content type is not accepted; send application/json.',
  422: 'The request breaks a rule: see the fields named in this answer.',
  429: 'Too many requests; retry after the time given in Retry-After.',
  431: 'The request headers are too large.',
  500: 'Something went wrong on our side.',
  503: 'The service is temporarily unavailable; retry after the time given in Retry-After.',
};

/** Codes whose meaning is narrower than their status's. */
const MESSAGE_OF_CODE: Partial<Record<string, string>> = {
  REQUEST_MALFORMED: 'The request body is not valid JSON: check its syntax and send it again.',
  URL_MALFORMED: 'The address is not valid: a percent sign must start an escape such as %20.',
};

export const apiMessage = (status: number, code?: string): string =>
  (code ? MESSAGE_OF_CODE[code] : undefined) ?? MESSAGE_OF_STATUS[status] ?? (status >= 500 ? MESSAGE_OF_STATUS[500]! : MESSAGE_OF_STATUS[400]!);

const isMessageKey = (key: string): key is MessageKey => key in (catalogs.en ?? {});

function englishMessage(key: string, params?: Record<string, string | number>): string | undefined {
  if (!isMessageKey(key)) return undefined;
  return (catalogs.en?.[key] ?? key).replace(/\{(\w+)\}/g, (_m, name: string) => String(params?.[name] ?? ''));
}

export function apiErrorBody(problem: Problem): { errors: Array<{ code: string; message: string; field?: string }> } {
  if (!problem.fields.length) return { errors: [{ code: problem.code, message: apiMessage(problem.status, problem.code) }] };
  return {
    errors: problem.fields.map((f) => ({
      code: problem.code,
      message:
        f.key === 'errors.request' ? `${f.field ?? 'request'}: ${String(f.params?.detail ?? '')}` : (englishMessage(f.key, f.params) ?? apiMessage(problem.status, problem.code)),
      ...(f.field ? { field: f.field } : {}),
    })),
  };
}

export function sendApiProblem(problem: Problem, reply: FastifyReply) {
  problemHeaders(reply, problem);
  return reply.type('application/json; charset=utf-8').send(apiErrorBody(problem));
}
