// The site's status pages: each listed status has its own heading in every edition's language
// and direction, 429 and 503 carry Retry-After, and error codes are typed (a misspelt code does
// not compile). Drives the site's renderer through a small Fastify app throwing each failure.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { DomainError, gone, invalid, notFound } from '../../../src/core/errors.js';
import { listEditions } from '../../../src/domain/editions/index.js';
import { HttpProblem, classify } from '../../../src/web/problem.js';
import { createEditionRegistry } from '../../../src/web/site/editions.js';
import { siteErrorRenderer } from '../../../src/web/site/errors.js';
import { eachDialect } from '../../support/database.js';
import { threeEditions } from '../../fixtures/factories.js';

const FAILURES: Record<number, () => unknown> = {
  400: () => new HttpProblem('REQUEST_INVALID'),
  404: () => notFound('ARTICLE_NOT_FOUND'),
  405: () => new HttpProblem('METHOD_NOT_ALLOWED', { allow: ['GET', 'HEAD'] }),
  410: () => gone('ARTICLE_REMOVED'),
  413: () => new HttpProblem('PAYLOAD_TOO_LARGE'),
  414: () => new HttpProblem('URI_TOO_LONG'),
  403: () => new DomainError('Forbidden', 'ARTICLE_FORBIDDEN'),
  409: () => new DomainError('Conflict', 'ARTICLE_VERSION_CONFLICT'),
  415: () => new HttpProblem('UNSUPPORTED_MEDIA_TYPE'),
  401: () => new DomainError('Unauthenticated', 'AUTH_REQUIRED'),
  422: () => invalid('ARTICLE_INVALID', [{ field: 'headline', key: 'errors.field.required' }]),
  429: () => new HttpProblem('RATE_LIMITED'),
  500: () => new Error('secret detail /srv/app/x.ts:12'),
  503: () => Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }),
};

// Type-level checks: these lines fail `tsc --noEmit` if the catalogue stops catching typos.
// @ts-expect-error a code that is not declared
export const typo = () => notFound('ARTICLE_NOT_FOUNDD');
// @ts-expect-error a declared code raised with a kind it does not have
export const wrongKind = () => gone('ARTICLE_NOT_FOUND');
// @ts-expect-error DomainError checks the kind against the code too
export const wrongDomainKind = () => new DomainError('Conflict', 'EDITION_NOT_FOUND');

eachDialect('site status pages', (h) => {
  let app: FastifyInstance;

  before(async () => {
    await threeEditions(h().ctx());
    const editions = await createEditionRegistry(() => listEditions(h().db.storage.db));
    const render = siteErrorRenderer({ editions, cssHref: '/assets/site.css' });
    app = Fastify();
    app.setErrorHandler((error, request, reply) => render(classify(error), request, reply));
    app.get('/:lang/fail/:status', async (request) => {
      throw FAILURES[Number((request.params as { status: string }).status)]?.();
    });
  });
  after(() => app?.close());

  it('gives every listed status its own heading and body, in each edition', async () => {
    for (const [lang, dir] of [['en', 'ltr'], ['fa', 'rtl'], ['ar', 'rtl']] as const) {
      const headings = new Map<string, number>();
      const bodies = new Set<string>();
      for (const status of Object.keys(FAILURES).map(Number)) {
        const response = await app.inject(`/${lang}/fail/${status}`);
        assert.equal(response.statusCode, status, `${lang} ${status}`);
        assert.match(response.body, new RegExp(`<html lang="${lang}" dir="${dir}">`), `${lang} ${status}`);
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.doesNotMatch(response.body, /secret|\/srv\/|10\.0\.0\.5|ECONNREFUSED/, 'no detail of the failure');
        const heading = /<h1>([^<]+)<\/h1>/.exec(response.body)?.[1] ?? '';
        assert.ok(!headings.has(heading), `${lang}: ${status} shares its heading with ${headings.get(heading)}`);
        headings.set(heading, status);
        bodies.add(/<h1>[^<]+<\/h1><p>([^<]+)<\/p>/.exec(response.body)?.[1] ?? '');
      }
      assert.equal(bodies.size, Object.keys(FAILURES).length, `${lang}: one body per status`);
    }
  });

  it('tells clients when to retry on 429 and 503, and what is allowed on 405', async () => {
    for (const status of [429, 503]) {
      const response = await app.inject(`/en/fail/${status}`);
      assert.match(String(response.headers['retry-after']), /^\d+$/, String(status));
    }
    assert.equal((await app.inject('/en/fail/405')).headers.allow, 'GET, HEAD');
    assert.equal((await app.inject('/en/fail/404')).headers['retry-after'], undefined);
  });
});
