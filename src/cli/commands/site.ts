// `dateline site show|set`: the agency's identity (name per edition, logo, favicon, brand colour,
// footer links and social profiles). Site-wide values apply to every edition; `--edition CODE`
// sets what one edition shows instead (its name in its own language, its own footer pages).
import fs from 'node:fs/promises';
import path from 'node:path';
import { FOOTER_FIELDS, listIdentityRecords, resolveIdentity, setIdentity, SITE_WIDE, type IdentityPatch, type IdentityRecord } from '../../domain/site/index.js';
import { getEdition } from '../../domain/editions/index.js';
import { createFileBlobStore } from '../../storage/blobs/fs-store.js';
import { Failure, listOption, out, stringOption, UsageError, type Input, type Noun, type OptionSpec } from '../command.js';
import { withDatabase } from '../storage.js';

const MAX_FILE_BYTES = 1024 * 1024;

const edition: OptionSpec = { type: 'string', value: 'CODE', help: 'The edition to show or change (default: the whole site)' };

const settings: Record<string, OptionSpec> = {
  name: { type: 'string', value: 'NAME', help: 'The agency’s name, e.g. "Caspian Wire" (or, with --edition fa, its Persian name)' },
  about: { type: 'string', value: 'URL|TEXT', help: 'About page: an https:// address or a short text' },
  contact: { type: 'string', value: 'URL|TEXT', help: 'Contact: an https:// or mailto: address, or a short text' },
  corrections: { type: 'string', value: 'URL|TEXT', help: 'Corrections policy: an https:// address or a short text' },
  terms: { type: 'string', value: 'URL|TEXT', help: 'Terms of use: an https:// address or a short text' },
  privacy: { type: 'string', value: 'URL|TEXT', help: 'Privacy policy: an https:// address or a short text' },
  social: { type: 'string', value: 'URL', multiple: true, help: 'A social profile (https://); repeat for several; replaces the list; "" clears it' },
  color: { type: 'string', value: '#RRGGBB', help: 'Brand colour of the share cards' },
  logo: { type: 'string', value: 'FILE', help: 'Logo: a PNG or SVG file (at most 1 MB)' },
  favicon: { type: 'string', value: 'FILE', help: 'Favicon: a square PNG or SVG file (at most 1 MB)' },
  'clear-logo': { type: 'boolean', help: 'Remove the logo (the edition then inherits the site’s)' },
  'clear-favicon': { type: 'boolean', help: 'Remove the favicon (back to the default)' },
};

async function readImage(input: Input, option: 'logo' | 'favicon'): Promise<Buffer | undefined> {
  const file = stringOption(input, option);
  if (file === undefined) return undefined;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Failure(`--${option}: ${path.basename(file)} is not a file.`);
    if (stat.size > MAX_FILE_BYTES) throw new Failure(`--${option}: the file is larger than 1 MB.`);
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure(`--${option}: could not read the file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
  }
}

async function patchOf(input: Input): Promise<IdentityPatch> {
  const patch: IdentityPatch = {};
  const name = stringOption(input, 'name');
  if (name !== undefined) patch.name = name;
  for (const field of FOOTER_FIELDS) {
    const value = stringOption(input, field);
    if (value !== undefined) patch[field] = value;
  }
  if (input.options.social !== undefined) patch.social = listOption(input, 'social').filter((u) => u.trim() !== '');
  const color = stringOption(input, 'color');
  if (color !== undefined) patch.color = color;
  if (input.options['clear-logo'] === true && input.options.logo !== undefined) throw new UsageError('Give --logo or --clear-logo, not both');
  if (input.options['clear-favicon'] === true && input.options.favicon !== undefined) throw new UsageError('Give --favicon or --clear-favicon, not both');
  const [logo, favicon] = await Promise.all([readImage(input, 'logo'), readImage(input, 'favicon')]);
  if (logo) patch.logo = logo;
  if (favicon) patch.favicon = favicon;
  if (input.options['clear-logo'] === true) patch.logo = null;
  if (input.options['clear-favicon'] === true) patch.favicon = null;
  if (!Object.keys(patch).length) throw new UsageError('Give at least one setting to change');
  return patch;
}

function describe(record: Pick<IdentityRecord, 'name' | 'footer' | 'social' | 'color' | 'logo' | 'favicon'>, inherited = '(not set)'): string[] {
  const line = (label: string, value: string | null | undefined) => `  ${label.padEnd(12)} ${value ?? inherited}`;
  return [
    line('name', record.name),
    ...FOOTER_FIELDS.map((f) => line(f, record.footer[f])),
    line('social', record.social?.length ? record.social.join(' ') : null),
    line('color', record.color),
    line('logo', record.logo ? `${record.logo.type}${record.logo.width ? `, ${record.logo.width}×${record.logo.height}` : ''}` : null),
    line('favicon', record.favicon ? record.favicon.type : null),
  ];
}

const site: Noun = {
  name: 'site',
  summary: 'The agency’s identity: name per edition, logo, favicon, footer, social profiles',
  verbs: {
    show: {
      summary: 'Show the identity (site-wide, every edition’s own values, or what one edition shows)',
      options: { edition },
      async run(input) {
        const code = stringOption(input, 'edition');
        const records = await withDatabase(input.config(), async (ctx) => {
          if (code) await getEdition(ctx.db, code);
          return listIdentityRecords(ctx);
        });
        if (code) {
          const resolved = resolveIdentity(records, code);
          out(`Edition ${code} shows:`);
          const shown = {
            name: resolved.name ?? null,
            footer: Object.fromEntries(FOOTER_FIELDS.map((f) => [f, resolved.footer[f] ?? null])) as IdentityRecord['footer'],
            social: resolved.social,
            color: resolved.color ?? null,
            logo: resolved.logo ?? null,
            favicon: resolved.favicon ?? null,
          };
          for (const l of describe(shown, '(not set: the product’s default)')) out(l);
          return;
        }
        if (!records.length) return out('No identity set: pages show the product’s name. Set one with `dateline site set --name …`.');
        for (const r of records) {
          out(r.scope === SITE_WIDE ? 'Whole site:' : `Edition ${r.scope} (overrides the whole site’s):`);
          for (const l of describe(r, r.scope === SITE_WIDE ? '(not set)' : '(inherited)')) out(l);
        }
      },
    },
    set: {
      summary: 'Change the identity of the whole site or of one edition; "" clears a text',
      options: { edition, ...settings },
      notes: [
        'Example: dateline site set --name "Caspian Wire" --logo logo.svg --favicon icon.png --social https://x.com/caspianwire',
        'Example: dateline site set --edition fa --name "خبرگزاری خزر" --about https://caspianwire.example/fa/about',
      ],
      async run(input) {
        const scope = stringOption(input, 'edition') ?? SITE_WIDE;
        const patch = await patchOf(input);
        const config = input.config();
        // Images go to DATA_DIR/media, beside the newsroom's, whichever database holds the rows.
        const blobs = createFileBlobStore(path.join(config.dataDir, 'media'));
        const record = await withDatabase(config, (ctx) => setIdentity(ctx, blobs, scope, patch));
        out(scope === SITE_WIDE ? 'Updated the whole site’s identity:' : `Updated edition ${scope}’s identity:`);
        for (const l of describe(record, scope === SITE_WIDE ? '(not set)' : '(inherited)')) out(l);
        out('Running servers show it within a second.');
      },
    },
  },
};
export default site;
