// Fingerprinted static assets: the URL carries a content hash, so they are cached for ever.
// The publisher logo (JSON-LD wants a raster image) is rendered from SVG once at start.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';

const cssFile = new URL('../../views/assets/site.css', import.meta.url);
const logoFile = new URL('../../views/assets/logo.svg', import.meta.url);

export interface Assets {
  cssHref: string;
  logoHref: string;
}

const hashOf = (data: Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 12);

function serveImmutable(app: FastifyInstance, href: string, type: string, data: Buffer) {
  app.get(href, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    return reply.type(type).send(data);
  });
}

export async function registerAssets(app: FastifyInstance): Promise<Assets> {
  const css = fs.readFileSync(cssFile);
  const logo = await sharp(fs.readFileSync(logoFile)).png().toBuffer();
  const cssHref = `/assets/site.${hashOf(css)}.css`;
  const logoHref = `/assets/logo.${hashOf(logo)}.png`;
  serveImmutable(app, cssHref, 'text/css; charset=utf-8', css);
  serveImmutable(app, logoHref, 'image/png', logo);
  return { cssHref, logoHref };
}
