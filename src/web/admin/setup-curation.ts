// The curation screen /admin/curation: an edition's lead story, top stories and sidebar blocks
// (add, edit, remove, move to a position) and its breaking-news bar. Routes declare CURATORS; the
// curation domain checks the role again and keeps an edition-limited editor to their editions.
// Every change is a domain write that records curation.changed or site.changed, which purges the
// public pages showing it. Forms re-render with localized messages and status 422 on bad input.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalid, isDomainError, type FieldProblem } from '../../core/errors.js';
import type { Role } from '../../core/context.js';
import { listPublishedByIds } from '../../domain/articles/index.js';
import {
  addBlock,
  BLOCK_LIMITS,
  BREAKING_LIMITS,
  clearBreaking,
  findBreaking,
  listBlocks,
  moveBlock,
  removeBlock,
  setBreaking,
  SIDEBAR_KINDS,
  SLOTS,
  updateBlock,
  blockEdition,
  type BlockFields,
  type BlockKind,
  type Slot,
  type StaffBlock,
} from '../../domain/curation/index.js';
import { BlockEditPage, CurationPage, KIND_FIELDS, type BlockField, type BlockFormProps, type CurationProps } from '../../views/pages/admin-setup-curation.js';
import { HttpProblem } from '../problem.js';
import type { ScreenDeps } from './sign-in.js';
import { fieldMessages, formString, frameOf, sendPage, when } from './screens.js';

export const CURATOR_ROLES: readonly Role[] = ['admin', 'editor'];
const KINDS_OF: Record<Slot, readonly BlockKind[]> = { lead: ['article'], top: ['article'], sidebar: SIDEBAR_KINDS };
const idParam = { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['id'] } as const;
const TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d)(:\d\d)?$/;
const ID = /^[1-9][0-9]{0,9}$/;

/** The longest text a form field is given back in, so a 10,000-character paste is not echoed whole. */
const ECHO_MAX = BLOCK_LIMITS.link;

/** A datetime-local value read as UTC ('' is none); a malformed one is a field problem. */
export function timeOf(value: string, field: string, problems: FieldProblem[]): Date | null {
  if (!value) return null;
  const match = TIME.exec(value);
  const date = match ? new Date(`${match[1]}${match[2] ?? ':00'}.000Z`) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    problems.push({ field, key: 'setup.error.time' });
    return null;
  }
  return date;
}

/** A date as a datetime-local value in UTC. */
const localValue = (iso: string | null) => (iso ? iso.slice(0, 16) : '');

function idOf(value: string, field: string, problems: FieldProblem[]): number | null {
  if (!value) return null;
  if (!ID.test(value) || Number(value) > 2147483647) {
    problems.push({ field, key: 'setup.error.number' });
    return null;
  }
  return Number(value);
}

/** The fields of a posted block form that its kind uses, and the problems of their shape. */
function fieldsOf(body: unknown, kind: BlockKind): { fields: BlockFields; values: Partial<Record<BlockField, string>>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const used = KIND_FIELDS[kind] ?? [];
  const values: Partial<Record<BlockField, string>> = {};
  for (const name of used) values[name] = formString(body, name).slice(0, ECHO_MAX);
  // A datetime-local input holds a well-formed value or none.
  for (const name of ['startsAt', 'endsAt'] as const) if (values[name] !== undefined && !TIME.test(values[name].trim())) values[name] = '';
  const raw = (name: BlockField) => (used.includes(name) ? formString(body, name) : '');
  const fields: BlockFields = {
    articleId: idOf(raw('articleId').trim(), 'articleId', problems),
    mediaId: idOf(raw('mediaId').trim(), 'mediaId', problems),
    title: raw('title'),
    body: raw('body'),
    attribution: raw('attribution'),
    linkUrl: raw('linkUrl') || null,
    startsAt: timeOf(raw('startsAt').trim(), 'startsAt', problems),
    endsAt: timeOf(raw('endsAt').trim(), 'endsAt', problems),
  };
  return { fields, values, problems };
}

const curationHref = (edition: string, anchor = '') => `/admin/curation?edition=${encodeURIComponent(edition)}&done${anchor}`;

interface Failed {
  form: string;
  values: Partial<Record<BlockField, string>>;
  errors: Record<string, string>;
}

