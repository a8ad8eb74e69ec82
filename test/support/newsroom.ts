// A browser's side of the newsroom for app.inject() tests: a cookie jar, form posts with our
// Origin and the page's CSRF token, and signing in.
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const ORIGIN = 'https://news.example.org';

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly app: FastifyInstance,
    readonly options: { ip?: string; language?: string } = {},
  ) {}

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse) {
    const raw = response.headers['set-cookie'];
    for (const line of Array.isArray(raw) ? raw : raw ? [raw] : []) {
      const [pair = ''] = String(line).split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/Max-Age=0/.test(String(line)) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({
        url,
        remoteAddress: this.options.ip ?? '127.0.0.1',
        headers: { accept: 'text/html', cookie: this.header(), ...(this.options.language ? { 'accept-language': this.options.language } : {}), ...headers },
      }),
    );
  }

  /** Posts a form as a browser would: our Origin, the cookies, and the CSRF token read from `from` (or given). */
  async post(url: string, fields: Record<string, string | string[]>, options: { from?: string; csrf?: string | null; origin?: string | null; headers?: Record<string, string> } = {}) {
    let csrf = options.csrf;
    if (csrf === undefined) {
      const page = await this.get(options.from ?? '/admin/account');
      csrf = csrfOf(page.body);
    }
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
    if (csrf !== null) form.append('_csrf', csrf);
    const origin = options.origin === undefined ? ORIGIN : options.origin;
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.options.ip ?? '127.0.0.1',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: this.header(),
          ...(origin ? { origin } : {}),
          ...(this.options.language ? { 'accept-language': this.options.language } : {}),
          ...options.headers,
        },
        payload: form.toString(),
      }),
    );
  }

  async signIn(email: string, password: string) {
    return this.post('/admin/login', { email, password }, { from: '/admin/login' });
  }

  session(): string | undefined {
    return this.cookies.get('dateline_session');
  }
}

export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(match, 'the page carries a CSRF token');
  return match[1]!;
}
