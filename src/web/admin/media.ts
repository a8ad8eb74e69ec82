// The media library screens: upload (a multipart form, the only newsroom route that takes one:
// @fastify/multipart is registered in this route's own context with its own limits), the grid
// with search and keyset pages, one image's page (renditions, texts to edit, "used in", delete),
// and the picker's JSON for the article editor. Routes declare MEDIA_ROLES; the media domain
// checks the role again (and who may delete what).
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type DomainError } from '../../core/errors.js';
import { listArticles } from '../../domain/articles/index.js';
import {
  checkMediaTexts,
  deleteMedia,
  getMediaItem,
  getMediaUsage,
  importImage,
  listMedia,
  textIn,
  updateMediaTexts,
  MAX_IMAGE_BYTES,
  MEDIA_ROLES,
  type MediaItem,
} from '../../domain/media/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { MediaItemPage, MediaLibraryPage, type MediaLanguage, type MediaTextFields } from '../../views/pages/admin-media.js';
import { classify, HttpProblem } from '../problem.js';
import { paths } from '../site/chrome.js';
import type { ScreenDeps } from './sign-in.js';
import { fieldMessages, formString, frameOf, sendPage, when } from './screens.js';

export interface MediaScreenDeps extends ScreenDeps {
  /** The upload form's preview script (views/assets/media-upload.js). */
  mediaScriptHref?: string | undefined;
}

const ID = /^[1-9][0-9]{0,9}$/;
const PICKER_PAGE = 24;

/** What the multipart parser saw of the file part, besides its bytes (which land in body.file). */
interface UploadMeta {
  type: string;
  filename: string;
}
const UPLOAD = Symbol('upload');
type UploadRequest = FastifyRequest & { [UPLOAD]?: UploadMeta };

/** A positive 32-bit id from a path or query value, or undefined. */
function idOf(value: unknown): number | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  if (typeof one !== 'string' || !ID.test(one) || Number(one) > 2147483647) return undefined;
  return Number(one);
}

function queryOf(request: FastifyRequest): { q: string; before: number | undefined } {
  const query = request.query as Record<string, unknown>;
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const q = one(query.q) ?? '';
  const before = one(query.before);
  if (typeof q !== 'string' || q.length > 200) throw new HttpProblem('REQUEST_INVALID');
  if (before !== undefined && idOf(before) === undefined) throw new HttpProblem('REQUEST_INVALID');
  return { q: q.trim(), before: idOf(before) };
}

