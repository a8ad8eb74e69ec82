// Every newsroom route with every role and anonymously, as a table: allowed or denied. The table
// must name exactly the routes the app declares, so a new screen cannot land without its row.
// Denied: 403 for a signed-in role, 401 or a redirect to sign-in for the anonymous. Allowed:
// anything else (a page, a redirect onward, 404 for an unknown invitation, 422 for an empty form).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../../../src/core/context.js';
import { createUser, reactivateUser } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser, csrfOf } from '../../support/newsroom.js';
import { threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';
type Who = Role | 'anonymous';
const STAFF: readonly Role[] = ROLES;
const PUBLIC: readonly Who[] = ['anonymous', ...ROLES];
const WRITERS: readonly Role[] = ['admin', 'editor', 'reporter', 'translator'];

/** method, route pattern, who may use it. */
const TABLE: Array<[string, string, readonly Who[]]> = [
  ['GET', '/admin/login', PUBLIC],
  ['POST', '/admin/login', PUBLIC],
  ['GET', '/admin/login/code', STAFF],
  ['POST', '/admin/login/code', STAFF],
  ['POST', '/admin/logout', STAFF],
  ['POST', '/admin/logout/everywhere', STAFF],
  ['GET', '/admin/invite/:token', PUBLIC],
  ['POST', '/admin/invite/:token', PUBLIC],
  ['GET', '/admin/account', STAFF],
  ['GET', '/admin/account/password', STAFF],
  ['POST', '/admin/account/password', STAFF],
  ['POST', '/admin/account/language', STAFF],
  ['POST', '/admin/account/2fa', STAFF],
  ['POST', '/admin/account/2fa/confirm', STAFF],
  ['POST', '/admin/account/2fa/disable', STAFF],
  ['GET', '/admin/users', ['admin']],
  ['POST', '/admin/users/invite', ['admin']],
  ['POST', '/admin/users/:id/access', ['admin']],
  ['POST', '/admin/users/:id/deactivate', ['admin']],
  ['POST', '/admin/users/:id/reset-2fa', ['admin']],
  ['GET', '/admin/comments', ['admin', 'editor', 'moderator']],
  ['POST', '/admin/comments', ['admin', 'editor', 'moderator']],
  ['POST', '/admin/comments/privacy', ['admin', 'editor', 'moderator']],
  ['GET', '/admin/media', ['admin', 'editor', 'reporter', 'translator']],
  ['POST', '/admin/media', ['admin', 'editor', 'reporter', 'translator']],
  ['GET', '/admin/media/search.json', ['admin', 'editor', 'reporter', 'translator']],
  ['GET', '/admin/media/:id', ['admin', 'editor', 'reporter', 'translator']],
  ['POST', '/admin/media/:id', ['admin', 'editor', 'reporter', 'translator']],
  ['POST', '/admin/media/:id/delete', ['admin', 'editor', 'reporter', 'translator']],
  ['GET', '/admin/articles/new', WRITERS],
  ['POST', '/admin/articles', WRITERS],
  ['GET', '/admin/articles/:id/edit', WRITERS],
  ['POST', '/admin/articles/:id', WRITERS],
  ['POST', '/admin/articles/:id/autosave', WRITERS],
  ['POST', '/admin/articles/:id/workflow', WRITERS],
  ['GET', '/admin/articles/:id/preview', WRITERS],
  ['GET', '/admin', STAFF],
  ['GET', '/admin/articles', ['admin', 'editor', 'reporter', 'translator']],
];

eachDialect('newsroom role × route', (h) => {
  let app: FastifyInstance;

  before(async () => {
    await threeEditions(h().ctx());
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('has a row for every route the newsroom declares', () => {
    const declared = [...app.adminRoutes].filter((r) => !r.endsWith('/*')).sort();
    assert.deepEqual(TABLE.map(([m, p]) => `${m} ${p}`).sort(), declared);
  });

  it('allows and denies as the table says', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    // One account per role (signed in afresh for each route: some routes sign out or end sessions).
    const accounts = new Map<Role, string>();
    for (const role of ROLES) {
      const email = `m-${role}@example.org`;
      await createUser(h().ctx(), { email, name: `M ${role}`, role, password: PASSWORD });
      accounts.set(role, email);
    }
    const victimEmail = 'victim@example.org';
    const victimId = (await createUser(h().ctx(), { email: victimEmail, name: 'Victim', role: 'reporter', password: PASSWORD })).id;
    for (const [method, pattern, allowed] of TABLE) {
      for (const who of ['anonymous', ...ROLES] as Who[]) {
        const browser = new Browser(app);
        const formToken = csrfOf((await browser.get('/admin/login')).body);
        let token = formToken;
        if (who !== 'anonymous') {
          await browser.post('/admin/login', { email: accounts.get(who)!, password: PASSWORD }, { csrf: formToken });
          token = csrfOf((await browser.get('/admin/account')).body);
        }
        // Deactivating the victim is an allowed outcome too; reactivate so later rows see it alike.
        await reactivateUser(h().ctx(), victimId);
        const url = pattern.replace(':id', String(victimId)).replace(':token', 'A'.repeat(43));
        const isPublic = allowed.includes('anonymous');
        const response = method === 'GET' ? await browser.get(url) : await browser.post(url, { role: 'editor', email: victimEmail, password: PASSWORD }, { csrf: isPublic ? formToken : token });
        const toSignIn = response.statusCode === 303 && response.headers.location === '/admin/login';
        const denied = response.statusCode === 401 || response.statusCode === 403 || toSignIn;
        outcomes.push(`${method} ${pattern} ${who}: ${denied ? 'denied' : 'allowed'}`);
        expected.push(`${method} ${pattern} ${who}: ${allowed.includes(who) ? 'allowed' : 'denied'}`);
        if (denied && who !== 'anonymous') assert.equal(response.statusCode, 403, `${method} ${pattern} ${who}: a role refused hears 403`);
        assert.equal(response.headers['cache-control'], 'no-store', `${method} ${pattern} ${who}`);
      }
    }
    assert.deepEqual(outcomes, expected);
  });
});
