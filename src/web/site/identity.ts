// The agency's identity and each edition's section menu, held in memory like the edition list:
// loaded at start and again when site.changed, section.changed or edition.changed reaches this
// server (main.ts calls refreshSite), never read per request. What a page needs is prepared at
// load: the name per edition (else the catalog's product name), the logo and its raster form for
// JSON-LD, the favicon as ICO and apple-touch PNG, footer links, social profiles, the section
// menu. A reload that changed anything purges every page, after the new copy is in place, so no
// page rendered from the old one outlives it.
import { createHash } from 'node:crypto';
import type { Edition } from '../../domain/editions/index.js';
import { listSections, type DomainCtx } from '../../domain/editions/index.js';
import { listBreaking, type Breaking } from '../../domain/curation/index.js';
import {
  FOOTER_FIELDS,
  footerValueKind,
  listIdentityRecords,
  makeFaviconSet,
  rasterLogo,
  resolveIdentity,
  type FooterField,
  type IdentityRecord,
  type StoredImage,
} from '../../domain/site/index.js';
import type { BlobStore } from '../../domain/media/index.js';
import { translator } from '../../i18n/index.js';
import type { Logger } from '../../core/context.js';
import type { EditionRegistry } from './editions.js';

export interface SiteFile {
  type: string;
  data: Buffer;
}

export interface SiteView {
  /** The agency's name in this edition, or the product's name from the catalog when unset. */
  name: string;
  color: string | undefined;
  logo: { href: string; width: number | null; height: number | null } | undefined;
  /** A raster logo for JSON-LD publisher.logo (the agency's, else the product's). */
  publisherLogo: { href: string; width: number; height: number };
  footer: Array<{ field: FooterField; kind: 'link' | 'text'; value: string }>;
  social: Array<{ href: string; label: string }>;
  sections: Array<{ slug: string; name: string; href: string }>;
}

export interface SiteRegistry {
  of(edition: Edition): SiteView;
  /** The icons an edition's pages link: its favicon, else the site's, else the product's. */
  icons(edition: Edition): { icoHref: string; appleHref: string };
  /** Files under /site/: logos, icons; content-hashed names, so immutable. */
  file(name: string): SiteFile | undefined;
  /** The ICO /favicon.ico answers with, and the PNG /apple-touch-icon.png does (the site's). */
  favicon(): Buffer;
  appleTouch(): Buffer;
  /** The edition's breaking-news bar while it has not expired (by the app's clock). */
  breaking(code: string): Breaking | undefined;
  /** When the earliest live bar among these editions expires (ms since the epoch): no page showing it may be kept longer. */
  breakingUntil(codes: Iterable<string>): number | undefined;
  refresh(): Promise<void>;
}

/** The product's mark (the square of its logo), drawn as the favicon of a site that set none. */
const DEFAULT_ICON = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 8 44 44"><rect x="0" y="8" width="44" height="44" rx="6" fill="#a4161a"/><path d="M12 18h10a12 12 0 0 1 0 24H12z" fill="#ffffff"/></svg>',
);

