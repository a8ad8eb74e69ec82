// The account screen: password, interface language, two-factor (set up with a QR code, confirm,
// recovery codes shown once, turn off with the password) and the account's sessions.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Field, Notice } from './admin-frame.js';

export interface AccountProps {
  frame: Omit<AdminFrameProps, 'title'>;
  csrf: string;
  email: string;
  notice?: string | undefined;
  error?: string | undefined;
  language: { chosen: string; options: Array<{ value: string; label: string }> };
  totp:
    | { state: 'off' }
    | { state: 'pending'; qrDataUri: string; secret: string; codeError?: string | undefined }
    | { state: 'on'; recoveryLeft: number; passwordError?: string | undefined };
  /** Shown once, right after confirming two-factor. */
  recoveryCodes?: string[] | undefined;
  sessions: Array<{ id: number; device: string; since: { iso: string; text: string }; seen: { iso: string; text: string }; current: boolean }>;
}

export function AccountPage(props: AccountProps) {
  const { t } = props.frame;
  const { totp } = props;
  return (
    <AdminFrame {...props.frame} title={t('newsroom.account.title')}>
      <h1>{t('newsroom.account.title')}</h1>
      <p>
        <bdi dir="ltr">{props.email}</bdi>
      </p>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}

      <section aria-labelledby="password-h" class="newsroom-section">
        <h2 id="password-h">{t('newsroom.password.title')}</h2>
        <p>
          <a href="/admin/account/password">{t('newsroom.account.change_password')}</a>
        </p>
      </section>

      <section aria-labelledby="language-h" class="newsroom-section">
        <h2 id="language-h">{t('newsroom.account.language')}</h2>
        <form method="post" action="/admin/account/language" class="newsroom-form newsroom-row">
          <Csrf token={props.csrf} />
          <label for="language">{t('newsroom.account.language')}</label>
          <select id="language" name="language">
            <option value="" selected={props.language.chosen === ''}>
              {t('newsroom.account.language_auto')}
            </option>
            {props.language.options.map((o) => (
              <option key={o.value} value={o.value} lang={o.value} selected={props.language.chosen === o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="submit">{t('newsroom.save')}</button>
        </form>
      </section>

      <section aria-labelledby="totp-h" class="newsroom-section">
        <h2 id="totp-h">{t('newsroom.totp.title')}</h2>
        {props.recoveryCodes ? (
          <div class="newsroom-codes">
            <Notice kind="ok">{t('newsroom.totp.enabled_notice')}</Notice>
            <p>{t('newsroom.totp.codes_intro')}</p>
            <ul dir="ltr">
              {props.recoveryCodes.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {totp.state === 'off' ? (
          <>
            <p>{t('newsroom.totp.off')}</p>
            <form method="post" action="/admin/account/2fa" class="newsroom-inline">
              <Csrf token={props.csrf} />
              <button type="submit">{t('newsroom.totp.start')}</button>
            </form>
          </>
        ) : null}
        {totp.state === 'pending' ? (
          <>
            <p>{t('newsroom.totp.scan')}</p>
            <img class="newsroom-qr" src={totp.qrDataUri} width={200} height={200} alt={t('newsroom.totp.qr_alt')} />
            <p>
              {t('newsroom.totp.secret')} <code dir="ltr">{totp.secret}</code>
            </p>
            <form method="post" action="/admin/account/2fa/confirm" class="newsroom-form">
              <Csrf token={props.csrf} />
              <Field id="totp-code" name="code" label={t('newsroom.code.field')} autocomplete="one-time-code" inputMode="numeric" required dir="ltr" maxLength={6} error={totp.codeError} />
              <button type="submit">{t('newsroom.totp.confirm')}</button>
            </form>
          </>
        ) : null}
        {totp.state === 'on' ? (
          <>
            <p>{t('newsroom.totp.on', { count: totp.recoveryLeft })}</p>
            <form method="post" action="/admin/account/2fa/disable" class="newsroom-form">
              <Csrf token={props.csrf} />
              <Field id="totp-password" name="password" type="password" label={t('newsroom.field.current_password')} autocomplete="current-password" required maxLength={256} error={totp.passwordError} />
              <button type="submit">{t('newsroom.totp.disable')}</button>
            </form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="sessions-h" class="newsroom-section">
        <h2 id="sessions-h">{t('newsroom.sessions.title')}</h2>
        <div class="newsroom-table-wrap">
          <table class="newsroom-table">
            <thead>
              <tr>
                <th scope="col">{t('newsroom.sessions.device')}</th>
                <th scope="col">{t('newsroom.sessions.since')}</th>
                <th scope="col">{t('newsroom.sessions.seen')}</th>
              </tr>
            </thead>
            <tbody>
              {props.sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <bdi dir="ltr">{s.device}</bdi> {s.current ? <strong>{t('newsroom.sessions.current')}</strong> : null}
                  </td>
                  <td>
                    <time dateTime={s.since.iso}>{s.since.text}</time>
                  </td>
                  <td>
                    <time dateTime={s.seen.iso}>{s.seen.text}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form method="post" action="/admin/logout/everywhere" class="newsroom-inline">
          <Csrf token={props.csrf} />
          <button type="submit">{t('newsroom.sessions.everywhere')}</button>
        </form>
      </section>
    </AdminFrame>
  );
}
