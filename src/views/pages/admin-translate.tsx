// The translation desk: the story's editions (translated or not, status, outdated), then side by
// side the source article, read-only in its own language and direction, and the translation's
// form in the target edition's language and direction (headline, dek, body as plain text with
// blank lines between paragraphs). An existing translation is edited with the version it had.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Notice } from './admin-frame.js';

export interface TranslateProps {
  frame: Omit<AdminFrameProps, 'title'>;
  csrf: string;
  source: { id: number; editionName: string; lang: string; dir: 'ltr' | 'rtl'; headline: string; dek: string; paragraphs: string[]; revision: number; status: string; revisionsHref: string };
  editions: Array<{ code: string; name: string; state: string; outdated: boolean; href?: string | undefined; current: boolean; isSource: boolean }>;
  target?:
    | {
        code: string;
        name: string;
        lang: string;
        dir: 'ltr' | 'rtl';
        exists: boolean;
        /** The stored body has formatting the plain-text form cannot show. */
        rich: boolean;
        status?: string | undefined;
        outdated: boolean;
        editHref?: string | undefined;
        values: { headline: string; dek: string; body: string; expectedVersion?: string | undefined; sourceRevision: string };
        errors: Record<string, string>;
      }
    | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

function ErrorOf({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <span class="field-error" id={`${id}-error`}>
      {text}
    </span>
  ) : null;
}

export function TranslatePage(props: TranslateProps) {
  const { t } = props.frame;
  const { source, target } = props;
  const title = t('story.translate.title');
  return (
    <AdminFrame {...props.frame} title={title}>
      <h1>
        {title}: <bdi lang={source.lang}>{source.headline}</bdi>
      </h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <nav aria-label={t('story.translate.editions')} class="story-editions">
        <h2>{t('story.translate.editions')}</h2>
        <ul>
          {props.editions.map((e) => (
            <li key={e.code} class={e.outdated ? 'story-outdated' : undefined}>
              {e.href && !e.isSource ? (
                <a href={e.href} aria-current={e.current ? 'page' : undefined}>
                  {e.name}
                </a>
              ) : (
                <span>{e.name}</span>
              )}{' '}
              <span class="story-state">{e.state}</span>
              {e.outdated ? <strong class="story-flag-outdated">{t('story.translate.outdated')}</strong> : null}
            </li>
          ))}
        </ul>
      </nav>
      {target ? (
        <div class="story-sides">
          <article class="story-source" lang={source.lang} dir={source.dir} aria-labelledby="story-source-title">
            <h2 id="story-source-title" class="story-side-title">
              <span lang={props.frame.lang} dir={props.frame.dir}>
                {t('story.translate.source', { edition: source.editionName, n: source.revision })}
              </span>
            </h2>
            <p class="story-source-headline">{source.headline}</p>
            {source.dek ? <p class="story-source-dek">{source.dek}</p> : null}
            {source.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </article>
          <form method="post" action={`/admin/articles/${source.id}/translate?to=${encodeURIComponent(target.code)}`} class="story-target" aria-labelledby="story-target-title">
            <h2 id="story-target-title" class="story-side-title">
              {target.exists ? t('story.translate.update', { edition: target.name }) : t('story.translate.create', { edition: target.name })}
            </h2>
            {target.exists ? (
              <p class="story-target-state">
                {target.status}
                {target.outdated ? <strong class="story-flag-outdated"> {t('story.translate.outdated')}</strong> : null}
                {target.editHref ? (
                  <>
                    {' '}
                    <a href={target.editHref}>{t('story.edit')}</a>
                  </>
                ) : null}
              </p>
            ) : null}
            <Csrf token={props.csrf} />
            {target.values.expectedVersion ? <input type="hidden" name="expectedVersion" value={target.values.expectedVersion} /> : null}
            <input type="hidden" name="sourceRevision" value={target.values.sourceRevision} />
            <div class="field">
              <label for="tr-headline">{t('story.field.headline')}</label>
              <input
                id="tr-headline"
                name="headline"
                type="text"
                lang={target.lang}
                dir={target.dir}
                value={target.values.headline}
                required
                maxLength={300}
                aria-invalid={target.errors.headline ? 'true' : undefined}
                aria-describedby={target.errors.headline ? 'tr-headline-error' : undefined}
              />
              <ErrorOf id="tr-headline" text={target.errors.headline} />
            </div>
            <div class="field">
              <label for="tr-dek">{t('story.field.dek')}</label>
              <textarea id="tr-dek" name="dek" rows={2} lang={target.lang} dir={target.dir} maxLength={600} aria-invalid={target.errors.dek ? 'true' : undefined} aria-describedby={target.errors.dek ? 'tr-dek-error' : undefined}>
                {target.values.dek}
              </textarea>
              <ErrorOf id="tr-dek" text={target.errors.dek} />
            </div>
            <div class="field">
              <label for="tr-body">{t('story.field.body')}</label>
              <span class="hint" id="tr-body-hint">
                {t('story.field.body_hint')}
                {target.rich ? ` ${t('story.translate.rich_hint')}` : ''}
              </span>
              <textarea
                id="tr-body"
                name="body"
                rows={16}
                lang={target.lang}
                dir={target.dir}
                required
                aria-invalid={target.errors.body ? 'true' : undefined}
                aria-describedby={target.errors.body ? 'tr-body-hint tr-body-error' : 'tr-body-hint'}
              >
                {target.values.body}
              </textarea>
              <ErrorOf id="tr-body" text={target.errors.body} />
            </div>
            <button type="submit">{t('story.translate.save')}</button>
          </form>
        </div>
      ) : (
        <p>{t('story.translate.choose')}</p>
      )}
      <p class="story-links">
        <a href={source.revisionsHref}>{t('story.revisions.title')}</a>
      </p>
    </AdminFrame>
  );
}
