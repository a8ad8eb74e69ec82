// The agency's identity as data: its name per edition, logo, favicon, brand colour and footer
// (about, contact, corrections policy, terms, privacy, social profiles). Scope '*' holds the
// site-wide values; an edition's row overrides them field by field. Only an admin (or the system:
// CLI, demo seed) changes it; each change records site.changed, so every server reloads its copy
// and drops the pages that show it.
import { createHash } from 'node:crypto';
import { invalid, type FieldProblem } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import type { Selectable } from 'kysely';
import type { SiteIdentityTable } from '../../storage/schema.js';
import { assertSystemOrRole, getEdition } from '../editions/index.js';
import type { BlobStore } from '../media/index.js';
import { checkFavicon, checkLogo, type CheckedImage } from './images.js';

/** The scope of the values every edition inherits. */
export const SITE_WIDE = '*';
export const FOOTER_FIELDS = ['about', 'contact', 'corrections', 'terms', 'privacy'] as const;
export type FooterField = (typeof FOOTER_FIELDS)[number];

const NAME_MAX = 120;
const TEXT_MAX = 300;
const URL_MAX = 2048;
const SOCIAL_MAX = 12;
const COLOR = /^#[0-9a-f]{6}$/i;

export interface StoredImage {
  key: string;
  type: 'image/png' | 'image/svg+xml';
  width: number | null;
  height: number | null;
}

/** One scope's stored values; null inherits (from the site-wide row, then the product's defaults). */
export interface IdentityRecord {
  scope: string;
  name: string | null;
  footer: Record<FooterField, string | null>;
  social: string[] | null;
  color: string | null;
  logo: StoredImage | null;
  favicon: StoredImage | null;
  updatedAt: string;
}

/** What an edition shows: its values over the site-wide ones; undefined where neither says. */
export interface ResolvedIdentity {
  name: string | undefined;
  footer: Partial<Record<FooterField, string>>;
  social: string[];
  color: string | undefined;
  logo: StoredImage | undefined;
  favicon: StoredImage | undefined;
}

/** A change: a string sets ('' clears, so the scope inherits again), an absent field stays. */
export interface IdentityPatch {
  name?: string;
  about?: string;
  contact?: string;
  corrections?: string;
  terms?: string;
  privacy?: string;
  /** https URLs; an empty list clears. */
  social?: string[];
  color?: string;
  /** PNG or SVG bytes; null clears. */
  logo?: Buffer | null;
  favicon?: Buffer | null;
}

const social = (text: string | null): string[] | null => {
  if (text === null) return null;
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === 'string') : null;
};

function recordOf(row: Selectable<SiteIdentityTable>): IdentityRecord {
  const image = (key: string | null, type: string | null, width: number | null, height: number | null): StoredImage | null =>
    key && (type === 'image/png' || type === 'image/svg+xml') ? { key, type, width, height } : null;
  return {
    scope: row.scope,
    name: row.name,
    footer: { about: row.about, contact: row.contact, corrections: row.corrections, terms: row.terms, privacy: row.privacy },
    social: social(row.social),
    color: row.brand_color,
    logo: image(row.logo_key, row.logo_type, row.logo_width, row.logo_height),
    favicon: image(row.favicon_key, row.favicon_type, null, null),
    updatedAt: row.updated_at,
  };
}

/** Every stored scope, site-wide first. Readers never call this per request: web holds the result in memory. */
export async function listIdentityRecords(ctx: Pick<DbCtx, 'db'>): Promise<IdentityRecord[]> {
  const rows = await ctx.db.selectFrom('site_identity').selectAll().orderBy('scope').execute();
  return rows.map(recordOf).sort((a, b) => (a.scope === SITE_WIDE ? -1 : b.scope === SITE_WIDE ? 1 : a.scope.localeCompare(b.scope)));
}

/** An edition's identity from the stored scopes: its own value, else the site-wide one. */
export function resolveIdentity(records: IdentityRecord[], edition: string): ResolvedIdentity {
  const own = records.find((r) => r.scope === edition);
  const site = records.find((r) => r.scope === SITE_WIDE);
  const pick = <T>(get: (r: IdentityRecord) => T | null): T | undefined => (own ? get(own) : null) ?? (site ? get(site) : null) ?? undefined;
  const footer: Partial<Record<FooterField, string>> = {};
  for (const field of FOOTER_FIELDS) {
    const value = pick((r) => r.footer[field]);
    if (value) footer[field] = value;
  }
  return {
    name: pick((r) => r.name),
    footer,
    social: pick((r) => r.social) ?? [],
    color: pick((r) => r.color),
    logo: pick((r) => r.logo),
    favicon: pick((r) => r.favicon),
  };
}

/** The identity an edition shows, read from the database (jobs and the CLI; web keeps its own copy). */
export async function getResolvedIdentity(ctx: Pick<DbCtx, 'db'>, edition: string): Promise<ResolvedIdentity> {
  return resolveIdentity(await listIdentityRecords(ctx), edition);
}

