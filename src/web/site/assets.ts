// Fingerprinted static assets: the URL carries a content hash, so they are cached for ever.
// The publisher logo (JSON-LD wants a raster image) is rendered from SVG once at start. Loaded
// once in app.ts (the newsroom links the same stylesheet); served by the site context.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';

const cssFile = new URL('../../views/assets/site.css', import.meta.url);
const logoFile = new URL('../../views/assets/logo.svg', import.meta.url);

export interface Assets {
  cssHref: string;
  logoHref: string;
  css: Buffer;
  logo: Buffer;
}

const hashOf = (data: Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 12);

function serveImmutable(app: FastifyInstance, href: string, type: string, data: Buffer) {
  app.get(href, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    return reply.type(type).send(data);
  });
}

export async function loadAssets(): Promise<Assets> {
  const css = fs.readFileSync(cssFile);
  const logo = await sharp(fs.readFileSync(logoFile)).png().toBuffer();
  return { css, logo, cssHref: `/assets/site.${hashOf(css)}.css`, logoHref: `/assets/logo.${hashOf(logo)}.png` };
}

export function serveAssets(app: FastifyInstance, assets: Assets): void {
  serveImmutable(app, assets.cssHref, 'text/css; charset=utf-8', assets.css);
  serveImmutable(app, assets.logoHref, 'image/png', assets.logo);
}
