// Pure rules of the newsroom's door: password strength, the interface language a request gets,
// and the short device names of the sessions list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { passwordProblems } from '../../../src/domain/users/index.js';
import { deviceOf } from '../../../src/web/admin/account.js';
import { interfaceLanguage } from '../../../src/web/admin/request-state.js';
import type { EditionRegistry } from '../../../src/web/site/editions.js';

describe('password strength', () => {
  const keys = (password: string) => passwordProblems(password, { email: 'maryam.k@example.org', name: 'Maryam Karimi' }).map((p) => p.key);
  it('accepts long phrases in any script', () => {
    for (const ok of ['correct horse battery staple', 'گذرواژهٔ بلند و خوب من', 'x7$Kp!2qLm9@Zr']) assert.deepEqual(keys(ok), [], ok);
  });
  it('refuses short, common, repetitive and personal passwords', () => {
    assert.deepEqual(keys('short pass'), ['errors.user.password_length']);
    assert.deepEqual(keys('x'.repeat(257)), ['errors.user.password_length']);
    for (const weak of ['password1234', 'aaaaaaaaaaaab', 'maryam.k-2026!', 'MaryamKarimi99']) assert.deepEqual(keys(weak), ['errors.password.weak'], weak);
  });
});

describe('interface language', () => {
  const registry = (code?: string) => ({ fallback: () => (code ? { code } : undefined) }) as unknown as EditionRegistry;
  const request = (acceptLanguage?: string) => ({ headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} }) as FastifyRequest;
  it('prefers the account, then Accept-Language by quality, then the default edition, then English', () => {
    assert.equal(interfaceLanguage(request('fa'), 'ar', registry('en')), 'ar');
    assert.equal(interfaceLanguage(request('de-DE, fa;q=0.5, fr;q=0.8'), null, registry('en')), 'fr');
    assert.equal(interfaceLanguage(request('de, ja'), null, registry('fa')), 'fa');
    assert.equal(interfaceLanguage(request(), null, registry('de')), 'en');
    assert.equal(interfaceLanguage(request('ur;q=0'), undefined, registry(undefined)), 'en');
  });
});

describe('device names', () => {
  it('names the browser and the system briefly', () => {
    assert.equal(deviceOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36'), 'Chrome 156 · Linux');
    assert.equal(deviceOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'), 'Firefox 128 · Windows');
    assert.equal(deviceOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'), 'Safari 604 · iPhone');
    assert.equal(deviceOf(''), '—');
  });
});
