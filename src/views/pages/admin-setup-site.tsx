// The site identity screen: a scope picker (every edition, or one that overrides it field by
// field), the identity's text fields (name, brand colour, footer links, social profiles) as one
// form, and the logo and favicon uploads as two multipart forms.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Field, Notice } from './admin-frame.js';

export type SiteTextField = 'name' | 'color' | 'about' | 'contact' | 'corrections' | 'terms' | 'privacy' | 'social';

export interface SiteProps {
  frame: Omit<AdminFrameProps, 'title'>;
  csrf: string;
  scope: string;
  scopes: Array<{ value: string; label: string }>;
  values: Record<SiteTextField, string>;
  errors: Record<string, string>;
  images: Array<{ field: 'logo' | 'favicon'; current?: string | undefined; error?: string | undefined }>;
  notice?: string | undefined;
  error?: string | undefined;
}

const FOOTER: Array<Exclude<SiteTextField, 'name' | 'color' | 'social'>> = ['about', 'contact', 'corrections', 'terms', 'privacy'];

export function SitePage(props: SiteProps) {
  const { t } = props.frame;
  const v = props.values;
  const e = props.errors;
  return (
    <AdminFrame {...props.frame} title={t('setup.site.title')}>
      <h1>{t('setup.site.title')}</h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <form method="get" action="/admin/site" class="setup-filter">
        <label for="site-scope">{t('setup.site.scope')}</label>
        <select id="site-scope" name="scope">
          {props.scopes.map((s) => (
            <option key={s.value} value={s.value} selected={s.value === props.scope}>
              {s.label}
            </option>
          ))}
        </select>
        <button type="submit">{t('setup.curation.show')}</button>
      </form>
      {props.scope !== '*' ? <p class="hint">{t('setup.site.inherit_hint')}</p> : null}
      <form method="post" action="/admin/site" class="setup-form">
        <Csrf token={props.csrf} />
        <input type="hidden" name="scope" value={props.scope} />
        <Field id="site-name" name="name" label={t('setup.site.name')} value={v.name} error={e.name} dir="auto" maxLength={120} />
        <Field id="site-color" name="color" label={t('setup.site.color')} hint={t('setup.site.color_hint')} value={v.color} error={e.color} dir="ltr" maxLength={7} />
        {FOOTER.map((field) => (
          <Field key={field} id={`site-${field}`} name={field} label={t(`setup.site.${field}`)} hint={t('setup.site.footer_hint')} value={v[field]} error={e[field]} dir="auto" maxLength={2048} />
        ))}
        <div class="field">
          <label for="site-social">{t('setup.site.social')}</label>
          <span class="hint" id="site-social-hint">
            {t('setup.site.social_hint')}
          </span>
          <textarea id="site-social" name="social" rows={4} dir="ltr" aria-invalid={e.social ? 'true' : undefined} aria-describedby={e.social ? 'site-social-hint site-social-error' : 'site-social-hint'}>
            {v.social}
          </textarea>
          {e.social ? (
            <span class="field-error" id="site-social-error">
              {e.social}
            </span>
          ) : null}
        </div>
        <button type="submit">{t('setup.site.save')}</button>
      </form>
      {props.images.map((image) => (
        <section key={image.field} class="setup-section" aria-labelledby={`site-${image.field}-heading`}>
          <h2 id={`site-${image.field}-heading`}>{t(`setup.site.${image.field}`)}</h2>
          {image.current ? (
            <p>
              {t('setup.site.current')}: <span dir="ltr">{image.current}</span>
            </p>
          ) : null}
          <form method="post" action={`/admin/site/${image.field}`} enctype="multipart/form-data" class="setup-form">
            <Csrf token={props.csrf} />
            <input type="hidden" name="scope" value={props.scope} />
            <div class="field">
              <label for={`site-${image.field}-file`}>{t(`setup.site.${image.field}`)}</label>
              <span class="hint" id={`site-${image.field}-hint`}>
                {t(`setup.site.${image.field}_hint`)}
              </span>
              <input
                type="file"
                id={`site-${image.field}-file`}
                name="file"
                accept="image/png,image/svg+xml"
                aria-invalid={image.error ? 'true' : undefined}
                aria-describedby={image.error ? `site-${image.field}-hint site-${image.field}-error` : `site-${image.field}-hint`}
              />
              {image.error ? (
                <span class="field-error" id={`site-${image.field}-error`}>
                  {image.error}
                </span>
              ) : null}
            </div>
            <div class="setup-actions">
              <button type="submit">{t('setup.site.upload')}</button>
              {image.current ? (
                <button type="submit" name="remove" value="1">
                  {t('setup.site.remove_image')}
                </button>
              ) : null}
            </div>
          </form>
        </section>
      ))}
    </AdminFrame>
  );
}
