// Posting comments through the real form in app.inject tests: read the article page's form token,
// let the minimum fill time pass on the harness clock, and send the form as a browser does.
import type { FastifyInstance } from 'fastify';
import type { Harness } from './database.js';

export const tokenIn = (html: string): string => {
  const match = /name="token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no comment form token in the page');
  return match[1];
};

export interface PostOptions {
  name?: string;
  email?: string;
  website?: string;
  comment?: string;
  parent?: number;
  homepage?: string;
  remember?: boolean;
  notify?: boolean;
  token?: string;
  ip?: string;
  cookie?: string;
  json?: boolean;
  /** Take a token from the script's endpoint (made now) instead of the possibly cached page. */
  freshToken?: boolean;
  /** Milliseconds the reader spends on the form (the harness clock moves). */
  fillMs?: number;
}

let counter = 0;

export function commentPoster(app: FastifyInstance, h: () => Harness) {
  return async function post(lang: string, article: { id: number; slug: string }, options: PostOptions = {}) {
    const page = await app.inject({ url: `/${lang}/news/${article.id}/${encodeURIComponent(article.slug)}`, headers: options.cookie ? { cookie: options.cookie } : {} });
    const token = options.token ?? (options.freshToken ? ((await app.inject(`/${lang}/news/${article.id}/comments/token`)).json() as { token: string }).token : tokenIn(page.body));
    h().clock.advance(options.fillMs ?? 5_000);
    counter += 1;
    const fields: Record<string, string> = {
      name: options.name ?? 'Reader',
      email: options.email ?? `reader${counter}@example.org`,
      website: options.website ?? '',
      comment: options.comment ?? `A thoughtful remark number ${counter} about the harbour.`,
      homepage: options.homepage ?? '',
      token,
    };
    if (options.parent !== undefined) fields.parent = String(options.parent);
    if (options.remember) fields.remember = '1';
    if (options.notify) fields.notify = '1';
    const headers: Record<string, string> = options.json
      ? { 'content-type': 'application/json', accept: 'application/json' }
      : { 'content-type': 'application/x-www-form-urlencoded' };
    if (options.cookie) headers.cookie = options.cookie;
    const response = await app.inject({
      method: 'POST',
      url: `/${lang}/news/${article.id}/comments`,
      remoteAddress: options.ip ?? `10.0.${Math.floor(counter / 250) % 250}.${counter % 250}`,
      headers,
      payload: options.json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
    });
    const setCookie = response.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0];
    return { response, cookie, token };
  };
}
