// The newsroom's page frame: <html lang dir> in the interface language, the masthead with the
// navigation a role may use and the sign-out button, and small form helpers every screen shares.
// No script and no inline style, so the strict CSP holds; everything works without JavaScript.
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../i18n/index.js';

export interface AdminFrameProps {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  t: Translate;
  cssHref: string;
  /** Navigation for the signed-in role; absent on the sign-in screens. */
  /** A badge: the count as shown, and what it counts for screen readers. */
  nav?: Array<{ href: string; label: string; current: boolean; badge?: { count: string; text: string } }>;
  user?: { name: string };
  csrf?: string;
}

export function AdminFrame(props: AdminFrameProps & { children: ComponentChildren }) {
  const { t } = props;
  return (
    <html lang={props.lang} dir={props.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} — ${t('newsroom.name')}`}</title>
        <link rel="stylesheet" href={props.cssHref} />
      </head>
      <body class="newsroom">
        <a class="skip" href="#main">
          {t('site.skip')}
        </a>
        <header class="masthead newsroom-head">
          <a class="brand" href="/admin">
            {t('newsroom.name')}
          </a>
          {props.nav ? (
            <nav aria-label={t('newsroom.nav.label')} class="newsroom-nav">
              <ul>
                {props.nav.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.label}
                      {item.badge ? (
                        <>
                          {' '}
                          <span class="newsroom-badge" aria-hidden="true">
                            {item.badge.count}
                          </span>
                          <span class="visually-hidden">{item.badge.text}</span>
                        </>
                      ) : null}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {props.user && props.csrf ? (
            <form method="post" action="/admin/logout" class="newsroom-signout">
              <span class="newsroom-user">
                <bdi>{props.user.name}</bdi>
              </span>
              <input type="hidden" name="_csrf" value={props.csrf} />
              <button type="submit">{t('newsroom.sign_out')}</button>
            </form>
          ) : null}
        </header>
        <div class="page newsroom-page">
          <main id="main">{props.children}</main>
        </div>
      </body>
    </html>
  );
}

/** A message box: errors are announced (role=alert), notices politely (role=status). */
export function Notice({ kind, children }: { kind: 'error' | 'ok'; children: ComponentChildren }) {
  return (
    <p class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

/** A labelled input with its error message tied by aria-describedby. */
export function Field(props: {
  id: string;
  name: string;
  label: string;
  type?: string;
  value?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  inputMode?: 'numeric' | 'text' | 'email';
  dir?: 'ltr' | 'rtl' | 'auto';
  /** The language of what is typed, when it is not the interface's (an article's edition). */
  lang?: string | undefined;
  maxLength?: number;
  minLength?: number;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autocomplete}
        required={props.required}
        inputMode={props.inputMode}
        dir={props.dir}
        lang={props.lang}
        maxLength={props.maxLength}
        minLength={props.minLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described}
      />
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
