// The page's header and footer: the agency's name (and logo), the edition links, the search form,
// the section menu, and the footer's links and social profiles. The section menu is a plain list
// of links that wraps on narrow screens: reachable by Tab in reading order, no script, and in RTL
// editions it flows right to left with the page.
import type { Chrome } from '../props.js';

export function Masthead({ chrome }: { chrome: Chrome }) {
  const { t, site } = chrome;
  const name = site?.name ?? t('site.name');
  return (
    <header class="masthead site-masthead">
      <div class="masthead-bar">
        <a class="brand" href={chrome.homeHref}>
          {site?.logo ? <img class="brand-logo" src={site.logo.href} alt="" width={site.logo.width ?? undefined} height={site.logo.height ?? undefined} /> : null}
          <span class="brand-name" dir="auto">
            {name}
          </span>
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
      </div>
      {site?.sections.length ? (
        <nav class="section-menu" aria-label={t('site.sections')}>
          <ul>
            <li>
              <a href={chrome.homeHref}>{t('site.home')}</a>
            </li>
            {site.sections.map((s) => (
              <li key={s.href}>
                <a href={s.href} aria-current={s.current ? 'page' : undefined}>
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

export function SiteFooter({ chrome }: { chrome: Chrome }) {
  const { t, site } = chrome;
  if (!site) return <footer class="colophon">{t('site.footer')}</footer>;
  return (
    <footer class="colophon">
      {site.footer.length ? (
        <nav aria-label={t('identity.footer.label')} class="site-links">
          <ul>
            {site.footer.map((f) => (
              <li key={f.label}>
                {f.href ? (
                  <a href={f.href}>{f.label}</a>
                ) : (
                  <>
                    <span class="site-link-label">{f.label}</span> <span dir="auto">{f.text}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {site.social.length ? (
        <nav aria-label={t('identity.social')} class="social">
          <ul>
            {site.social.map((s) => (
              <li key={s.href}>
                <a href={s.href} rel="me noopener">
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p class="colophon-line">
        <span dir="auto">{site.name}</span> · {t('site.footer')}
      </p>
    </footer>
  );
}
