// The frame of every public page: <html lang dir>, masthead with edition links, main, footer.
import type { ComponentChildren } from 'preact';
import type { Chrome } from '../props.js';

export function Base({ chrome, children }: { chrome: Chrome; children: ComponentChildren }) {
  const { t } = chrome;
  return (
    <html lang={chrome.lang} dir={chrome.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{chrome.title}</title>
        {chrome.description ? <meta name="description" content={chrome.description} /> : null}
        {chrome.canonical ? <link rel="canonical" href={chrome.canonical} /> : null}
        <link rel="stylesheet" href={chrome.cssHref} />
      </head>
      <body>
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
                <li key={e.code}>
                  <a href={e.href} lang={e.code} hrefLang={e.code} aria-current={e.current ? 'true' : undefined}>
                    {e.nativeName}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer class="colophon">{t('site.footer')}</footer>
      </body>
    </html>
  );
}
