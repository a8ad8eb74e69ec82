// The editions screens: the list of editions with a form to create one, the page that edits one
// (names, direction, locale, calendar, digits, time zone, default), and an edition's sections and
// tags with forms to add and rename them.
import type { AdminFrameProps } from './admin-frame.js';
import { AdminFrame, Csrf, Field, Notice } from './admin-frame.js';

export interface EditionValues {
  code: string;
  nativeName: string;
  englishName: string;
  direction: string;
  locale: string;
  calendar: string;
  numbering: string;
  timeZone: string;
  isDefault: boolean;
}

export interface EditionFormProps {
  id: string;
  action: string;
  heading: string;
  submit: string;
  creating: boolean;
  values: EditionValues;
  errors: Record<string, string>;
  calendars: string[];
  numberings: string[];
}

type Frame = Omit<AdminFrameProps, 'title'>;

function Select(props: { id: string; name: string; label: string; value: string; options: Array<{ value: string; label: string }>; error?: string | undefined }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${props.id}-error` : undefined}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function EditionForm(props: EditionFormProps & { t: AdminFrameProps['t']; csrf: string }) {
  const { t, values: v, errors: e } = props;
  const id = (name: string) => `${props.id}-${name}`;
  // A stored value Intl does not list still shows as chosen (and the domain judges it).
  const withCurrent = (list: string[], current: string) => (current && !list.includes(current) ? [current, ...list] : list).map((value) => ({ value, label: value }));
  return (
    <form method="post" action={props.action} class="setup-form" aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{props.heading}</h2>
      <Csrf token={props.csrf} />
      {props.creating ? <Field id={id('code')} name="code" label={t('setup.editions.code')} hint={t('setup.editions.code_hint')} value={v.code} error={e.code} dir="ltr" maxLength={35} required /> : null}
      <Field id={id('nativeName')} name="nativeName" label={t('setup.editions.native_name')} value={v.nativeName} error={e.nativeName} dir="auto" maxLength={120} required />
      <Field id={id('englishName')} name="englishName" label={t('setup.editions.english_name')} value={v.englishName} error={e.englishName} dir="ltr" maxLength={120} />
      <Select
        id={id('direction')}
        name="direction"
        label={t('setup.editions.direction')}
        value={v.direction}
        error={e.direction}
        options={[
          { value: 'ltr', label: t('setup.editions.ltr') },
          { value: 'rtl', label: t('setup.editions.rtl') },
        ]}
      />
      <Field id={id('locale')} name="locale" label={t('setup.editions.locale')} value={v.locale} error={e.locale} dir="ltr" maxLength={35} />
      <Select id={id('calendar')} name="calendar" label={t('setup.editions.calendar')} value={v.calendar} options={withCurrent(props.calendars, v.calendar)} />
      <Select id={id('numbering')} name="numbering" label={t('setup.editions.numbering')} value={v.numbering} options={withCurrent(props.numberings, v.numbering)} />
      <Field id={id('timeZone')} name="timeZone" label={t('setup.editions.time_zone')} value={v.timeZone} error={e.timeZone} dir="ltr" maxLength={64} />
      <div class="check">
        <input type="checkbox" id={id('isDefault')} name="isDefault" value="1" checked={v.isDefault} />
        <label for={id('isDefault')}>{t('setup.editions.default')}</label>
      </div>
      <button type="submit">{props.submit}</button>
    </form>
  );
}

export interface EditionsProps {
  frame: Frame;
  csrf: string;
  editions: Array<EditionValues & { dir: 'ltr' | 'rtl' }>;
  create: EditionFormProps;
  notice?: string | undefined;
  error?: string | undefined;
}

export function EditionsPage(props: EditionsProps) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={t('setup.editions.title')}>
      <h1>{t('setup.editions.title')}</h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <div class="setup-scroll">
        <table class="setup-table">
          <thead>
            <tr>
              <th scope="col">{t('setup.editions.code')}</th>
              <th scope="col">{t('setup.editions.native_name')}</th>
              <th scope="col">{t('setup.editions.direction')}</th>
              <th scope="col">{t('setup.editions.calendar')}</th>
              <th scope="col">{t('setup.editions.numbering')}</th>
              <th scope="col">{t('setup.editions.time_zone')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('setup.editions.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.editions.map((e) => (
              <tr key={e.code}>
                <td dir="ltr">
                  <code>{e.code}</code>
                  {e.isDefault ? <> ({t('setup.editions.is_default')})</> : null}
                </td>
                <td lang={e.code} dir={e.dir}>
                  {e.nativeName}
                </td>
                <td>{t(e.direction === 'rtl' ? 'setup.editions.rtl' : 'setup.editions.ltr')}</td>
                <td dir="ltr">{e.calendar}</td>
                <td dir="ltr">{e.numbering}</td>
                <td dir="ltr">{e.timeZone}</td>
                <td>
                  <a href={`/admin/editions/${encodeURIComponent(e.code)}`}>{t('setup.editions.edit')}</a> · <a href={`/admin/editions/${encodeURIComponent(e.code)}/sections`}>{t('setup.editions.terms')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section class="setup-section">
        <EditionForm {...props.create} t={t} csrf={props.csrf} />
      </section>
    </AdminFrame>
  );
}

export function EditionEditPage(props: { frame: Frame; csrf: string; form: EditionFormProps; error?: string | undefined; notice?: string | undefined }) {
  const { t } = props.frame;
  return (
    <AdminFrame {...props.frame} title={props.form.heading}>
      <h1>{props.form.heading}</h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <EditionForm {...props.form} heading={t('setup.editions.edit')} t={t} csrf={props.csrf} />
      <p>
        <a href="/admin/editions">{t('setup.editions.back')}</a>
      </p>
    </AdminFrame>
  );
}

export interface TermRow {
  id: number;
  name: string;
  slug: string;
  href: string;
  action: string;
  values?: { name: string; slug: string } | undefined;
  errors?: Record<string, string> | undefined;
}

export interface TermsProps {
  frame: Frame;
  csrf: string;
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
  sections: TermRow[];
  tags: TermRow[];
  /** Admins manage sections; editors of the edition manage its tags only. */
  canSections: boolean;
  create: { kind: 'section' | 'tag'; values: { name: string; slug: string }; errors: Record<string, string> } | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

function TermFields(props: { id: string; t: AdminFrameProps['t']; values: { name: string; slug: string }; errors: Record<string, string>; lang: string; dir: 'ltr' | 'rtl' }) {
  const { t } = props;
  return (
    <>
      <Field id={`${props.id}-name`} name="name" label={t('setup.terms.name')} value={props.values.name} error={props.errors.name} dir="auto" maxLength={120} required />
      <Field id={`${props.id}-slug`} name="slug" label={t('setup.terms.slug')} hint={t('setup.terms.slug_hint')} value={props.values.slug} error={props.errors.slug} dir="auto" maxLength={80} />
    </>
  );
}

function TermList(props: { t: AdminFrameProps['t']; csrf: string; rows: TermRow[]; editable: boolean; kind: 'section' | 'tag'; lang: string; dir: 'ltr' | 'rtl' }) {
  const { t } = props;
  if (!props.rows.length) return <p>{t('setup.terms.none')}</p>;
  return (
    <ul class="setup-blocks">
      {props.rows.map((row) => (
        <li key={row.id} class="setup-block" id={`${props.kind}-${row.id}`}>
          <p class="setup-block-head">
            <strong lang={props.lang} dir={props.dir}>
              {row.name}
            </strong>{' '}
            <a href={row.href} dir="ltr">
              {t('setup.terms.view')}
            </a>
          </p>
          {props.editable ? (
            <form method="post" action={row.action} class="setup-form">
              <Csrf token={props.csrf} />
              <TermFields id={`${props.kind}-${row.id}`} t={t} values={row.values ?? { name: row.name, slug: row.slug }} errors={row.errors ?? {}} lang={props.lang} dir={props.dir} />
              <button type="submit">{t('setup.terms.rename')}</button>
            </form>
          ) : (
            <p dir="auto">
              <code>{row.slug}</code>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function TermsPage(props: TermsProps) {
  const { t } = props.frame;
  const title = t('setup.terms.title', { name: props.name });
  const blank = { name: '', slug: '' };
  const createOf = (kind: 'section' | 'tag') => (props.create?.kind === kind ? props.create : { values: blank, errors: {} });
  return (
    <AdminFrame {...props.frame} title={title}>
      <h1>{title}</h1>
      {props.notice ? <Notice kind="ok">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <section class="setup-section" aria-labelledby="terms-sections">
        <h2 id="terms-sections">{t('setup.terms.sections')}</h2>
        <TermList t={t} csrf={props.csrf} rows={props.sections} editable={props.canSections} kind="section" lang={props.code} dir={props.dir} />
        {props.canSections ? (
          <form method="post" action={`/admin/editions/${encodeURIComponent(props.code)}/sections`} class="setup-form" aria-labelledby="add-section">
            <h3 id="add-section">{t('setup.terms.add_section')}</h3>
            <Csrf token={props.csrf} />
            <TermFields id="new-section" t={t} {...createOf('section')} lang={props.code} dir={props.dir} />
            <button type="submit">{t('setup.block.add_button')}</button>
          </form>
        ) : null}
      </section>
      <section class="setup-section" aria-labelledby="terms-tags">
        <h2 id="terms-tags">{t('setup.terms.tags')}</h2>
        <TermList t={t} csrf={props.csrf} rows={props.tags} editable kind="tag" lang={props.code} dir={props.dir} />
        <form method="post" action={`/admin/editions/${encodeURIComponent(props.code)}/tags`} class="setup-form" aria-labelledby="add-tag">
          <h3 id="add-tag">{t('setup.terms.add_tag')}</h3>
          <Csrf token={props.csrf} />
          <TermFields id="new-tag" t={t} {...createOf('tag')} lang={props.code} dir={props.dir} />
          <button type="submit">{t('setup.block.add_button')}</button>
        </form>
      </section>
      {props.canSections ? (
        <p>
          <a href="/admin/editions">{t('setup.editions.back')}</a>
        </p>
      ) : null}
    </AdminFrame>
  );
}