/** An https URL with a host and no credentials: what a link in the footer or a social profile may be. */
export function isHttpsUrl(value: string): boolean {
  // Whitespace, controls and backslashes: browsers repair them into other addresses.
  if (value.length > URL_MAX || [...value].some((c) => c <= ' ' || c === '\\' || c === '\u007f')) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** A footer value is a link (https:, or mailto: for contact) or a short line of text. */
export function footerValueKind(value: string): 'link' | 'text' {
  // A scheme and something right after it ("https://…", "mailto:…", "javascript:…") is meant as a
  // link, and must be one we allow; "Desk: +98 21 …" is a text.
  return /^[a-z][a-z0-9+.-]*:\S/i.test(value) ? 'link' : 'text';
}

function isMailto(value: string): boolean {
  return /^mailto:[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/i.test(value) && value.length <= 320;
}

function patchProblems(patch: IdentityPatch): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (patch.name !== undefined && cleanLine(patch.name).length > NAME_MAX) problems.push({ field: 'name', key: 'errors.field.too_long', params: { max: NAME_MAX } });
  for (const field of FOOTER_FIELDS) {
    const value = patch[field];
    if (value === undefined || value === '') continue;
    const line = cleanLine(value);
    if (footerValueKind(line) === 'link') {
      if (!isHttpsUrl(line) && !isMailto(line)) problems.push({ field, key: 'errors.site.link' });
    } else if (line.length > TEXT_MAX) problems.push({ field, key: 'errors.field.too_long', params: { max: TEXT_MAX } });
  }
  if (patch.social !== undefined) {
    if (patch.social.length > SOCIAL_MAX) problems.push({ field: 'social', key: 'errors.site.social_count', params: { max: SOCIAL_MAX } });
    else if (patch.social.some((u) => !isHttpsUrl(u.trim()))) problems.push({ field: 'social', key: 'errors.site.social' });
  }
  if (patch.color !== undefined && patch.color !== '' && !COLOR.test(patch.color)) problems.push({ field: 'color', key: 'errors.site.color' });
  return problems;
}

const text = (value: string | undefined) => (value === undefined ? undefined : cleanLine(value) || null);
const keyOf = (prefix: string, image: CheckedImage) => `site/${prefix}-${createHash('sha256').update(image.data).digest('hex').slice(0, 20)}.${image.type === 'image/png' ? 'png' : 'svg'}`;

/**
 * Changes the identity of one scope ('*' or an edition code). Images are checked (and stored in
 * the blob store under a content-hashed key) before the row changes; a bad field leaves nothing
 * changed. Returns the scope's record after the change.
 */
export async function setIdentity(ctx: DbCtx, blobs: BlobStore, scope: string, patch: IdentityPatch): Promise<IdentityRecord> {
  assertSystemOrRole(ctx.actor, ['admin']);
  if (scope !== SITE_WIDE) await getEdition(ctx.db, scope);
  const problems = patchProblems(patch);
  const [logo, favicon] = await Promise.all([
    patch.logo ? checkLogo(patch.logo) : undefined,
    patch.favicon ? checkFavicon(patch.favicon) : undefined,
  ]);
  if (logo === 'invalid') problems.push({ field: 'logo', key: 'errors.site.logo' });
  if (favicon === 'invalid') problems.push({ field: 'favicon', key: 'errors.site.favicon' });
  if (problems.length) throw invalid('SITE_INVALID', problems);

  const values: Partial<Omit<SiteIdentityTable, 'scope'>> = {
    name: text(patch.name),
    about: text(patch.about),
    contact: text(patch.contact),
    corrections: text(patch.corrections),
    terms: text(patch.terms),
    privacy: text(patch.privacy),
    social: patch.social === undefined ? undefined : patch.social.length ? JSON.stringify(patch.social.map((u) => u.trim())) : null,
    brand_color: patch.color === undefined ? undefined : patch.color ? patch.color.toLowerCase() : null,
  };
  if (patch.logo === null) Object.assign(values, { logo_key: null, logo_type: null, logo_width: null, logo_height: null });
  else if (logo && logo !== 'invalid') {
    const key = keyOf('logo', logo);
    await blobs.put(key, logo.data);
    Object.assign(values, { logo_key: key, logo_type: logo.type, logo_width: logo.width, logo_height: logo.height });
  }
  if (patch.favicon === null) Object.assign(values, { favicon_key: null, favicon_type: null });
  else if (favicon && favicon !== 'invalid') {
    const key = keyOf('favicon', favicon);
    await blobs.put(key, favicon.data);
    Object.assign(values, { favicon_key: key, favicon_type: favicon.type });
  }
  const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const now = ctx.clock.now().toISOString();

  return transact(ctx, async (trx, record) => {
    // One statement, so two first writes of a scope at once cannot both insert (both dialects
    // speak ON CONFLICT).
    await trx
      .insertInto('site_identity')
      .values({ scope, ...changes, updated_at: now })
      .onConflict((oc) => oc.column('scope').doUpdateSet({ ...changes, updated_at: now }))
      .execute();
    await record('site.changed', { scope });
    const row = await trx.selectFrom('site_identity').selectAll().where('scope', '=', scope).executeTakeFirstOrThrow();
    return recordOf(row);
  });
}
