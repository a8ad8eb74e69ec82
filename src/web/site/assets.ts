// Fingerprinted static assets: the URL carries a content hash, so they are cached for ever.
// The publisher logo (JSON-LD wants a raster image) is rendered from SVG once at start. Loaded
// once in app.ts (the newsroom links the same stylesheet); served by the site context. Text
// assets are compressed once at start, at the highest settings (brotli 11, gzip 9), and served by
// negotiation, each form with its own strong ETag.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { editorBundle } from '../admin/editor-assets.js';
import { compress, etagFor, matchesIfNoneMatch, negotiateEncoding, type Encoding } from '../plugins/encoding.js';

const cssFile = new URL('../../views/assets/site.css', import.meta.url);
const logoFile = new URL('../../views/assets/logo.svg', import.meta.url);
const commentsJsFile = new URL('../../views/assets/comments.js', import.meta.url);
const deskJsFile = new URL('../../views/assets/desk.js', import.meta.url);
const embedsJsFile = new URL('../../views/assets/embeds.js', import.meta.url);
const mediaUploadJsFile = new URL('../../views/assets/media-upload.js', import.meta.url);
const presenceJsFile = new URL('../../views/assets/presence.js', import.meta.url);

export interface Assets {
  cssHref: string;
  logoHref: string;
  css: Buffer;
  logo: Buffer;
  /** The stylesheet's brotli and gzip forms, made at start. */
  cssForms: Precompressed;
  /** The comment form's progressive enhancement (views/assets/comments.js). */
  commentsJsHref: string;
  commentsJsForms: Precompressed;
  /** The comment desk's keyboard moderation (views/assets/desk.js), for the newsroom. */
  deskJsHref: string;
  deskJsForms: Precompressed;
  /** Click-to-load embeds on article pages (views/assets/embeds.js). */
  embedsJsHref: string;
  embedsJsForms: Precompressed;
  /** The newsroom upload form's preview (views/assets/media-upload.js). */
  mediaUploadJsHref: string;
  mediaUploadJsForms: Precompressed;
  /** The newsroom's rich editor (web/admin/editor-assets.ts, bundled at start). */
  editorJsHref: string;
  editorJs: Buffer;
  /** The newsroom's presence heartbeat (views/assets/presence.js), for article screens. */
  presenceJsHref: string;
  presenceJsForms: Precompressed;
}

/** An asset's bytes in every encoding it is served in, and the identity form's ETag. */
export interface Precompressed {
  identity: Buffer;
  etag: string;
  br: Buffer;
  gzip: Buffer;
}

export async function precompress(data: Buffer): Promise<Precompressed> {
  const [br, gzip] = await Promise.all([compress('br', data, 'max'), compress('gzip', data, 'max')]);
  return { identity: data, etag: `"${hashOf(data)}"`, br, gzip };
}

/** Serves a precompressed asset: the form the request accepts, 304 on its own ETag, Vary always. */
function servePrecompressed(app: FastifyInstance, href: string, type: string, asset: Precompressed) {
  app.get(href, async (request, reply) => {
    const encoding: Encoding | undefined = negotiateEncoding(request.headers['accept-encoding']);
    const etag = etagFor(asset.etag, encoding);
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    reply.header('vary', 'accept-encoding');
    reply.header('etag', etag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
    reply.type(type);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.send(encoding ? asset[encoding] : asset.identity);
  });
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
  const commentsJs = fs.readFileSync(commentsJsFile);
  const deskJs = fs.readFileSync(deskJsFile);
  const embedsJs = fs.readFileSync(embedsJsFile);
  const mediaUploadJs = fs.readFileSync(mediaUploadJsFile);
  const presenceJs = fs.readFileSync(presenceJsFile);
  const editorJs = await editorBundle();
  const [logo, cssForms, commentsJsForms, deskJsForms, embedsJsForms, mediaUploadJsForms, presenceJsForms] = await Promise.all([
    sharp(fs.readFileSync(logoFile)).png().toBuffer(),
    precompress(css),
    precompress(commentsJs),
    precompress(deskJs),
    precompress(embedsJs),
    precompress(mediaUploadJs),
    precompress(presenceJs),
  ]);
  return {
    css,
    logo,
    cssForms,
    cssHref: `/assets/site.${hashOf(css)}.css`,
    logoHref: `/assets/logo.${hashOf(logo)}.png`,
    commentsJsForms,
    commentsJsHref: `/assets/comments.${hashOf(commentsJs)}.js`,
    deskJsForms,
    deskJsHref: `/assets/desk.${hashOf(deskJs)}.js`,
    embedsJsForms,
    embedsJsHref: `/assets/embeds.${hashOf(embedsJs)}.js`,
    mediaUploadJsForms,
    mediaUploadJsHref: `/assets/media-upload.${hashOf(mediaUploadJs)}.js`,
    editorJs,
    editorJsHref: `/assets/editor.${hashOf(editorJs)}.js`,
    presenceJsForms,
    presenceJsHref: `/assets/presence.${hashOf(presenceJs)}.js`,
  };
}

export function serveAssets(app: FastifyInstance, assets: Assets): void {
  servePrecompressed(app, assets.cssHref, 'text/css; charset=utf-8', assets.cssForms);
  serveImmutable(app, assets.logoHref, 'image/png', assets.logo);
  servePrecompressed(app, assets.commentsJsHref, 'text/javascript; charset=utf-8', assets.commentsJsForms);
  servePrecompressed(app, assets.deskJsHref, 'text/javascript; charset=utf-8', assets.deskJsForms);
  servePrecompressed(app, assets.embedsJsHref, 'text/javascript; charset=utf-8', assets.embedsJsForms);
  servePrecompressed(app, assets.mediaUploadJsHref, 'text/javascript; charset=utf-8', assets.mediaUploadJsForms);
  serveCompressedLater(app, assets.editorJsHref, 'text/javascript; charset=utf-8', assets.editorJs);
  servePrecompressed(app, assets.presenceJsHref, 'text/javascript; charset=utf-8', assets.presenceJsForms);
}

// The editor bundle is ~400 KB: brotli 11 on it costs about two seconds of CPU, which every
// process building an app (each test file) would pay for a script only the editor loads. So it is
// compressed once per process on its first request, in the background; until then the identity
// form is served (with its own ETag), never a wait.
const compressed = new WeakMap<Buffer, Promise<Precompressed>>();
const ready = new WeakMap<Buffer, Precompressed>();

function serveCompressedLater(app: FastifyInstance, href: string, type: string, data: Buffer) {
  const identity: Precompressed = { identity: data, etag: `"${hashOf(data)}"`, br: data, gzip: data };
  app.get(href, async (request, reply) => {
    const forms = ready.get(data);
    if (!forms && !compressed.has(data)) {
      const work = precompress(data);
      compressed.set(data, work);
      work.then((done) => ready.set(data, done)).catch((error: unknown) => request.log.error({ err: error }, 'editor bundle compression failed'));
    }
    const asset = forms ?? identity;
    const encoding: Encoding | undefined = forms ? negotiateEncoding(request.headers['accept-encoding']) : undefined;
    const etag = etagFor(asset.etag, encoding);
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    reply.header('vary', 'accept-encoding');
    reply.header('etag', etag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
    reply.type(type);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.send(encoding ? asset[encoding] : asset.identity);
  });
}