export async function registerMediaLibrary(admin: FastifyInstance, deps: MediaScreenDeps): Promise<void> {
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(request.newsroom.actor, request.log);
  const config = { roles: MEDIA_ROLES };
  const languages = (): MediaLanguage[] => deps.editions.all().map((e) => ({ code: e.code, name: e.nativeName, dir: e.direction }));
  const number = (language: string, value: number, unit?: string) =>
    new Intl.NumberFormat(language, unit ? { style: 'unit', unit, maximumFractionDigits: 0 } : {}).format(value);
  const dimensions = (request: FastifyRequest, item: Pick<MediaItem, 'width' | 'height'>) =>
    item.width && item.height ? request.newsroom.t('media.dimensions', { width: number(request.newsroom.language, item.width), height: number(request.newsroom.language, item.height) }) : '';
  const size = (request: FastifyRequest, bytes: number) => number(request.newsroom.language, Math.max(1, Math.round(bytes / 1024)), 'kilobyte');

  /** The texts a form posted, per edition language, and the credit. */
  const postedTexts = (body: unknown) => ({
    credit: formString(body, 'credit'),
    texts: Object.fromEntries(languages().map((l) => [l.code, { alt: formString(body, `alt.${l.code}`), caption: formString(body, `caption.${l.code}`) }])),
  });

  async function libraryPage(request: FastifyRequest, reply: FastifyReply, extra: { notice?: string; error?: string; fileError?: string; upload?: Partial<MediaTextFields> } = {}, status = 200) {
    const frame = frameOf(request, reply, deps.cssHref, '/admin/media');
    const { t, language } = request.newsroom;
    // A refused upload re-renders the first page; its query string is the form's, not a search.
    const { q, before } = status === 200 ? queryOf(request) : { q: '', before: undefined };
    const list = await listMedia(ctxOf(request), { q, ...(before !== undefined ? { before } : {}) });
    const more = list.next === undefined ? undefined : `/admin/media?${new URLSearchParams({ ...(q ? { q } : {}), before: String(list.next) }).toString()}`;
    return sendPage(
      reply,
      MediaLibraryPage({
        frame,
        csrf: frame.csrf,
        scriptHref: deps.mediaScriptHref,
        hint: t('media.upload.hint', { max: MAX_IMAGE_BYTES / (1024 * 1024) }),
        q,
        more,
        notice: extra.notice,
        error: extra.error,
        fileError: extra.fileError,
        upload: { languages: languages(), values: {}, credit: '', errors: {}, ...extra.upload },
        items: list.items.map((item) => {
          const text = textIn(item, language);
          return {
            id: item.id,
            href: `/admin/media/${item.id}`,
            thumb: paths.media(item.thumbKey),
            alt: text.alt,
            caption: text.caption,
            credit: item.credit,
            dimensions: dimensions(request, item),
            uploader: t('media.uploaded_by', { name: item.uploader ?? t('media.uploader_unknown') }),
            time: when(language, item.createdAt),
          };
        }),
      }),
      status,
    );
  }

  /** An upload refused: the library page again with the reason by the file field (or the texts' own messages), and the status. */
  function refuseUpload(request: FastifyRequest, reply: FastifyReply, error: Pick<DomainError, 'fields'>, status: number, body: unknown) {
    const messages = fieldMessages(request.newsroom.t, error);
    const posted = body ? postedTexts(body) : { credit: '', texts: {} };
    return libraryPage(request, reply, { error: Object.values(messages)[0] ?? request.newsroom.t('errors.media.form'), fileError: messages.file, upload: { values: posted.texts, credit: posted.credit, errors: messages } }, status);
  }

  async function itemPage(request: FastifyRequest, reply: FastifyReply, id: number, extra: { notice?: string; error?: string; inUse?: boolean; edit?: Partial<MediaTextFields> } = {}, status = 200) {
    const frame = frameOf(request, reply, deps.cssHref, '/admin/media');
    const { t, language } = request.newsroom;
    const ctx = ctxOf(request);
    const [item, usage] = await Promise.all([getMediaItem(ctx, id), getMediaUsage(ctx, id)]);
    // Only the articles this account may open are listed; the others are counted.
    const visible = usage.articles.length ? (await listArticles(ctx, { ids: usage.articles, limit: 100 })).items : [];
    const text = textIn(item, language);
    const values = Object.fromEntries(item.texts.map((tx) => [tx.language, { alt: tx.alt, caption: tx.caption }]));
    return sendPage(
      reply,
      MediaItemPage({
        frame,
        csrf: frame.csrf,
        id,
        image: { src: paths.media(item.blobKey), alt: text.alt, width: item.width, height: item.height },
        facts: [
          dimensions(request, item),
          `${item.mimeType}, ${size(request, item.byteSize)}`,
          t('media.uploaded_by', { name: item.uploader ?? t('media.uploader_unknown') }),
          when(language, item.createdAt).text,
        ].filter(Boolean),
        variants: [
          { href: paths.media(item.blobKey), label: `${t('media.original')}: ${item.mimeType}, ${dimensions(request, item)}, ${size(request, item.byteSize)}` },
          ...item.variants.map((v) => ({ href: paths.media(v.key), label: `${v.mimeType}, ${dimensions(request, v)}, ${size(request, v.byteSize)}` })),
        ],
        edit: { languages: languages(), values, credit: item.credit, errors: {}, ...extra.edit },
        usedIn: visible.map((a) => {
          const edition = deps.editions.find(a.edition);
          return { href: `/admin/articles/${a.id}/edit`, headline: a.headline, edition: a.edition, dir: edition?.direction ?? 'ltr', status: edition?.nativeName ?? a.edition };
        }),
        hiddenUses: usage.articles.length - visible.length + usage.blocks,
        inUse: extra.inUse,
        notice: extra.notice,
        error: extra.error,
      }),
      status,
    );
  }

  admin.get('/media', { config }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return libraryPage(request, reply, query.deleted !== undefined ? { notice: request.newsroom.t('media.deleted') } : {});
  });

  // The article editor's picker: the library's items as JSON, newest first, searchable, paged by id.
  admin.get('/media/search.json', { config }, async (request, reply) => {
    const { q, before } = queryOf(request);
    const query = request.query as Record<string, unknown>;
    const edition = typeof query.edition === 'string' && deps.editions.find(query.edition) ? query.edition : request.newsroom.language;
    const limit = query.limit === undefined ? PICKER_PAGE : idOf(query.limit);
    if (limit === undefined || limit > 100) throw new HttpProblem('REQUEST_INVALID');
    const list = await listMedia(ctxOf(request), { q, limit, ...(before !== undefined ? { before } : {}) });
    reply.header('cache-control', 'no-store');
    return reply.type('application/json; charset=utf-8').send({
      items: list.items.map((item) => {
        const text = textIn(item, edition);
        return { id: item.id, thumbUrl: paths.media(item.thumbKey), alt: text.alt, caption: text.caption, credit: item.credit, width: item.width, height: item.height };
      }),
      next: list.next === undefined ? null : String(list.next),
    });
  });

  admin.get('/media/:id', { config }, async (request, reply) => {
    const id = idOf((request.params as { id: string }).id);
    if (id === undefined) throw new HttpProblem('NOT_FOUND');
    const query = request.query as Record<string, unknown>;
    const { t } = request.newsroom;
    const notice = query.uploaded !== undefined ? t('media.upload.done') : query.saved !== undefined ? t('media.saved') : undefined;
    return itemPage(request, reply, id, notice ? { notice } : {});
  });

  admin.post('/media/:id', { config }, async (request, reply) => {
    const id = idOf((request.params as { id: string }).id);
    if (id === undefined) throw new HttpProblem('NOT_FOUND');
    const posted = postedTexts(request.body);
    try {
      await updateMediaTexts(ctxOf(request), id, posted);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'MEDIA_INVALID') throw error;
      const messages = fieldMessages(request.newsroom.t, error);
      return itemPage(request, reply, id, { error: Object.values(messages)[0], edit: { values: posted.texts, credit: posted.credit, errors: messages } }, 422);
    }
    return reply.redirect(`/admin/media/${id}?saved`, 303);
  });

  admin.post('/media/:id/delete', { config }, async (request, reply) => {
    const id = idOf((request.params as { id: string }).id);
    if (id === undefined) throw new HttpProblem('NOT_FOUND');
    try {
      await deleteMedia(ctxOf(request), deps.blobs, id);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'MEDIA_IN_USE') throw error;
      return itemPage(request, reply, id, { error: request.newsroom.t('media.in_use'), inUse: true }, 409);
    }
    return reply.redirect('/admin/media?deleted', 303);
  });

  // The upload, in its own context: only here is multipart parsed, with limits for one image.
  await admin.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 40, parts: 41, fieldSize: 4096, fieldNameSize: 40, headerPairs: 20 },
      async onFile(part) {
        await part.toBuffer();
        (this as UploadRequest)[UPLOAD] = { type: part.mimetype, filename: part.filename };
      },
    });
    scope.setErrorHandler(async (error: FastifyError, request, reply) => {
      const problem = classify(error);
      // The parser's limits (file too large, too many files or fields) and refused bytes answer
      // on the form itself; anything else (CSRF, roles, failures) goes to the newsroom's handler.
      if (![400, 413, 415, 422].includes(problem.status) || !request.newsroom?.session) throw error;
      request.log.info({ code: problem.code, status: problem.status }, 'upload refused');
      const key: MessageKey = problem.status === 413 && error.code === 'FST_REQ_FILE_TOO_LARGE' ? 'errors.media.too_large' : 'errors.media.form';
      const fields = problem.fields.length && isDomainError(error) ? error.fields : [{ field: 'file', key, params: { max: MAX_IMAGE_BYTES / (1024 * 1024) } }];
      return refuseUpload(request, reply, { fields }, problem.status, undefined);
    });
    scope.post('/media', { config, bodyLimit: MAX_IMAGE_BYTES + 256 * 1024 }, async (request, reply) => {
      if (!request.isMultipart()) throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE');
      const body = request.body as Record<string, unknown> | undefined;
      const file = body?.file;
      const meta = (request as UploadRequest)[UPLOAD];
      if (!Buffer.isBuffer(file) || !meta || (meta.filename === '' && file.length === 0)) {
        return refuseUpload(request, reply, { fields: [{ field: 'file', key: 'errors.media.no_file' }] }, 422, body);
      }
      const { credit, texts, problems } = checkMediaTexts(postedTexts(body));
      if (problems.length) return refuseUpload(request, reply, { fields: problems }, 422, body);
      try {
        const id = await importImage(ctxOf(request), deps.blobs, {
          data: file,
          credit,
          texts: Object.fromEntries(texts.map((tx) => [tx.language, { alt: tx.alt, caption: tx.caption }])),
          declaredType: meta.type,
        });
        return reply.redirect(`/admin/media/${id}?uploaded`, 303);
      } catch (error) {
        if (!isDomainError(error) || !['MEDIA_INVALID', 'MEDIA_TOO_LARGE', 'MEDIA_UNSUPPORTED'].includes(error.code)) throw error;
        return refuseUpload(request, reply, error, classify(error).status, body);
      }
    });
  });
}
