// Fingerprinted static assets: the URL carries a content hash, so they are cached for ever.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';

const cssFile = new URL('../../views/assets/site.css', import.meta.url);

export interface Assets {
  cssHref: string;
}

export function registerAssets(app: FastifyInstance): Assets {
  const css = fs.readFileSync(cssFile);
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);
  const cssHref = `/assets/site.${hash}.css`;
  app.get(cssHref, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    reply.type('text/css; charset=utf-8');
    return css;
  });
  return { cssHref };
}
