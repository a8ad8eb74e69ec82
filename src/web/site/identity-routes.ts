// The identity's files and the share cards: /favicon.ico and /apple-touch-icon.png (the agency's
// favicon, else the product's), /site/<name>.<hash>.<ext> (logos and icons, content-hashed, immutable; an SVG goes
// out with `Content-Security-Policy: sandbox`, so opening it runs nothing), and
// /{lang}/share/{id}-{hash}.png, an article's share card: from the blob store when it was drawn
// before (by the job that follows article events, or an earlier request), else drawn now, once,
// and stored. The article page never waits for a card: it only computes the card's URL.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { anonymous } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { getPublished } from '../../domain/articles/index.js';
import type { Edition } from '../../domain/editions/index.js';
import { cardHash, ensureShareCard, type CardInput } from '../../domain/site/index.js';
import type { WebDeps } from '../deps.js';
import { LANG } from '../schemas/params.js';
import type { SiteRegistry } from './identity.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SITE_FILE = { type: 'string', pattern: '^[a-z-]{3,40}\\.[0-9a-f]{16}\\.(png|svg|ico)$', maxLength: 70 } as const;
const CARD_FILE = { type: 'string', pattern: '^[1-9][0-9]{0,11}-[0-9a-f]{16}\\.png$', maxLength: 40 } as const;
/** Nothing in an SVG served from here may run or load anything: it is an image, not a document. */
const SVG_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

/** What an article's card draws, from the page's data and the identity in memory. */
export function cardInputOf(site: SiteRegistry, edition: Edition, article: { id: number; headline: string }): CardInput {
  const view = site.of(edition);
  return { articleId: article.id, edition: edition.code, direction: edition.direction, headline: article.headline, brandName: view.name, color: view.color };
}

export const cardPath = (input: CardInput) => `/${input.edition}/share/${input.articleId}-${cardHash(input)}.png`;

export function registerIdentityRoutes(app: FastifyInstance, deps: WebDeps & { site: SiteRegistry }): void {
  const { site } = deps;

  app.get('/favicon.ico', async (_request, reply) => {
    // Not content-addressed (browsers ask for this name): a day, then revalidate.
    reply.header('cache-control', 'public, max-age=86400');
    return reply.type('image/x-icon').send(site.favicon());
  });

  // iOS asks for this name when a page links none (a shared link opened in Safari, a bookmark).
  app.get('/apple-touch-icon.png', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return reply.type('image/png').send(site.appleTouch());
  });

  app.get(
    '/site/:file',
    {
      schema: { params: { type: 'object', properties: { file: SITE_FILE }, required: ['file'] } },
      // Route hooks run after the shared security headers, so this policy replaces theirs.
      onSend: async (request, reply, payload) => {
        if ((request.params as { file: string }).file.endsWith('.svg') && reply.statusCode === 200) reply.header('content-security-policy', SVG_POLICY);
        return payload;
      },
    },
    async (request, reply) => {
      const file = site.file((request.params as { file: string }).file);
      if (!file) throw notFound('MEDIA_NOT_FOUND');
      reply.header('cache-control', IMMUTABLE);
      return reply.type(file.type).send(file.data);
    },
  );

  const sendCard = (reply: FastifyReply, data: Buffer) => {
    reply.header('cache-control', IMMUTABLE);
    return reply.type('image/png').send(data);
  };

  app.get(
    '/:lang/share/:file',
    { schema: { params: { type: 'object', properties: { lang: LANG, file: CARD_FILE }, required: ['lang', 'file'] } } },
    async (request, reply) => {
      const { lang, file } = request.params as { lang: string; file: string };
      const edition = deps.editions.find(lang);
      if (!edition) throw notFound('EDITION_NOT_FOUND');
      const stored = await deps.blobs.get(`cards/${edition.code}/${file}`);
      if (stored) return sendCard(reply, stored);
      const [id = '', hash = ''] = file.slice(0, -'.png'.length).split('-');
      const article = await getPublished(deps.makeCtx(anonymous, request.log), { edition: edition.code, id: Number(id) });
      const input = cardInputOf(site, edition, article);
      // Only the card the page links today is drawn on demand; any other hash names nothing.
      if (cardHash(input) !== hash) throw notFound('MEDIA_NOT_FOUND');
      return sendCard(reply, await ensureShareCard(deps.blobs, input));
    },
  );
}
