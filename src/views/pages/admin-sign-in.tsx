// The screens before and at the door: sign-in, the TOTP code, an invitation's first password,
// and the password change (forced at first sign-in, or chosen from the account screen).
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Field, Notice } from './admin-frame.js';

type Frame = Omit<AdminFrameProps, 'title'>;
type Errors = Partial<Record<string, string>>;

export function SignInPage(props: { frame: Frame; csrf: string; email?: string; error?: string | undefined; notice?: string | undefined }) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={t('newsroom.sign_in.title')}>
      <div class="newsroom-narrow">
        <h1>{t('newsroom.sign_in.title')}</h1>
        {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
        {props.error ? <Notice kind="error">{props.error}</Notice> : null}
        <form method="post" action="/admin/login" class="newsroom-form">
          <Csrf token={props.csrf} />
          <Field id="email" name="email" type="email" label={t('newsroom.field.email')} value={props.email} autocomplete="username" required dir="ltr" maxLength={254} />
          <Field id="password" name="password" type="password" label={t('newsroom.field.password')} autocomplete="current-password" required maxLength={256} />
          <button type="submit">{t('newsroom.sign_in.submit')}</button>
        </form>
      </div>
    </AdminFrame>
  );
}

export function SecondFactorPage(props: { frame: Frame; csrf: string; error?: string | undefined }) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={t('newsroom.code.title')}>
      <div class="newsroom-narrow">
        <h1>{t('newsroom.code.title')}</h1>
        {props.error ? <Notice kind="error">{props.error}</Notice> : null}
        <form method="post" action="/admin/login/code" class="newsroom-form">
          <Csrf token={props.csrf} />
          <Field id="code" name="code" label={t('newsroom.code.field')} hint={t('newsroom.code.hint')} autocomplete="one-time-code" required dir="ltr" maxLength={64} />
          <button type="submit">{t('newsroom.code.submit')}</button>
        </form>
        <form method="post" action="/admin/logout" class="newsroom-inline">
          <Csrf token={props.csrf} />
          <button type="submit" class="secondary">{t('newsroom.sign_out')}</button>
        </form>
      </div>
    </AdminFrame>
  );
}

export function InvitationPage(props: { frame: Frame; csrf: string; token: string; email: string; role: string; name?: string; errors: Errors }) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={t('newsroom.invite.accept_title')}>
      <div class="newsroom-narrow">
        <h1>{t('newsroom.invite.accept_title')}</h1>
        <p>{t('newsroom.invite.accept_intro', { role: props.role })}</p>
        <p>
          <bdi dir="ltr">{props.email}</bdi>
        </p>
        {Object.keys(props.errors).length ? <Notice kind="error">{t('newsroom.form.fix')}</Notice> : null}
        <form method="post" action={`/admin/invite/${props.token}`} class="newsroom-form">
          <Csrf token={props.csrf} />
          <Field id="name" name="name" label={t('newsroom.field.name')} value={props.name} autocomplete="name" required maxLength={120} error={props.errors.name} dir="auto" />
          <Field id="password" name="password" type="password" label={t('newsroom.field.new_password')} hint={t('newsroom.password.rules')} autocomplete="new-password" required maxLength={256} error={props.errors.password} />
          <button type="submit">{t('newsroom.invite.accept_submit')}</button>
        </form>
      </div>
    </AdminFrame>
  );
}

export function PasswordPage(props: { frame: Frame; csrf: string; forced: boolean; errors: Errors }) {
  const { t } = props.frame;
  const title = props.forced ? t('newsroom.password.forced_title') : t('newsroom.password.title');
  return (
    <AdminFrame {...props.frame} title={title}>
      <div class="newsroom-narrow">
        <h1>{title}</h1>
        {props.forced ? <p>{t('newsroom.password.forced_intro')}</p> : null}
        {Object.keys(props.errors).length ? <Notice kind="error">{t('newsroom.form.fix')}</Notice> : null}
        <form method="post" action="/admin/account/password" class="newsroom-form">
          <Csrf token={props.csrf} />
          <Field id="current" name="current" type="password" label={t('newsroom.field.current_password')} autocomplete="current-password" required maxLength={256} error={props.errors.current} />
          <Field id="next" name="next" type="password" label={t('newsroom.field.new_password')} hint={t('newsroom.password.rules')} autocomplete="new-password" required maxLength={256} error={props.errors.next} />
          <Field id="confirm" name="confirm" type="password" label={t('newsroom.field.confirm_password')} autocomplete="new-password" required maxLength={256} error={props.errors.confirm} />
          <button type="submit">{t('newsroom.password.submit')}</button>
        </form>
      </div>
    </AdminFrame>
  );
}

export function MessagePage(props: { frame: Frame; title: string; message: string; link?: { href: string; label: string } }) {
  return (
    <AdminFrame {...props.frame} title={props.title}>
      <div class="newsroom-narrow">
        <h1>{props.title}</h1>
        <p>{props.message}</p>
        {props.link ? (
          <p>
            <a href={props.link.href}>{props.link.label}</a>
          </p>
        ) : null}
      </div>
    </AdminFrame>
  );
}
