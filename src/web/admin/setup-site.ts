// The site identity screen /admin/site (admins): what `dateline site set` changes — the agency's
// name, brand colour, footer links and social profiles, site-wide or overridden per edition — as
// a form, and logo and favicon uploads. Multipart bodies are parsed only in the uploads' own
// plugin context (@fastify/multipart, one file of at most MAX_IDENTITY_IMAGE_BYTES); every other
// newsroom route keeps its small urlencoded limit. The site domain checks the role and the images
// (checkLogo/checkFavicon) again; each change records site.changed, which reloads every server's
// copy and purges the pages.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.js';
import { FOOTER_FIELDS, listIdentityRecords, MAX_IDENTITY_IMAGE_BYTES, setIdentity, SITE_WIDE, type IdentityPatch, type IdentityRecord } from '../../domain/site/index.js';
import { SitePage, type SiteProps, type SiteTextField } from '../../views/pages/admin-setup-site.js';
import { HttpProblem } from '../problem.js';
import type { ScreenDeps } from './sign-in.js';
import { ADMINS, fieldMessages, formString, frameOf, sendPage } from './screens.js';

const ECHO = 2048;
/** The file and a few short fields; anything bigger is refused before it is read whole. */
const UPLOAD_BODY_LIMIT = MAX_IDENTITY_IMAGE_BYTES + 64 * 1024;

const describe = (image: IdentityRecord['logo']) => (image ? `${image.type === 'image/svg+xml' ? 'SVG' : 'PNG'}${image.width && image.height ? ` ${image.width} × ${image.height}` : ''}` : undefined);

function storedValues(record: IdentityRecord | undefined): Record<SiteTextField, string> {
  return {
    name: record?.name ?? '',
    color: record?.color ?? '',
    about: record?.footer.about ?? '',
    contact: record?.footer.contact ?? '',
    corrections: record?.footer.corrections ?? '',
    terms: record?.footer.terms ?? '',
    privacy: record?.footer.privacy ?? '',
    social: (record?.social ?? []).join('\n'),
  };
}

export async function registerSiteIdentity(admin: FastifyInstance, deps: ScreenDeps): Promise<void> {
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(request.newsroom.actor, request.log);
  const config = { roles: ADMINS };

  const scopeOf = (value: unknown): string => {
    const one = Array.isArray(value) ? value[0] : value;
    if (one === undefined || one === '' || one === SITE_WIDE) return SITE_WIDE;
    if (typeof one !== 'string' || !deps.editions.all().some((e) => e.code === one)) throw new HttpProblem('NOT_FOUND');
    return one;
  };

  async function sitePage(request: FastifyRequest, reply: FastifyReply, scope: string, extra: Partial<Pick<SiteProps, 'values' | 'errors' | 'notice' | 'error'>> & { imageError?: { field: 'logo' | 'favicon'; message: string } } = {}, status = 200) {
    const frame = frameOf(request, reply, deps.cssHref, '/admin/site');
    const { t } = request.newsroom;
    const records = await listIdentityRecords(ctxOf(request));
    const record = records.find((r) => r.scope === scope);
    return sendPage(
      reply,
      SitePage({
        frame,
        csrf: frame.csrf,
        scope,
        scopes: [{ value: SITE_WIDE, label: t('setup.site.all') }, ...deps.editions.all().map((e) => ({ value: e.code, label: e.nativeName }))],
        values: extra.values ?? storedValues(record),
        errors: extra.errors ?? {},
        images: (['logo', 'favicon'] as const).map((field) => ({ field, current: describe(record?.[field] ?? null), error: extra.imageError?.field === field ? extra.imageError.message : undefined })),
        notice: extra.notice,
        error: extra.error,
      }),
      status,
    );
  }

  admin.get('/site', { config }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return sitePage(request, reply, scopeOf(query.scope), query.done !== undefined ? { notice: request.newsroom.t('setup.saved') } : {});
  });

  const back = (scope: string) => `/admin/site?scope=${encodeURIComponent(scope)}&done`;

  admin.post('/site', { config }, async (request, reply) => {
    const scope = scopeOf(formString(request.body, 'scope'));
    const values = Object.fromEntries((['name', 'color', ...FOOTER_FIELDS, 'social'] as SiteTextField[]).map((f) => [f, formString(request.body, f).slice(0, ECHO * 2)])) as Record<SiteTextField, string>;
    const patch: IdentityPatch = {
      name: values.name,
      color: values.color.trim(),
      about: values.about,
      contact: values.contact,
      corrections: values.corrections,
      terms: values.terms,
      privacy: values.privacy,
      social: values.social
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    };
    try {
      await setIdentity(ctxOf(request), deps.blobs, scope, patch);
    } catch (error) {
      if (isDomainError(error) && error.code === 'SITE_INVALID') {
        const echoed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.slice(0, ECHO)])) as Record<SiteTextField, string>;
        return sitePage(request, reply, scope, { values: echoed, errors: fieldMessages(request.newsroom.t, error), error: request.newsroom.t('newsroom.form.fix') }, 422);
      }
      throw error;
    }
    return reply.redirect(back(scope), 303);
  });

  // The uploads: their own context, so only these two routes parse multipart bodies. Awaited, so
  // the routes are declared while the newsroom collects its route table.
  await admin.register(async (uploads) => {
    await uploads.register(multipart, {
      // Fields and the file on request.body, read before the preHandler hooks: CSRF sees `_csrf`.
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_IDENTITY_IMAGE_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
    });
    for (const field of ['logo', 'favicon'] as const) {
      uploads.post(`/site/${field}`, { config, bodyLimit: UPLOAD_BODY_LIMIT }, async (request, reply) => {
        if (!request.isMultipart()) throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE');
        const body = request.body as Record<string, unknown>;
        const scope = scopeOf(body.scope);
        const remove = body.remove === '1';
        const file = body.file;
        const data = Buffer.isBuffer(file) ? file : undefined;
        const { t } = request.newsroom;
        if (!remove && (!data || data.length === 0)) return sitePage(request, reply, scope, { imageError: { field, message: t('setup.site.no_file') }, error: t('newsroom.form.fix') }, 422);
        try {
          await setIdentity(ctxOf(request), deps.blobs, scope, { [field]: remove ? null : data });
        } catch (error) {
          if (isDomainError(error) && error.code === 'SITE_INVALID') {
            return sitePage(request, reply, scope, { imageError: { field, message: fieldMessages(t, error)[field] ?? t('newsroom.form.fix') }, error: t('newsroom.form.fix') }, 422);
          }
          throw error;
        }
        return reply.redirect(back(scope), 303);
      });
    }
  });
}
