// The frame of every public page: <html lang dir>, head metadata (canonical, hreflang, feeds,
// OpenGraph, Twitter, JSON-LD), masthead with edition links and the search form, main, footer.
import type { ComponentChildren } from 'preact';
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
        <link rel="stylesheet" href={chrome.cssHref} />
        {head.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(head.jsonLd) }} /> : null}
      </head>
      <body data-numbering={chrome.numbering}>
        <a class="skip" href="#main">
          {t('site.skip')}
        </a>
        <header class="masthead">
          <a class="brand" href={chrome.homeHref}>
            {t('site.name')}
          </a>
          <nav aria-label={t('site.editions')} class="editions">
            <ul>
              {chrome.editions.map((e) => (
                <li key={e.code} dir={e.dir}>
                  <a href={e.href} lang={e.code} hrefLang={e.code} aria-current={e.current ? 'true' : undefined}>
                    {e.nativeName}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {chrome.searchAction ? (
            <form role="search" class="site-search" action={chrome.searchAction} method="get" aria-label={t('search.label')}>
              <label class="visually-hidden" for="site-search-q">
                {t('search.query')}
              </label>
              <input id="site-search-q" type="search" name="q" maxLength={1000} placeholder={t('search.placeholder')} />
              <button type="submit">{t('search.submit')}</button>
            </form>
          ) : null}
        </header>
        <div class="page">
          <main id="main">{children}</main>
        </div>
        <footer class="colophon">{t('site.footer')}</footer>
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