const hashOf = (data: Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Known social networks by host, so a footer says "Mastodon", not "mastodon.social". */
const NETWORKS: Array<[RegExp, string]> = [
  [/(^|\.)(x|twitter)\.com$/, 'X'],
  [/(^|\.)facebook\.com$/, 'Facebook'],
  [/(^|\.)instagram\.com$/, 'Instagram'],
  [/(^|\.)youtube\.com$/, 'YouTube'],
  [/(^|\.)t\.me$|(^|\.)telegram\.me$/, 'Telegram'],
  [/(^|\.)linkedin\.com$/, 'LinkedIn'],
  [/(^|\.)bsky\.app$/, 'Bluesky'],
  [/(^|\.)threads\.net$/, 'Threads'],
  [/(^|\.)whatsapp\.com$/, 'WhatsApp'],
  [/(^|\.)tiktok\.com$/, 'TikTok'],
  [/(^|\.)mastodon\.[a-z]+$|(^|\.)mstdn\.[a-z]+$/, 'Mastodon'],
];

export function socialLabel(href: string): string {
  const host = new URL(href).hostname.replace(/^www\./, '');
  return NETWORKS.find(([pattern]) => pattern.test(host))?.[1] ?? host;
}

interface Loaded {
  records: IdentityRecord[];
  sections: Map<string, Array<{ slug: string; name: string }>>;
  files: Map<string, SiteFile>;
  /** blob key → served name */
  hrefs: Map<string, { href: string; width?: number; height?: number }>;
  rasters: Map<string, { href: string; width: number; height: number }>;
  icons: Map<string, { ico: Buffer; apple: Buffer; icoHref: string; appleHref: string }>;
  breaking: Map<string, Breaking>;
  fingerprint: string;
}

export interface SiteRegistryOptions {
  makeCtx: (log: Logger) => DomainCtx;
  blobs: BlobStore;
  editions: EditionRegistry;
  /** The product's publisher logo (a 600 × 60 PNG served with the assets), when the agency has none. */
  defaultPublisherLogo: { href: string; width: number; height: number };
  log: Logger;
  /** Called after a reload that changed what pages show. */
  onChange(): void;
}

export async function createSiteRegistry(options: SiteRegistryOptions): Promise<SiteRegistry> {
  const defaultIcons = await makeFaviconSet(DEFAULT_ICON);
  const baseFiles = new Map<string, SiteFile>();
  const put = (files: Map<string, SiteFile>, name: string, file: SiteFile) => {
    files.set(name, file);
    return `/site/${name}`;
  };
  const defaults = {
    icoHref: put(baseFiles, `favicon.${hashOf(defaultIcons.ico)}.ico`, { type: 'image/x-icon', data: defaultIcons.ico }),
    appleHref: put(baseFiles, `apple-touch-icon.${hashOf(defaultIcons.appleTouch)}.png`, { type: 'image/png', data: defaultIcons.appleTouch }),
    ico: defaultIcons.ico,
    apple: defaultIcons.appleTouch,
    raster: options.defaultPublisherLogo,
  };

  async function load(): Promise<Loaded> {
    const ctx = options.makeCtx(options.log);
    const [records, bars] = await Promise.all([listIdentityRecords(ctx), listBreaking(ctx)]);
    const breaking = new Map(bars.map((b) => [b.edition, b]));
    const codes = options.editions.all().map((e) => e.code);
    const lists = await Promise.all(codes.map((code) => listSections(ctx, code)));
    const sections = new Map(codes.map((code, i) => [code, (lists[i] ?? []).map((s) => ({ slug: s.slug, name: s.name }))]));
    const files = new Map(baseFiles);
    const hrefs: Loaded['hrefs'] = new Map();
    const rasters: Loaded['rasters'] = new Map();
    const icons: Loaded['icons'] = new Map();
    const images = new Map<string, StoredImage>();
    for (const r of records) {
      if (r.logo) images.set(r.logo.key, r.logo);
      if (r.favicon) images.set(`favicon:${r.favicon.key}`, r.favicon);
    }
    for (const [id, image] of images) {
      const data = await options.blobs.get(image.key);
      // A blob that went missing leaves the default in its place (and says so once per load).
      if (!data) {
        options.log.warn({ key: image.key }, 'site identity image missing from the blob store');
        continue;
      }
      const ext = image.type === 'image/svg+xml' ? 'svg' : 'png';
      if (id.startsWith('favicon:')) {
        const set = await makeFaviconSet(data);
        icons.set(image.key, {
          ico: set.ico,
          apple: set.appleTouch,
          icoHref: put(files, `favicon.${hashOf(set.ico)}.ico`, { type: 'image/x-icon', data: set.ico }),
          appleHref: put(files, `apple-touch-icon.${hashOf(set.appleTouch)}.png`, { type: 'image/png', data: set.appleTouch }),
        });
      } else {
        hrefs.set(image.key, { href: put(files, `logo.${hashOf(data)}.${ext}`, { type: image.type, data }) });
        const raster = await rasterLogo(data);
        rasters.set(image.key, { href: put(files, `publisher.${hashOf(raster.data)}.png`, { type: 'image/png', data: raster.data }), width: raster.width, height: raster.height });
      }
    }
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([records.map((r) => ({ ...r, updatedAt: '' })), [...sections], codes, bars]))
      .digest('hex');
    return { records, sections, files, hrefs, rasters, icons, breaking, fingerprint };
  }

  const clock = options.makeCtx(options.log).clock;
  const liveBar = (code: string) => {
    const bar = current.breaking.get(code);
    return bar && Date.parse(bar.expiresAt) > clock.now().getTime() ? bar : undefined;
  };
  let current = await load();
  let views = new Map<string, SiteView>();
  let queued: Promise<void> | undefined;
  let tail: Promise<void> = Promise.resolve();

  async function reload(): Promise<void> {
    try {
      const next = await load();
      const changed = next.fingerprint !== current.fingerprint;
      current = next;
      views = new Map();
      if (changed) options.onChange();
    } catch (error) {
      // The last good copy keeps serving; the next event or start tries again.
      options.log.error({ err: error }, 'site identity reload failed');
    }
  }

  const faviconOf = (scope: string) => {
    const favicon = resolveIdentity(current.records, scope).favicon;
    return favicon ? current.icons.get(favicon.key) : undefined;
  };

  const registry: SiteRegistry = {
    of(edition) {
      let view = views.get(edition.code);
      if (view) return view;
      const identity = resolveIdentity(current.records, edition.code);
      const t = translator({ language: edition.code, locale: edition.locale, numbering: edition.numbering });
      const logoHref = identity.logo ? current.hrefs.get(identity.logo.key) : undefined;
      const footer = FOOTER_FIELDS.flatMap((field) => {
        const value = identity.footer[field];
        return value ? [{ field, kind: footerValueKind(value), value }] : [];
      });
      view = {
        name: identity.name ?? t('site.name'),
        color: identity.color,
        logo: logoHref && identity.logo ? { href: logoHref.href, width: identity.logo.width, height: identity.logo.height } : undefined,
        publisherLogo: (identity.logo && current.rasters.get(identity.logo.key)) || defaults.raster,
        footer,
        social: identity.social.map((href) => ({ href, label: socialLabel(href) })),
        sections: (current.sections.get(edition.code) ?? []).map((s) => ({ ...s, href: `/${edition.code}/section/${encodeURIComponent(s.slug)}` })),
      };
      views.set(edition.code, view);
      return view;
    },
    icons(edition) {
      const own = faviconOf(edition.code);
      return own ? { icoHref: own.icoHref, appleHref: own.appleHref } : { icoHref: defaults.icoHref, appleHref: defaults.appleHref };
    },
    file: (name) => current.files.get(name),
    // /favicon.ico has no edition: the site's.
    favicon: () => faviconOf('*')?.ico ?? defaults.ico,
    appleTouch: () => faviconOf('*')?.apple ?? defaults.apple,
    breaking: liveBar,
    breakingUntil(codes) {
      let until: number | undefined;
      for (const code of codes) {
        const bar = liveBar(code);
        if (bar) until = Math.min(until ?? Infinity, Date.parse(bar.expiresAt));
      }
      return until;
    },
    refresh() {
      // One reload at a time, in order: a reload that started before a change could otherwise
      // finish after the one that follows it and put the old identity back. Requests arriving
      // while one waits share it.
      if (queued) return queued;
      const next = tail.then(() => {
        queued = undefined;
        return reload();
      });
      queued = next;
      tail = next;
      return next;
    },
  };
  return registry;
}

/** The registry bound to an edition registry, so chromeFor finds the identity of the site it renders. */
const bound = new WeakMap<EditionRegistry, SiteRegistry>();
export const bindSite = (editions: EditionRegistry, site: SiteRegistry) => void bound.set(editions, site);
export const siteOf = (editions: EditionRegistry): SiteRegistry | undefined => bound.get(editions);

