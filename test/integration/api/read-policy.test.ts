// Newsroom reads obey the role policy on every dialect, as a table: role × (own / other's draft /
// other's submitted) × (get, revisions, list). Refusals are 403 ARTICLE_FORBIDDEN, like writes
// (see domain/articles/policy.ts for why not 404); lists hold exactly what a get would allow.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../src/core/context.js';
import { createApiToken, createUser } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { threeEditions } from '../../fixtures/factories.js';

type Which = 'own' | 'otherDraft' | 'otherSubmitted';

// Whether each role may read each kind of article. Moderators have no own article (they cannot create one).
const TABLE: Record<Role, Record<Which, boolean>> = {
  admin: { own: true, otherDraft: true, otherSubmitted: true },
  editor: { own: true, otherDraft: true, otherSubmitted: true },
  reporter: { own: true, otherDraft: false, otherSubmitted: false },
  translator: { own: true, otherDraft: false, otherSubmitted: true },
  moderator: { own: false, otherDraft: false, otherSubmitted: false },
};
const ROLES = Object.keys(TABLE) as Role[];

eachDialect('admin API: reads obey the role policy', (h) => {
  let app: FastifyInstance;
  const tokens = new Map<Role, string>();
  const own = new Map<Role, number>();
  let otherDraft = 0;
  let otherSubmitted = 0;

  const get = (role: Role, url: string) => app.inject({ method: 'GET', url: `/api/admin/v1${url}`, headers: { authorization: `Bearer ${tokens.get(role)}` } });
  const post = async (role: Role, url: string, payload: object) =>
    (await app.inject({ method: 'POST', url: `/api/admin/v1${url}`, headers: { authorization: `Bearer ${tokens.get(role)}` }, payload })).json();

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    for (const role of [...ROLES, 'admin-2'] as const) {
      const actual = role === 'admin-2' ? 'admin' : role;
      await createUser(ctx, { email: `${role}@example.org`, name: `The ${role}`, role: actual, password: 'correct horse battery' });
      tokens.set(role as Role, await createApiToken(ctx, { email: `${role}@example.org`, name: 'test' }));
    }
    app = await buildTestApp(h());
    for (const role of ROLES.filter((r) => r !== 'moderator')) {
      own.set(role, (await post(role, '/articles', { edition: 'en', headline: `Own work of the ${role}`, body: 'Text.' })).article.id);
    }
    // Another staff member's work: the second admin token's articles belong to nobody in TABLE.
    const other = tokens.get('admin-2' as Role);
    const write = async (payload: object) =>
      (await app.inject({ method: 'POST', url: '/api/admin/v1/articles', headers: { authorization: `Bearer ${other}` }, payload })).json().article.id as number;
    otherDraft = await write({ edition: 'en', headline: 'Someone else’s draft', body: 'Secret.' });
    otherSubmitted = await write({ edition: 'en', headline: 'Someone else’s submitted story', body: 'Source.' });
    await app.inject({ method: 'POST', url: `/api/admin/v1/articles/${otherSubmitted}/transitions`, headers: { authorization: `Bearer ${other}` }, payload: { to: 'in_review' } });
  });
  after(() => app?.close());

  const idOf = (role: Role, which: Which) => (which === 'own' ? own.get(role) : which === 'otherDraft' ? otherDraft : otherSubmitted);

  for (const role of ROLES) {
    for (const which of ['own', 'otherDraft', 'otherSubmitted'] as const) {
      const allowed = TABLE[role][which];
      it(`${role} × ${which}: get and revisions ${allowed ? '200' : '403'}`, async () => {
        const id = idOf(role, which);
        // Only the moderator writes nothing of its own; its cell is the absence (no skip under CI).
        if (id === undefined) return assert.equal(role, 'moderator');
        for (const url of [`/articles/${id}`, `/articles/${id}/revisions`]) {
          const response = await get(role, url);
          assert.equal(response.statusCode, allowed ? 200 : 403, url);
          if (!allowed) assert.deepEqual(response.json().errors.map((e: { code: string }) => e.code), ['ARTICLE_FORBIDDEN']);
          else assert.ok(!JSON.stringify(response.json()).includes('errors'));
        }
      });
    }

    it(`${role} × list: exactly the articles a get allows`, async () => {
      const response = await get(role, '/articles?limit=100');
      if (role === 'moderator') {
        assert.equal(response.statusCode, 403);
        assert.equal(response.json().errors[0].code, 'ARTICLE_FORBIDDEN');
        return;
      }
      assert.equal(response.statusCode, 200);
      const listed = new Set((response.json().articles as Array<{ id: number }>).map((a) => a.id));
      for (const which of ['own', 'otherDraft', 'otherSubmitted'] as const) {
        assert.equal(listed.has(idOf(role, which)!), TABLE[role][which], `${role} lists ${which}`);
      }
      if (role === 'reporter') assert.deepEqual([...listed], [own.get('reporter')], 'nothing but their own');
    });
  }

  it('pages a limited list without losing or repeating what the policy allows', async () => {
    const seen: number[] = [];
    let next: number | null = null;
    do {
      const response = await get('translator', `/articles?limit=1${next ? `&before=${next}` : ''}`);
      const body = response.json() as { articles: Array<{ id: number }>; next: number | null };
      seen.push(...body.articles.map((a) => a.id));
      next = body.next;
    } while (next);
    assert.deepEqual(seen.sort((a, b) => a - b), [own.get('translator')!, otherSubmitted].sort((a, b) => a - b));
  });

  it('refuses the anonymous with 401 before any policy runs', async () => {
    const response = await app.inject(`/api/admin/v1/articles/${otherDraft}`);
    assert.equal(response.statusCode, 401);
  });
});
