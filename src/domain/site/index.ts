// Site: the agency's identity as data (name per edition, logo, favicon, brand colour, footer) and
// the share cards drawn on its brand. Web, views (through web) and the CLI reach it here.
export {
  SITE_WIDE,
  FOOTER_FIELDS,
  listIdentityRecords,
  resolveIdentity,
  getResolvedIdentity,
  setIdentity,
  isHttpsUrl,
  footerValueKind,
  type FooterField,
  type IdentityRecord,
  type IdentityPatch,
  type ResolvedIdentity,
  type StoredImage,
} from './identity.js';
export { checkLogo, checkFavicon, makeFaviconSet, rasterLogo, MAX_IDENTITY_IMAGE_BYTES, type FaviconSet, type CheckedImage } from './images.js';
export { CARD_WIDTH, CARD_HEIGHT, DEFAULT_BRAND_COLOR, cardHash, cardKey, renderShareCard, ensureShareCard, refreshShareCard, type CardInput } from './share-card.js';
