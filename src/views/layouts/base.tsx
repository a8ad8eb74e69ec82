// The frame of every public page: <html lang dir>, head metadata (canonical, hreflang, feeds,
// OpenGraph, Twitter, JSON-LD, icons), masthead with the agency's name and logo, edition links and
// the search form, the section menu, main, and the footer with the agency's links.
import type { ComponentChildren } from 'preact';
import { BreakingBar } from '../components/breaking-bar.js';
import { Masthead, SiteFooter } from '../components/masthead.js';
import type { Chrome } from '../props.js';

/** JSON for a <script> data block: "<" is escaped so no string in it can close the element. */
function jsonForScript(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function Base({ chrome, children }: { chrome: Chrome; children: ComponentChildren }) {
  const { t, head = {} } = chrome;
  return (
    <html lang={chrome.lang} dir={chrome.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{chrome.title}</title>
        {chrome.description ? <meta name="description" content={chrome.description} /> : null}
        {head.robots ? <meta name="robots" content={head.robots} /> : null}
        {chrome.canonical ? <link rel="canonical" href={chrome.canonical} /> : null}
        {head.prev ? <link rel="prev" href={head.prev} /> : null}
        {head.next ? <link rel="next" href={head.next} /> : null}
        {(head.alternates ?? []).map((a) => (
          <link key={a.hreflang} rel="alternate" hrefLang={a.hreflang} href={a.href} />
        ))}
        {(head.feeds ?? []).map((f) => (
          <link key={f.href} rel="alternate" type={f.type} href={f.href} title={f.title} />
        ))}
        {(head.openGraph ?? []).map((m, i) => (
          <meta key={`og${i}`} property={m.property} content={m.content} />
        ))}
        {(head.twitter ?? []).map((m, i) => (
          <meta key={`tw${i}`} name={m.name} content={m.content} />
        ))}
        {chrome.site ? <link rel="icon" href={chrome.site.icons.icoHref} sizes="16x16 32x32 48x48" /> : null}
        {chrome.site ? <link rel="apple-touch-icon" href={chrome.site.icons.appleHref} /> : null}
        <link rel="stylesheet" href={chrome.cssHref} />
        {head.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(head.jsonLd) }} /> : null}
      </head>
      <body data-numbering={chrome.numbering}>
        <a class="skip" href="#main">
          {t('site.skip')}
        </a>
        {chrome.banner ? (
          <p class="preview-bar" role="status" lang={chrome.banner.lang} dir={chrome.banner.dir}>
            <strong>{chrome.banner.text}</strong>
            {chrome.banner.href ? (
              <>
                {' '}
                <a href={chrome.banner.href}>{chrome.banner.link}</a>
              </>
            ) : null}
          </p>
        ) : null}
        {chrome.breaking ? <BreakingBar bar={chrome.breaking} t={t} /> : null}
        <Masthead chrome={chrome} />
        <div class="page">
          <main id="main">{children}</main>
        </div>
        <SiteFooter chrome={chrome} />
      </body>
    </html>
  );
}

/** Main content beside the sidebar; the grid uses logical placement, so RTL mirrors it. */
export function WithSidebar({ children, sidebar }: { children: ComponentChildren; sidebar: ComponentChildren }) {
  return (
    <div class="with-sidebar">
      <div class="primary">{children}</div>
      {sidebar}
    </div>
  );
}
