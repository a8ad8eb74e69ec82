// The reader site as one encapsulated Fastify context: public pages, search, feeds, sitemaps,
// media and assets, the page cache (this context only), localized HTML error pages and the
// site-wide 404, and 405 with Allow for a known path asked with another method. No auth hook:
// nothing here depends on who asks, which is what lets the page cache share answers.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tags } from '../../core/cache-tags.js';
import { anonymous } from '../../core/context.js';
import type { WebDeps } from '../deps.js';
import { answerOtherMethods, collectRoutes } from '../plugins/methods.js';
import { registerPageCache, type PageCache } from '../plugins/page-cache.js';
import { classify, type Problem } from '../problem.js';
import { serveAssets, type Assets } from './assets.js';
import type { EditionRegistry } from './editions.js';
import { siteErrorDocument, siteErrorRenderer } from './errors.js';
import { registerFeeds } from './feeds.js';
import { bindSite, createSiteRegistry } from './identity.js';
import { registerIdentityRoutes } from './identity-routes.js';
import { latestSuggestions } from './page-parts.js';
import { registerComments } from './comments.js';
import { registerSite } from './routes.js';
import { registerSearchPage } from './search.js';

export interface SiteDeps extends WebDeps {
  assets: Assets;
  cache: PageCache;
  pageCache: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Reload the agency's identity and section menus now (main.ts calls it on site, section and edition events). */
    refreshSite(): Promise<void>;
  }
}

export async function registerSiteContext(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  const identity = await createSiteRegistry({
    makeCtx: (log) => deps.makeCtx(anonymous, log),
    blobs: deps.blobs,
    editions: deps.editions,
    defaultPublisherLogo: { href: deps.assets.logoHref, width: 600, height: 60 },
    log: app.log,
    // After the new copy is in place: a page rendered meanwhile from the old one is dropped too.
    onChange: () => deps.cache.purge([tags.site(), tags.sitemapNews()]),
  });
  bindSite(deps.editions, identity);
  app.decorate('refreshSite', () => identity.refresh());
  await app.register(async (site) => {
    const render = siteErrorRenderer({ editions: deps.editions, cssHref: deps.assets.cssHref, suggest: latestSuggestions(deps) });
    const notFound = (request: FastifyRequest, reply: FastifyReply) => {
      const lowered = lowercasePrefix(request.url, deps.editions);
      if (lowered) return reply.header('cache-control', 'public, max-age=3600').redirect(lowered, 301);
      return render({ status: 404, code: 'NOT_FOUND', fields: [] }, request, reply);
    };
    site.setErrorHandler((error: FastifyError, request, reply) => {
      // Path parameters that do not fit their schema (/about, /wp-login.php, /en/news/abc) name
      // an address the site never made: nothing is there, which is 404, not a bad request.
      if (error.validation && error.validationContext === 'params') return notFound(request, reply);
      const problem = classify(error);
      if (problem.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
      else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
      return render(problem, request, reply);
    });
    // The site owns the root prefix, so this is the 404 of every path no context claims.
    site.setNotFoundHandler(notFound);

    // Readers send forms, never text/plain (Fastify's default parser): anything else is 415.
    site.removeContentTypeParser('text/plain');
    registerPageCache(site, deps.cache, { enabled: deps.pageCache });
    const book = collectRoutes(site);
    serveAssets(site, deps.assets);
    registerIdentityRoutes(site, { ...deps, site: identity });
    registerSite(site, { ...deps, cssHref: deps.assets.cssHref, logoHref: deps.assets.logoHref, site: identity, commentsScriptHref: deps.assets.commentsJsHref, embedsScriptHref: deps.assets.embedsJsHref });
    registerSearchPage(site, { ...deps, cssHref: deps.assets.cssHref });
    registerFeeds(site, { ...deps, cssHref: deps.assets.cssHref, site: identity });
    registerComments(site, { ...deps, cssHref: deps.assets.cssHref, scriptHref: deps.assets.commentsJsHref });
    answerOtherMethods(site, book);
  });
}

/** `/EN/…` → `/en/…` when the prefix is an edition's code in other letter case: a hand-typed address, not an unknown one. */
function lowercasePrefix(url: string, editions: EditionRegistry): string | undefined {
  const match = /^\/([^/?#]+)(.*)$/s.exec(url);
  if (!match) return undefined;
  const [, prefix = '', rest = ''] = match;
  const edition = editions.all().find((e) => e.code !== prefix && e.code.toLowerCase() === prefix.toLowerCase());
  return edition ? `/${edition.code}${rest}` : undefined;
}

/** The site's answer for failures Fastify meets before any route runs (bad URL, oversize request line). */
export function siteEarlyAnswer(deps: Pick<SiteDeps, 'editions' | 'assets'>) {
  return (problem: Problem, url: string, requestId: string) => siteErrorDocument({ editions: deps.editions, cssHref: deps.assets.cssHref }, problem, url, requestId);
}
