// Page props: plain data prepared by web/, never domain objects.
import type { Translate } from '../i18n/index.js';

export interface EditionLink {
  code: string;
  dir: 'ltr' | 'rtl';
  nativeName: string;
  href: string;
  current: boolean;
}

export interface HeadExtras {
  /** Reciprocal hreflang alternates of this page in other editions (and x-default). */
  alternates?: Array<{ hreflang: string; href: string }>;
  feeds?: Array<{ type: string; href: string; title: string }>;
  /** <meta property=…> (OpenGraph) and <meta name=…> (Twitter) pairs. */
  openGraph?: Array<{ property: string; content: string }>;
  twitter?: Array<{ name: string; content: string }>;
  /** Structured data, serialised as application/ld+json. */
  jsonLd?: object;
  prev?: string | undefined;
  next?: string | undefined;
  robots?: string;
}

export interface Chrome {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The edition's numbering system (CLDR: latn, arab, arabext…): the stylesheet numbers ordered lists with it. */
  numbering?: string | undefined;
  title: string;
  description?: string | undefined;
  canonical?: string | undefined;
  t: Translate;
  homeHref: string;
  cssHref: string;
  editions: EditionLink[];
  head?: HeadExtras;
  /** The header's search form posts (GET) here; absent where there is no reader search (the newsroom). */
  searchAction?: string | undefined;
  /** The agency's identity; absent in frames that show the product's (the newsroom). */
  site?: SiteChrome | undefined;
  /** A bar above the masthead in the newsroom's language (the editor's preview: "not published"). */
  banner?: { text: string; lang: string; dir: 'ltr' | 'rtl'; href?: string; link?: string } | undefined;
  /** The edition's breaking-news bar, shown above the header while it lasts. */
  breaking?: { text: string; href?: string | undefined } | undefined;
}

/** The agency's name, logo, icons, section menu and footer, as one edition shows them. */
export interface SiteChrome {
  name: string;
  logo?: { href: string; width: number | null; height: number | null } | undefined;
  icons: { icoHref: string; appleHref: string };
  sections: Array<{ name: string; href: string; current: boolean }>;
  /** Footer entries, labelled in the edition's language: a link, or a label and a short text. */
  footer: Array<{ label: string; href?: string | undefined; text?: string | undefined }>;
  social: Array<{ label: string; href: string }>;
}

export interface ImageProps {
  /** <picture> sources, best format first: each a type and its srcset over widths. */
  sources?: Array<{ type: string; srcset: string }> | undefined;
  src: string;
  srcset?: string | undefined;
  sizes?: string | undefined;
  width: number | null;
  height: number | null;
  alt: string;
}

export interface ArticleCardProps {
  id: number;
  href: string;
  headline: string;
  dek: string;
  datetime: string;
  dateText: string;
  /** The card's kicker: a link to its section (absent on that section's own page). */
  section?: { name: string; href: string } | undefined;
  image?: ImageProps | undefined;
  /** "3 comments", linking to the article's thread; absent while it has no approved comment. */
  comments?: { text: string; href: string } | undefined;
}

export type SidebarBlock =
  | { kind: 'cartoon'; title: string; image: ImageProps; caption: string }
  | { kind: 'statement'; quote: string; attribution: string }
  | { kind: 'banner'; title: string; text: string; href: string; until?: string | undefined }
  | { kind: 'most_recent'; items: ArticleCardProps[] };
