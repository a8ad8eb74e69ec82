// The media library screens: the upload form (a plain multipart form; a script only adds a
// preview), the search and the grid of thumbnails with their texts, and one image's page with its
// renditions, its texts to edit, the articles that use it and the delete button.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Notice } from './admin-frame.js';

export interface MediaLanguage {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

export interface MediaTextFields {
  languages: MediaLanguage[];
  values: Record<string, { alt: string; caption: string }>;
  credit: string;
  errors: Record<string, string>;
}

export interface MediaCard {
  id: number;
  href: string;
  thumb: string;
  alt: string;
  caption: string;
  credit: string;
  dimensions: string;
  uploader: string;
  time: { iso: string; text: string };
}

export interface MediaLibraryProps {
  frame: Omit<AdminFrameProps, 'title'>;
  csrf: string;
  scriptHref?: string | undefined;
  hint: string;
  q: string;
  items: MediaCard[];
  more?: string | undefined;
  notice?: string | undefined;
  error?: string | undefined;
  fileError?: string | undefined;
  upload: MediaTextFields;
}

export interface MediaItemProps {
  frame: Omit<AdminFrameProps, 'title'>;
  csrf: string;
  id: number;
  image: { src: string; alt: string; width: number | null; height: number | null };
  facts: string[];
  variants: Array<{ href: string; label: string }>;
  edit: MediaTextFields;
  usedIn: Array<{ href: string; headline: string; edition: string; dir: 'ltr' | 'rtl'; status: string }>;
  hiddenUses: number;
  inUse?: boolean | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

function TextFields({ fields, t, prefix }: { fields: MediaTextFields; t: AdminFrameProps['t']; prefix: string }) {
  const error = (name: string) => fields.errors[name];
  return (
    <>
      {fields.errors.alt ? (
        <p class="field-error" id={`${prefix}-alt-error`}>
          {fields.errors.alt}
        </p>
      ) : null}
      <p class="hint" id={`${prefix}-alt-hint`}>
        {t('media.alt_hint')}
      </p>
      {fields.languages.map((language) => {
        const value = fields.values[language.code] ?? { alt: '', caption: '' };
        const altId = `${prefix}-alt-${language.code}`;
        const captionId = `${prefix}-caption-${language.code}`;
        const altError = error(`alt.${language.code}`);
        const captionError = error(`caption.${language.code}`);
        return (
          <fieldset key={language.code} class="media-texts">
            <legend>{t('media.texts', { language: language.name })}</legend>
            <div class="field">
              <label for={altId}>{t('media.alt')}</label>
              <input
                id={altId}
                name={`alt.${language.code}`}
                value={value.alt}
                lang={language.code}
                dir={language.dir}
                maxLength={300}
                aria-invalid={altError ? 'true' : undefined}
                aria-describedby={[`${prefix}-alt-hint`, altError ? `${altId}-error` : ''].filter(Boolean).join(' ')}
              />
              {altError ? (
                <span class="field-error" id={`${altId}-error`}>
                  {altError}
                </span>
              ) : null}
            </div>
            <div class="field">
              <label for={captionId}>{t('media.caption')}</label>
              <textarea
                id={captionId}
                name={`caption.${language.code}`}
                lang={language.code}
                dir={language.dir}
                maxLength={600}
                rows={2}
                aria-invalid={captionError ? 'true' : undefined}
                aria-describedby={captionError ? `${captionId}-error` : undefined}
              >
                {value.caption}
              </textarea>
              {captionError ? (
                <span class="field-error" id={`${captionId}-error`}>
                  {captionError}
                </span>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      <div class="field">
        <label for={`${prefix}-credit`}>{t('media.credit')}</label>
        <input
          id={`${prefix}-credit`}
          name="credit"
          value={fields.credit}
          dir="auto"
          maxLength={200}
          aria-invalid={error('credit') ? 'true' : undefined}
          aria-describedby={error('credit') ? `${prefix}-credit-error` : undefined}
        />
        {error('credit') ? (
          <span class="field-error" id={`${prefix}-credit-error`}>
            {error('credit')}
          </span>
        ) : null}
      </div>
    </>
  );
}

export function MediaLibraryPage(props: MediaLibraryProps) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={t('media.title')}>
      <h1>{t('media.title')}</h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <details class="media-upload" open={Boolean(props.error || props.fileError) || props.items.length === 0}>
        <summary>{t('media.upload.title')}</summary>
        <form method="post" action="/admin/media" enctype="multipart/form-data" class="newsroom-form">
          <Csrf token={props.csrf} />
          <div class="field">
            <label for="media-file">{t('media.upload.file')}</label>
            <span class="hint" id="media-file-hint">
              {props.hint}
            </span>
            <input
              id="media-file"
              name="file"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
              required
              aria-invalid={props.fileError ? 'true' : undefined}
              aria-describedby={['media-file-hint', props.fileError ? 'media-file-error' : ''].filter(Boolean).join(' ')}
            />
            {props.fileError ? (
              <span class="field-error" id="media-file-error">
                {props.fileError}
              </span>
            ) : null}
          </div>
          <figure id="media-preview" class="media-preview" data-alt={t('media.preview')} hidden />
          <TextFields fields={props.upload} t={t} prefix="upload" />
          <button type="submit">{t('media.upload.submit')}</button>
        </form>
      </details>
      <form method="get" action="/admin/media" class="media-search" role="search">
        <label for="media-q">{t('media.search_label')}</label>
        <input id="media-q" name="q" type="search" value={props.q} maxLength={200} dir="auto" />
        <button type="submit">{t('media.search')}</button>
      </form>
      {props.items.length === 0 ? (
        <p>{t('media.empty')}</p>
      ) : (
        <ul class="media-grid">
          {props.items.map((item) => (
            <li key={item.id} class="media-card">
              <a href={item.href} class="media-thumb">
                <img src={item.thumb} alt={item.alt} loading="lazy" decoding="async" />
              </a>
              <p class="media-alt" dir="auto">
                <a href={item.href}>{item.alt || t('media.item.title', { id: item.id })}</a>
              </p>
              {item.caption ? (
                <p class="media-caption" dir="auto">
                  {item.caption}
                </p>
              ) : null}
              <p class="media-meta">
                {item.credit ? (
                  <span>
                    <bdi>{item.credit}</bdi>
                  </span>
                ) : null}
                <span>{item.dimensions}</span>
                <span>{item.uploader}</span>
                <span>
                  <time dateTime={item.time.iso}>{item.time.text}</time>
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {props.more ? (
        <p class="desk-more">
          <a href={props.more}>{t('media.more')}</a>
        </p>
      ) : null}
      {props.scriptHref ? <script src={props.scriptHref} defer /> : null}
    </AdminFrame>
  );
}

export function MediaItemPage(props: MediaItemProps) {
  const { t } = props.frame;
  const title = t('media.item.title', { id: props.id });
  return (
    <AdminFrame {...props.frame} title={title}>
      <p>
        <a href="/admin/media">{t('media.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <div class="media-item">
        <figure class="media-original">
          <img src={props.image.src} alt={props.image.alt} width={props.image.width ?? undefined} height={props.image.height ?? undefined} decoding="async" />
        </figure>
        <ul class="media-facts">
          {props.facts.map((fact, i) => (
            <li key={i}>{fact}</li>
          ))}
        </ul>
      </div>
      <section aria-labelledby="media-used-heading">
        <h2 id="media-used-heading">{t('media.used_in')}</h2>
        {props.usedIn.length === 0 && props.hiddenUses === 0 ? <p>{t('media.not_used')}</p> : null}
        {props.usedIn.length ? (
          <ul class="media-used">
            {props.usedIn.map((use) => (
              <li key={use.href}>
                <a href={use.href} lang={use.edition} dir={use.dir}>
                  {use.headline}
                </a>{' '}
                <small>{use.status}</small>
              </li>
            ))}
          </ul>
        ) : null}
        {props.hiddenUses ? <p>{t('media.used_hidden', { count: props.hiddenUses })}</p> : null}
      </section>
      <section aria-labelledby="media-edit-heading">
        <h2 id="media-edit-heading">{t('media.edit')}</h2>
        <form method="post" action={`/admin/media/${props.id}`} class="newsroom-form">
          <Csrf token={props.csrf} />
          <TextFields fields={props.edit} t={t} prefix="edit" />
          <button type="submit">{t('media.save')}</button>
        </form>
      </section>
      <section aria-labelledby="media-variants-heading">
        <h2 id="media-variants-heading">{t('media.variants')}</h2>
        <ul class="media-variants">
          {props.variants.map((v) => (
            <li key={v.href}>
              <a href={v.href}>{v.label}</a>
            </li>
          ))}
        </ul>
      </section>
      {props.usedIn.length === 0 && props.hiddenUses === 0 ? (
        <form method="post" action={`/admin/media/${props.id}/delete`} class="media-delete">
          <Csrf token={props.csrf} />
          <p class="hint">{t('media.delete_hint')}</p>
          <button type="submit" class="danger">
            {t('media.delete')}
          </button>
        </form>
      ) : null}
    </AdminFrame>
  );
}
