// The editions screens: /admin/editions (admins: list, create, edit an edition's names, direction,
// locale, calendar, digits, time zone and default flag) and /admin/editions/:code/sections (admins
// manage sections; editors of the edition may manage its tags). The editions domain checks role
// and edition limit again; each write records edition.changed, section.changed or tag.changed, so
// every server reloads its registries and drops the pages that show the old names.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../core/context.js';
import { isDomainError, notFound } from '../../core/errors.js';
import {
  assertInEdition,
  createEdition,
  createSection,
  createTag,
  editionDefaults,
  getEdition,
  listEditions,
  listSections,
  listTags,
  updateEdition,
  updateSection,
  updateTag,
  type DomainCtx,
  type Edition,
} from '../../domain/editions/index.js';
import { EditionEditPage, EditionsPage, TermsPage, type EditionFormProps, type EditionValues, type TermsProps } from '../../views/pages/admin-setup-editions.js';
import { LANG, SLUG } from '../schemas/params.js';
import type { ScreenDeps } from './sign-in.js';
import { ADMINS, fieldMessages, formString, frameOf, sendPage } from './screens.js';

const TERM_ROLES: readonly Role[] = ['admin', 'editor'];
const codeParam = { type: 'object', properties: { code: LANG }, required: ['code'] } as const;
const slugParam = { type: 'object', properties: { code: LANG, slug: SLUG }, required: ['code', 'slug'] } as const;
const tagParam = { type: 'object', properties: { code: LANG, id: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['code', 'id'] } as const;
const ECHO = 200;

const supported = (key: 'calendar' | 'numberingSystem'): string[] => {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf(key) : [];
};
const CALENDARS = supported('calendar');
const NUMBERINGS = supported('numberingSystem');

const valuesOf = (e: Edition): EditionValues => ({ ...e });
const BLANK: EditionValues = { code: '', nativeName: '', englishName: '', direction: 'ltr', locale: '', calendar: 'gregory', numbering: 'latn', timeZone: 'UTC', isDefault: false };

/** The posted edition form, each value cut to what a field may hold back. */
function postedEdition(body: unknown): EditionValues {
  const s = (name: string) => formString(body, name).trim().slice(0, ECHO);
  return {
    code: s('code'),
    nativeName: formString(body, 'nativeName').slice(0, ECHO),
    englishName: formString(body, 'englishName').slice(0, ECHO),
    direction: s('direction'),
    locale: s('locale'),
    calendar: s('calendar'),
    numbering: s('numbering'),
    timeZone: s('timeZone'),
    isDefault: formString(body, 'isDefault') === '1',
  };
}

const statusOf = (error: { kind: string }) => (error.kind === 'Conflict' ? 409 : 422);

export function registerEditions(admin: FastifyInstance, deps: ScreenDeps): void {
  const ctxOf = (request: FastifyRequest): DomainCtx => deps.makeCtx(request.newsroom.actor, request.log);
  const admins = { roles: ADMINS };
  const termRoles = { roles: TERM_ROLES };

  const form = (request: FastifyRequest, creating: boolean, values: EditionValues, errors: Record<string, string>): EditionFormProps => {
    const { t } = request.newsroom;
    return {
      id: creating ? 'new-edition' : 'edition',
      action: creating ? '/admin/editions' : `/admin/editions/${encodeURIComponent(values.code)}`,
      heading: creating ? t('setup.editions.create') : t('setup.editions.edit_title', { code: values.code }),
      submit: creating ? t('setup.editions.create_button') : t('setup.editions.save'),
      creating,
      values,
      errors,
      calendars: CALENDARS,
      numberings: NUMBERINGS,
    };
  };

  async function editionsPage(request: FastifyRequest, reply: FastifyReply, extra: { create?: EditionFormProps; notice?: string; error?: string } = {}, status = 200) {
    const frame = frameOf(request, reply, deps.cssHref, '/admin/editions');
    const editions = await listEditions(ctxOf(request).db);
    return sendPage(
      reply,
      EditionsPage({
        frame,
        csrf: frame.csrf,
        editions: editions.map((e) => ({ ...valuesOf(e), dir: e.direction })),
        create: extra.create ?? form(request, true, BLANK, {}),
        notice: extra.notice,
        error: extra.error,
      }),
      status,
    );
  }

  admin.get('/editions', { config: admins }, async (request, reply) => {
    const done = (request.query as Record<string, unknown>).done;
    return editionsPage(request, reply, done !== undefined ? { notice: request.newsroom.t('setup.saved') } : {});
  });

  admin.post('/editions', { config: admins }, async (request, reply) => {
    const v = postedEdition(request.body);
    const defaults = editionDefaults(v.code);
    try {
      await createEdition(ctxOf(request), {
        code: v.code,
        nativeName: v.nativeName,
        englishName: v.englishName,
        direction: (v.direction || defaults?.direction || 'ltr') as 'ltr',
        locale: v.locale || defaults?.locale || v.code,
        calendar: v.calendar || defaults?.calendar || 'gregory',
        numbering: v.numbering || defaults?.numbering || 'latn',
        timeZone: v.timeZone || 'UTC',
        isDefault: v.isDefault,
        position: (await listEditions(ctxOf(request).db)).length,
      });
    } catch (error) {
      if (isDomainError(error) && (error.code === 'EDITION_INVALID' || error.code === 'EDITION_CODE_TAKEN')) {
        const { t } = request.newsroom;
        return editionsPage(request, reply, { create: form(request, true, v, fieldMessages(t, error)), error: t('newsroom.form.fix') }, statusOf(error));
      }
      throw error;
    }
    return reply.redirect('/admin/editions?done', 303);
  });

  admin.get<{ Params: { code: string } }>('/editions/:code', { config: admins, schema: { params: codeParam } }, async (request, reply) => {
    const edition = await getEdition(ctxOf(request).db, request.params.code);
    const frame = frameOf(request, reply, deps.cssHref, '/admin/editions');
    const done = (request.query as Record<string, unknown>).done;
    return sendPage(reply, EditionEditPage({ frame, csrf: frame.csrf, form: form(request, false, valuesOf(edition), {}), notice: done !== undefined ? request.newsroom.t('setup.saved') : undefined }));
  });

  admin.post<{ Params: { code: string } }>('/editions/:code', { config: admins, schema: { params: codeParam } }, async (request, reply) => {
    const { code } = request.params;
    const ctx = ctxOf(request);
    await getEdition(ctx.db, code);
    const v = { ...postedEdition(request.body), code };
    try {
      await updateEdition(ctx, code, {
        nativeName: v.nativeName,
        englishName: v.englishName,
        direction: v.direction as 'ltr',
        locale: v.locale,
        calendar: v.calendar,
        numbering: v.numbering,
        timeZone: v.timeZone,
        isDefault: v.isDefault,
      });
    } catch (error) {
      if (isDomainError(error) && error.code === 'EDITION_INVALID') {
        const { t } = request.newsroom;
        const frame = frameOf(request, reply, deps.cssHref, '/admin/editions');
        return sendPage(reply, EditionEditPage({ frame, csrf: frame.csrf, form: form(request, false, v, fieldMessages(t, error)), error: t('newsroom.form.fix') }), 422);
      }
      throw error;
    }
    return reply.redirect(`/admin/editions/${encodeURIComponent(code)}?done`, 303);
  });

  // Sections and tags of one edition.
  const termsHref = (code: string, anchor = '') => `/admin/editions/${encodeURIComponent(code)}/sections?done${anchor}`;

  async function termsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { create?: TermsProps['create']; failed?: { kind: 'section' | 'tag'; id: number; values: { name: string; slug: string }; errors: Record<string, string> }; notice?: string; error?: string } = {},
    status = 200,
  ) {
    const ctx = ctxOf(request);
    const edition = await getEdition(ctx.db, code);
    assertInEdition(request.newsroom.actor, code);
    const frame = frameOf(request, reply, deps.cssHref, request.newsroom.actor.kind === 'user' && request.newsroom.actor.role === 'admin' ? '/admin/editions' : '');
    const [sections, tags] = await Promise.all([listSections(ctx, code), listTags(ctx, code)]);
    const enc = encodeURIComponent;
    const failedFor = (kind: 'section' | 'tag', id: number) => (extra.failed?.kind === kind && extra.failed.id === id ? extra.failed : undefined);
    const { actor } = request.newsroom;
    return sendPage(
      reply,
      TermsPage({
        frame,
        csrf: frame.csrf,
        code,
        name: edition.nativeName,
        dir: edition.direction,
        canSections: actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin'),
        sections: sections.map((s) => ({
          id: s.id,
          name: s.name,
          slug: s.slug,
          href: `/${code}/section/${enc(s.slug)}`,
          action: `/admin/editions/${enc(code)}/sections/${enc(s.slug)}`,
          values: failedFor('section', s.id)?.values,
          errors: failedFor('section', s.id)?.errors,
        })),
        tags: tags.map((tag) => ({
          id: tag.id,
          name: tag.name,
          slug: tag.slug,
          href: `/${code}/tag/${enc(tag.slug)}`,
          action: `/admin/editions/${enc(code)}/tags/${tag.id}`,
          values: failedFor('tag', tag.id)?.values,
          errors: failedFor('tag', tag.id)?.errors,
        })),
        create: extra.create,
        notice: extra.notice,
        error: extra.error,
      }),
      status,
    );
  }

  const termValues = (body: unknown) => ({ name: formString(body, 'name').slice(0, ECHO), slug: formString(body, 'slug').trim().slice(0, ECHO) });
  const TERM_CODES = new Set(['SECTION_INVALID', 'SECTION_SLUG_TAKEN', 'TAG_INVALID', 'TAG_SLUG_TAKEN']);

  admin.get<{ Params: { code: string } }>('/editions/:code/sections', { config: termRoles, schema: { params: codeParam } }, async (request, reply) => {
    const done = (request.query as Record<string, unknown>).done;
    return termsPage(request, reply, request.params.code, done !== undefined ? { notice: request.newsroom.t('setup.saved') } : {});
  });

  admin.post<{ Params: { code: string } }>('/editions/:code/sections', { config: admins, schema: { params: codeParam } }, async (request, reply) => {
    const { code } = request.params;
    const values = termValues(request.body);
    await getEdition(ctxOf(request).db, code);
    try {
      const sections = await listSections(ctxOf(request), code);
      await createSection(ctxOf(request), { edition: code, name: values.name, ...(values.slug ? { slug: values.slug } : {}), position: sections.length });
    } catch (error) {
      if (isDomainError(error) && TERM_CODES.has(error.code)) {
        const { t } = request.newsroom;
        return termsPage(request, reply, code, { create: { kind: 'section', values, errors: fieldMessages(t, error) }, error: t('newsroom.form.fix') }, statusOf(error));
      }
      throw error;
    }
    return reply.redirect(termsHref(code, '#terms-sections'), 303);
  });

  admin.post<{ Params: { code: string; slug: string } }>('/editions/:code/sections/:slug', { config: admins, schema: { params: slugParam } }, async (request, reply) => {
    const { code, slug } = request.params;
    const values = termValues(request.body);
    const ctx = ctxOf(request);
    await getEdition(ctx.db, code);
    let id: number;
    try {
      id = await updateSection(ctx, { edition: code, slug }, { name: values.name, slug: values.slug || slug });
    } catch (error) {
      if (isDomainError(error) && TERM_CODES.has(error.code)) {
        const { t } = request.newsroom;
        const section = (await listSections(ctx, code)).find((s) => s.slug === slug);
        if (!section) throw error;
        return termsPage(request, reply, code, { failed: { kind: 'section', id: section.id, values, errors: fieldMessages(t, error) }, error: t('newsroom.form.fix') }, statusOf(error));
      }
      throw error;
    }
    return reply.redirect(termsHref(code, `#section-${id}`), 303);
  });

  admin.post<{ Params: { code: string } }>('/editions/:code/tags', { config: termRoles, schema: { params: codeParam } }, async (request, reply) => {
    const { code } = request.params;
    const values = termValues(request.body);
    await getEdition(ctxOf(request).db, code);
    try {
      await createTag(ctxOf(request), { edition: code, name: values.name, ...(values.slug ? { slug: values.slug } : {}) });
    } catch (error) {
      if (isDomainError(error) && TERM_CODES.has(error.code)) {
        const { t } = request.newsroom;
        return termsPage(request, reply, code, { create: { kind: 'tag', values, errors: fieldMessages(t, error) }, error: t('newsroom.form.fix') }, statusOf(error));
      }
      throw error;
    }
    return reply.redirect(termsHref(code, '#terms-tags'), 303);
  });

  admin.post<{ Params: { code: string; id: number } }>('/editions/:code/tags/:id', { config: termRoles, schema: { params: tagParam } }, async (request, reply) => {
    const { code, id } = request.params;
    const values = termValues(request.body);
    const ctx = ctxOf(request);
    await getEdition(ctx.db, code);
    assertInEdition(request.newsroom.actor, code);
    const current = (await listTags(ctx, code)).find((tag) => tag.id === id);
    if (!current) throw notFound('TAG_NOT_FOUND');
    try {
      await updateTag(ctx, { edition: code, id }, { name: values.name, slug: values.slug || current.slug });
    } catch (error) {
      if (isDomainError(error) && TERM_CODES.has(error.code)) {
        const { t } = request.newsroom;
        return termsPage(request, reply, code, { failed: { kind: 'tag', id, values, errors: fieldMessages(t, error) }, error: t('newsroom.form.fix') }, statusOf(error));
      }
      throw error;
    }
    return reply.redirect(termsHref(code, `#tag-${id}`), 303);
  });
}
