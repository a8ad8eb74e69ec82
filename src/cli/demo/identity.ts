// The demo agency's identity: an invented wire service ("Tidemark Wire", not Dateline and not a
// real agency) with a name in each demo edition's language, a logo and favicon drawn here, a
// brand colour for its share cards, and footer pages on the reserved .example domain.
import { setIdentity, SITE_WIDE } from '../../domain/site/index.js';
import type { BlobStore } from '../../domain/media/index.js';
import type { DbCtx } from '../../storage/database.js';

const MARK = '<rect x="2" y="2" width="44" height="44" rx="8" fill="#0f4c5c"/><path d="M10 30c5-6 9-6 14 0s9 6 14 0" fill="none" stroke="#f2c14e" stroke-width="4" stroke-linecap="round"/><path d="M14 16h20M24 16v10" stroke="#ffffff" stroke-width="4" stroke-linecap="round"/>';
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">${MARK}</svg>`;
const FAVICON = LOGO;

export async function seedIdentity(ctx: DbCtx, blobs: BlobStore): Promise<void> {
  await setIdentity(ctx, blobs, SITE_WIDE, {
    name: 'Tidemark Wire',
    about: 'https://tidemark.example/about',
    contact: 'mailto:desk@tidemark.example',
    corrections: 'https://tidemark.example/corrections',
    terms: 'https://tidemark.example/terms',
    privacy: 'https://tidemark.example/privacy',
    social: ['https://mastodon.example/@tidemark', 'https://video.example/tidemark'],
    color: '#0f4c5c',
    logo: Buffer.from(LOGO),
    favicon: Buffer.from(FAVICON),
  });
  await setIdentity(ctx, blobs, 'fa', {
    name: 'خبرگزاری تایدمارک',
    about: 'https://tidemark.example/fa/about',
    corrections: 'https://tidemark.example/fa/corrections',
  });
  await setIdentity(ctx, blobs, 'ar', {
    name: 'وكالة تايدمارك للأنباء',
    about: 'https://tidemark.example/ar/about',
    corrections: 'https://tidemark.example/ar/corrections',
  });
}
