// Builds the page frame's props for an edition: lang/dir, translated strings, edition links,
// and the localized date formatting the pages use.
import type { Edition } from '../../domain/editions/index.js';
import { formatDateTime, translator, type LocaleSettings, type Translate } from '../../i18n/index.js';
import type { Chrome, HeadExtras, SiteChrome } from '../../views/props.js';
import type { EditionRegistry } from './editions.js';
import { siteOf, type SiteView } from './identity.js';

export interface EditionView {
  edition: Edition;
  t: Translate;
  locale: LocaleSettings;
  /** A timestamp as {datetime, text} for <time>. */
  when(iso: string): { datetime: string; text: string };
}

const views = new WeakMap<Edition, EditionView>();

export function editionView(edition: Edition): EditionView {
  let view = views.get(edition);
  if (!view) {
    const locale: LocaleSettings = {
      language: edition.code,
      locale: edition.locale,
      calendar: edition.calendar,
      numbering: edition.numbering,
      timeZone: edition.timeZone,
    };
    view = {
      edition,
      t: translator({ language: edition.code, locale: edition.locale, numbering: edition.numbering }),
      locale,
      when: (iso) => ({ datetime: iso, text: formatDateTime(iso, locale) }),
    };
    views.set(edition, view);
  }
  return view;
}

export const paths = {
  home: (lang: string) => `/${lang}/`,
  article: (lang: string, id: number, slug: string) => `/${lang}/news/${id}/${encodeURIComponent(slug)}`,
  section: (lang: string, slug: string) => `/${lang}/section/${encodeURIComponent(slug)}`,
  tag: (lang: string, slug: string) => `/${lang}/tag/${encodeURIComponent(slug)}`,
  entity: (lang: string, key: string) => `/${lang}/entity/${encodeURIComponent(key)}`,
  search: (lang: string) => `/${lang}/search`,
  media: (key: string) => `/media/${key}`,
};

export function chromeFor(
  view: EditionView,
  registry: EditionRegistry,
  page: { title: string; description?: string; canonical?: string; cssHref: string; siteName?: boolean; head?: HeadExtras; section?: string },
): Chrome {
  const { edition, t } = view;
  // The agency's identity, bound to this edition registry by the site context (absent in the newsroom's frame).
  const identity = siteOf(registry);
  const site = identity?.of(edition);
  const name = site?.name ?? t('site.name');
  const bar = identity?.breaking(edition.code);
  const title = page.siteName === false ? page.title : `${page.title} — ${name}`;
  return {
    lang: edition.code,
    dir: edition.direction,
    numbering: edition.numbering,
    title,
    description: page.description,
    canonical: page.canonical,
    t,
    homeHref: paths.home(edition.code),
    cssHref: page.cssHref,
    head: page.head,
    searchAction: paths.search(edition.code),
    editions: registry.all().map((e) => ({ code: e.code, dir: e.direction, nativeName: e.nativeName, href: paths.home(e.code), current: e.code === edition.code })),
    site: site && identity ? siteChrome(view, site, identity.icons(edition), page.section) : undefined,
    breaking: bar ? { text: bar.text, href: bar.linkUrl ?? undefined } : undefined,
  };
}

const FOOTER_LABELS = {
  about: 'identity.footer.about',
  contact: 'identity.footer.contact',
  corrections: 'identity.footer.corrections',
  terms: 'identity.footer.terms',
  privacy: 'identity.footer.privacy',
} as const;

function siteChrome(view: EditionView, site: SiteView, icons: SiteChrome['icons'], section: string | undefined): SiteChrome {
  return {
    name: site.name,
    logo: site.logo,
    icons,
    sections: site.sections.map((s) => ({ name: s.name, href: s.href, current: s.slug === section })),
    footer: site.footer.map((f) => (f.kind === 'link' ? { label: view.t(FOOTER_LABELS[f.field]), href: f.value } : { label: view.t(FOOTER_LABELS[f.field]), text: f.value })),
    social: site.social,
  };
}