export function registerCuration(admin: FastifyInstance, deps: ScreenDeps): void {
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(request.newsroom.actor, request.log);
  const known = (code: string) => deps.editions.all().some((e) => e.code === code);
  const config = { roles: CURATOR_ROLES };
  const limits = { ...BLOCK_LIMITS };

  /** The edition asked for, else the first the actor may curate; an unknown one is 404. */
  function editionOf(request: FastifyRequest, value: unknown): string {
    const one = Array.isArray(value) ? value[0] : value;
    if (one === undefined || one === '') {
      const { actor } = request.newsroom;
      const mine = actor.kind === 'user' && actor.editions?.length ? actor.editions : undefined;
      const first = deps.editions.all().find((e) => !mine || mine.includes(e.code));
      if (!first) throw new HttpProblem('NOT_FOUND');
      return first.code;
    }
    if (typeof one !== 'string' || !known(one)) throw new HttpProblem('NOT_FOUND');
    return one;
  }

  function summaries(blocks: StaffBlock[], headlines: Map<number, string>, t: FastifyRequest['newsroom']['t']) {
    return (b: StaffBlock) => {
      if (b.kind === 'article') return b.articleId ? (headlines.get(b.articleId) ?? t('setup.block.article', { id: b.articleId })) : '';
      const text = b.title || b.body;
      return text.length > 120 ? `${text.slice(0, 119)}…` : text;
    };
  }

  async function curationPage(request: FastifyRequest, reply: FastifyReply, edition: string, extra: { failed?: Failed; breakingFailed?: { values: CurationProps['breaking']['values']; errors: Record<string, string> }; notice?: string } = {}, status = 200) {
    const frame = frameOf(request, reply, deps.cssHref, '/admin/curation');
    const { t, language, actor } = request.newsroom;
    const ctx = ctxOf(request);
    const [blocks, bar] = await Promise.all([listBlocks(ctx, edition), findBreaking(ctx, edition)]);
    const articleIds = blocks.flatMap((b) => (b.articleId === null ? [] : [b.articleId]));
    const published = await listPublishedByIds(ctx, edition, articleIds);
    const summary = summaries(blocks, new Map(published.map((a) => [a.id, a.headline])), t);
    const limited = actor.kind === 'user' && actor.editions?.length ? actor.editions : undefined;
    const slots = SLOTS.map((slot) => {
      const inSlot = blocks.filter((b) => b.slot === slot);
      return {
        slot,
        blocks: inSlot.map((b, i) => ({
          id: b.id,
          kind: b.kind,
          summary: summary(b),
          state: b.live ? ('live' as const) : b.endsAt && b.endsAt <= ctx.clock.now().toISOString() ? ('ended' as const) : ('scheduled' as const),
          dates: [
            ...(b.startsAt ? [t('setup.block.from', { date: when(language, b.startsAt).text })] : []),
            ...(b.endsAt ? [t('setup.block.until', { date: when(language, b.endsAt).text })] : []),
          ],
          position: i,
          total: inSlot.length,
          editHref: `/admin/curation/blocks/${b.id}`,
        })),
        forms: KINDS_OF[slot].map((kind): BlockFormProps => {
          const id = `add-${slot}-${kind}`;
          const failed = extra.failed?.form === id ? extra.failed : undefined;
          return {
            id,
            action: '/admin/curation/blocks',
            kind,
            heading: t('setup.block.add', { kind: slot === 'sidebar' ? t(`setup.kind.${kind}`) : t(`setup.slot.${slot}`) }),
            submit: t('setup.block.add_button'),
            hidden: { edition, slot, kind },
            values: failed?.values ?? {},
            errors: failed?.errors ?? {},
            limits,
          };
        }),
      };
    });
    const props: CurationProps = {
      frame,
      csrf: frame.csrf,
      edition,
      editions: deps.editions
        .all()
        .filter((e) => !limited || limited.includes(e.code))
        .map((e) => ({ code: e.code, name: e.nativeName })),
      slots,
      breaking: {
        current: bar ? { text: bar.text, href: bar.linkUrl ?? undefined, until: when(language, bar.expiresAt) } : undefined,
        values: extra.breakingFailed?.values ?? { text: bar?.text ?? '', linkUrl: bar?.linkUrl ?? '', expiresAt: localValue(bar?.expiresAt ?? null) },
        errors: extra.breakingFailed?.errors ?? {},
        limit: BREAKING_LIMITS.text,
      },
      notice: extra.notice,
      error: extra.failed || extra.breakingFailed ? t('newsroom.form.fix') : undefined,
    };
    return sendPage(reply, CurationPage(props), status);
  }

  admin.get('/curation', { config }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const edition = editionOf(request, query.edition);
    return curationPage(request, reply, edition, query.done !== undefined ? { notice: request.newsroom.t('setup.saved') } : {});
  });

  admin.post('/curation/blocks', { config }, async (request, reply) => {
    const edition = editionOf(request, formString(request.body, 'edition') || 'x');
    const slot = formString(request.body, 'slot') as Slot;
    const kind = formString(request.body, 'kind') as BlockKind;
    if (!SLOTS.includes(slot) || !KINDS_OF[slot].includes(kind)) throw new HttpProblem('REQUEST_INVALID');
    const { fields, values, problems } = fieldsOf(request.body, kind);
    try {
      if (problems.length) {
        // The domain's refusals (role, edition) come before the form's: a stranger hears 403, not 422.
        await listBlocks(ctxOf(request), edition);
        throw invalid('BLOCK_INVALID', problems);
      }
      await addBlock(ctxOf(request), { edition, slot, kind, ...fields });
    } catch (error) {
      if (isDomainError(error) && error.code === 'BLOCK_INVALID') {
        return curationPage(request, reply, edition, { failed: { form: `add-${slot}-${kind}`, values, errors: fieldMessages(request.newsroom.t, error) } }, 422);
      }
      throw error;
    }
    return reply.redirect(curationHref(edition, `#slot-${slot}`), 303);
  });

  const blockOf = async (request: FastifyRequest, id: number) => {
    const edition = await blockEdition(ctxOf(request), id);
    const block = (await listBlocks(ctxOf(request), edition)).find((b) => b.id === id);
    if (!block) throw new HttpProblem('NOT_FOUND');
    return block;
  };

  const editForm = (request: FastifyRequest, block: StaffBlock, values: Partial<Record<BlockField, string>>, errors: Record<string, string>): BlockFormProps => {
    const { t } = request.newsroom;
    return {
      id: `edit-${block.id}`,
      action: `/admin/curation/blocks/${block.id}`,
      kind: block.kind,
      heading: `${t(`setup.slot.${block.slot}`)}: ${t(`setup.kind.${block.kind}`)}`,
      submit: t('setup.block.save'),
      hidden: {},
      values,
      errors,
      limits,
    };
  };

  const storedValues = (b: StaffBlock): Partial<Record<BlockField, string>> => ({
    articleId: b.articleId === null ? '' : String(b.articleId),
    mediaId: b.mediaId === null ? '' : String(b.mediaId),
    title: b.title,
    body: b.body,
    attribution: b.attribution,
    linkUrl: b.linkUrl ?? '',
    startsAt: localValue(b.startsAt),
    endsAt: localValue(b.endsAt),
  });

  admin.get<{ Params: { id: number } }>('/curation/blocks/:id', { config, schema: { params: idParam } }, async (request, reply) => {
    const block = await blockOf(request, request.params.id);
    const frame = frameOf(request, reply, deps.cssHref, '/admin/curation');
    return sendPage(reply, BlockEditPage({ frame, csrf: frame.csrf, form: editForm(request, block, storedValues(block), {}), back: `/admin/curation?edition=${encodeURIComponent(block.edition)}` }));
  });

  admin.post<{ Params: { id: number } }>('/curation/blocks/:id', { config, schema: { params: idParam } }, async (request, reply) => {
    const block = await blockOf(request, request.params.id);
    const { fields, values, problems } = fieldsOf(request.body, block.kind);
    try {
      if (problems.length) throw invalid('BLOCK_INVALID', problems);
      await updateBlock(ctxOf(request), block.id, fields);
    } catch (error) {
      if (isDomainError(error) && error.code === 'BLOCK_INVALID') {
        const frame = frameOf(request, reply, deps.cssHref, '/admin/curation');
        const form = editForm(request, block, values, fieldMessages(request.newsroom.t, error));
        return sendPage(reply, BlockEditPage({ frame, csrf: frame.csrf, form, back: `/admin/curation?edition=${encodeURIComponent(block.edition)}`, error: request.newsroom.t('newsroom.form.fix') }), 422);
      }
      throw error;
    }
    return reply.redirect(curationHref(block.edition, `#block-${block.id}`), 303);
  });

  admin.post<{ Params: { id: number } }>('/curation/blocks/:id/move', { config, schema: { params: idParam } }, async (request, reply) => {
    const position = formString(request.body, 'position');
    if (!/^(0|[1-9][0-9]{0,3})$/.test(position)) throw new HttpProblem('REQUEST_INVALID');
    const edition = await blockEdition(ctxOf(request), request.params.id);
    await moveBlock(ctxOf(request), request.params.id, Number(position));
    return reply.redirect(curationHref(edition, `#block-${request.params.id}`), 303);
  });

  admin.post<{ Params: { id: number } }>('/curation/blocks/:id/remove', { config, schema: { params: idParam } }, async (request, reply) => {
    const edition = await blockEdition(ctxOf(request), request.params.id);
    await removeBlock(ctxOf(request), request.params.id);
    return reply.redirect(curationHref(edition), 303);
  });

  admin.post('/curation/breaking', { config }, async (request, reply) => {
    const edition = editionOf(request, formString(request.body, 'edition') || 'x');
    const ctx = ctxOf(request);
    if (formString(request.body, 'clear')) {
      await clearBreaking(ctx, edition);
      return reply.redirect(curationHref(edition), 303);
    }
    const problems: FieldProblem[] = [];
    const text = formString(request.body, 'text');
    const linkUrl = formString(request.body, 'linkUrl');
    const expiresRaw = formString(request.body, 'expiresAt').trim();
    const expiresAt = timeOf(expiresRaw, 'expiresAt', problems);
    try {
      if (problems.length) {
        await listBlocks(ctx, edition);
        throw invalid('BREAKING_INVALID', problems);
      }
      await setBreaking(ctx, edition, { text, linkUrl: linkUrl || null, expiresAt });
    } catch (error) {
      if (isDomainError(error) && error.code === 'BREAKING_INVALID') {
        const values = { text: text.slice(0, BREAKING_LIMITS.text * 2), linkUrl: linkUrl.slice(0, ECHO_MAX), expiresAt: TIME.test(expiresRaw) ? expiresRaw : '' };
        return curationPage(request, reply, edition, { breakingFailed: { values, errors: fieldMessages(request.newsroom.t, error) } }, 422);
      }
      throw error;
    }
    return reply.redirect(curationHref(edition), 303);
  });
}
