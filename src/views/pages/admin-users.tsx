// The admin's users screen: invite (the one-time link is shown, no email server needed), and for
// each account its role and edition limit, two-factor reset and deactivation.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Field, Notice } from './admin-frame.js';

export interface UsersProps {
  frame: Omit<AdminFrameProps, 'title'>;
  csrf: string;
  notice?: string | undefined;
  error?: string | undefined;
  invitation?: { link: string; email: string; expires: { iso: string; text: string } } | undefined;
  inviteErrors: Partial<Record<string, string>>;
  inviteEmail?: string | undefined;
  roles: Array<{ value: string; label: string }>;
  editions: Array<{ code: string; name: string; dir: 'ltr' | 'rtl' }>;
  users: Array<{ id: number; name: string; email: string; role: string; editions: string[]; totp: boolean; disabled: boolean; self: boolean }>;
}

function EditionChoices(props: { idPrefix: string; editions: UsersProps['editions']; chosen: string[]; legend: string; hint: string }) {
  return (
    <fieldset class="newsroom-choices">
      <legend>{props.legend}</legend>
      <span class="hint">{props.hint}</span>
      {props.editions.map((e) => (
        <span key={e.code} class="newsroom-choice">
          <input type="checkbox" id={`${props.idPrefix}-${e.code}`} name="editions" value={e.code} checked={props.chosen.includes(e.code)} />
          <label for={`${props.idPrefix}-${e.code}`} lang={e.code} dir={e.dir}>
            {e.name}
          </label>
        </span>
      ))}
    </fieldset>
  );
}

function RoleSelect(props: { id: string; roles: UsersProps['roles']; chosen: string; label: string }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name="role">
        {props.roles.map((r) => (
          <option key={r.value} value={r.value} selected={r.value === props.chosen}>
            {r.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function UsersPage(props: UsersProps) {
  const { t } = props.frame;
  const roleLabel = (value: string) => props.roles.find((r) => r.value === value)?.label ?? value;
  return (
    <AdminFrame {...props.frame} title={t('newsroom.users.title')}>
      <h1>{t('newsroom.users.title')}</h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}

      <section aria-labelledby="invite-h" class="newsroom-section">
        <h2 id="invite-h">{t('newsroom.invite.title')}</h2>
        {props.invitation ? (
          <div class="newsroom-codes">
            <Notice kind="ok">{t('newsroom.invite.created', { email: props.invitation.email })}</Notice>
            <p>
              <label for="invite-link">{t('newsroom.invite.link')}</label>
            </p>
            <input id="invite-link" class="newsroom-link" type="text" readOnly value={props.invitation.link} dir="ltr" />
            <p>
              {t('newsroom.invite.expires')} <time dateTime={props.invitation.expires.iso}>{props.invitation.expires.text}</time>
            </p>
          </div>
        ) : null}
        <form method="post" action="/admin/users/invite" class="newsroom-form">
          <Csrf token={props.csrf} />
          <Field id="invite-email" name="email" type="email" label={t('newsroom.field.email')} value={props.inviteEmail} required dir="ltr" maxLength={254} error={props.inviteErrors.email} />
          <RoleSelect id="invite-role" roles={props.roles} chosen="reporter" label={t('newsroom.users.role')} />
          <EditionChoices idPrefix="invite-ed" editions={props.editions} chosen={[]} legend={t('newsroom.users.editions')} hint={t('newsroom.users.editions_hint')} />
          {props.inviteErrors.editions ? <span class="field-error">{props.inviteErrors.editions}</span> : null}
          <button type="submit">{t('newsroom.invite.submit')}</button>
        </form>
      </section>

      <section aria-labelledby="list-h" class="newsroom-section">
        <h2 id="list-h">{t('newsroom.users.list')}</h2>
        <ul class="newsroom-users">
          {props.users.map((u) => (
            <li key={u.id} class={u.disabled ? 'newsroom-user-card is-disabled' : 'newsroom-user-card'}>
              <h3>
                <bdi>{u.name}</bdi>
              </h3>
              <p>
                <bdi dir="ltr">{u.email}</bdi> · {roleLabel(u.role)} · {u.editions.length ? u.editions.join(', ') : t('newsroom.users.all_editions')} ·{' '}
                {u.totp ? t('newsroom.users.totp_on') : t('newsroom.users.totp_off')}
                {u.disabled ? ` · ${t('newsroom.users.disabled')}` : ''}
              </p>
              {u.self ? null : (
                <>
                  <form method="post" action={`/admin/users/${u.id}/access`} class="newsroom-form">
                    <Csrf token={props.csrf} />
                    <RoleSelect id={`role-${u.id}`} roles={props.roles} chosen={u.role} label={t('newsroom.users.role')} />
                    <EditionChoices idPrefix={`ed-${u.id}`} editions={props.editions} chosen={u.editions} legend={t('newsroom.users.editions')} hint={t('newsroom.users.editions_hint')} />
                    <button type="submit">{t('newsroom.save')}</button>
                  </form>
                  <div class="newsroom-row">
                    {u.totp ? (
                      <form method="post" action={`/admin/users/${u.id}/reset-2fa`} class="newsroom-inline">
                        <Csrf token={props.csrf} />
                        <button type="submit" class="secondary">{t('newsroom.users.reset_totp')}</button>
                      </form>
                    ) : null}
                    {u.disabled ? null : (
                      <form method="post" action={`/admin/users/${u.id}/deactivate`} class="newsroom-inline">
                        <Csrf token={props.csrf} />
                        <button type="submit" class="danger">{t('newsroom.users.deactivate')}</button>
                      </form>
                    )}
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </AdminFrame>
  );
}
