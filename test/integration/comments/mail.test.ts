// Comment emails through a real SMTP server the test starts (smtp-server): moderators hear of a
// held comment, an opted-in commenter of an approved reply with a signed one-click unsubscribe
// that works; sending is a job, and with the SMTP server down the mail waits and is delivered
// once it is back.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { systemActor } from '../../../src/core/context.js';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { setCommentSettings } from '../../../src/domain/comments/index.js';
import { mailTexts } from '../../../src/i18n/mail.js';
import { createCommentMailer } from '../../../src/jobs/comment-mail.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { commentPoster } from '../../support/comments.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

interface Received {
  to: string[];
  raw: string;
}

function startSmtp(received: Received[], port = 0): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port })));
}

eachDialect('comment emails', (h) => {
  let app: FastifyInstance;
  let smtp: { server: SMTPServer; port: number };
  let post: ReturnType<typeof commentPoster>;
  const received: Received[] = [];
  const mod = () => h().ctx(systemActor('test'));
  const waitFor = async (count: number) => {
    for (let i = 0; i < 200 && received.length < count; i++) {
      h().clock.advance(2_000);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(received.length >= count, `${received.length} of ${count} mails arrived`);
  };
  const idOf = (r: { response: { headers: Record<string, unknown> } }) => Number(/#comment-(\d+)$/.exec(String(r.response.headers.location))?.[1]);

  before(async () => {
    await threeEditions(h().ctx());
    smtp = await startSmtp(received);
    const mail = { url: `smtp://127.0.0.1:${smtp.port}`, from: 'news@example.org', moderators: ['desk@example.org', 'night@example.org'] };
    app = await buildTestApp(h(), { mailer: createCommentMailer({ mail, baseUrl: 'https://news.example.org' }, mailTexts), runner: { pollMs: 50, backoffMs: () => 1_000 } });
    post = commentPoster(app, h);
  });
  after(async () => {
    await app?.close();
    await new Promise<void>((r) => smtp?.server.close(() => r()));
  });

  it('tells the moderators of a held comment, in a job, in the edition’s language', async () => {
    const a = await anArticle(h().ctx(), { edition: 'fa' });
    await publishArticle(h().ctx(), a.id);
    const { response } = await post('fa', a, { comment: 'دیدگاهی برای بررسی', email: 'reader@example.org' });
    assert.equal(response.statusCode, 303, 'answered before any mail is sent');
    await waitFor(1);
    assert.deepEqual(received[0]?.to.sort(), ['desk@example.org', 'night@example.org']);
    assert.match(received[0]!.raw, /Subject: =\?UTF-8\?/i, 'a localized (encoded) subject');
  });

  it('tells an opted-in commenter of an approved reply, with a working one-click unsubscribe', async () => {
    await setCommentSettings(mod(), 'en', { policy: 'approve_all' });
    const a = await anArticle(h().ctx());
    await publishArticle(h().ctx(), a.id);
    const parent = idOf(await post('en', a, { email: 'parent@example.org', notify: true, comment: 'Tell me about replies' }));
    const before = received.length;
    await post('en', a, { parent, email: 'replier@example.org', comment: 'Here is a reply' });
    await waitFor(before + 1);
    const mail = received[received.length - 1]!;
    assert.deepEqual(mail.to, ['parent@example.org']);
    assert.ok(!mail.raw.includes('replier@example.org'), 'the replier’s address is not given away');
    const link = /List-Unsubscribe:\s*<([^>]+)>/i.exec(mail.raw.replace(/\r?\n\s+/g, ''))?.[1];
    assert.ok(link, `List-Unsubscribe header in ${mail.raw.slice(0, 1500)}`);
    assert.match(mail.raw, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/i);
    const path = link.replace('https://news.example.org', '');
    assert.equal((await app.inject({ method: 'GET', url: path })).statusCode, 200, 'a visit only shows the button');
    const forged = await app.inject({ method: 'POST', url: path.replace(/\/[A-Za-z0-9_-]{32}$/, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(forged.statusCode, 404);
    const done = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(done.statusCode, 200);
    const row = await h().db.storage.db.selectFrom('comments').select('notify_replies').where('id', '=', parent).executeTakeFirstOrThrow();
    assert.equal(row.notify_replies, 0);
    const count = received.length;
    await post('en', a, { parent, email: 'second@example.org', comment: 'Another reply' });
    for (let i = 0; i < 20; i++) {
      h().clock.advance(2_000);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(received.length, count, 'no mail after unsubscribing');
    await setCommentSettings(mod(), 'en', { policy: 'hold_first' });
  });

  it('keeps the mail while the SMTP server is down and delivers it when it is back', async () => {
    await new Promise<void>((r) => smtp.server.close(() => r()));
    const a = await anArticle(h().ctx());
    await publishArticle(h().ctx(), a.id);
    const before = received.length;
    const { response } = await post('en', a, { comment: 'Held while the mail server is down', email: 'down@example.org' });
    assert.equal(response.statusCode, 303);
    let failed = false;
    for (let i = 0; i < 100 && !failed; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const job = await h().db.storage.db.selectFrom('jobs').select(['state', 'attempts', 'last_error']).where('kind', '=', 'comments.notify-moderators').orderBy('id', 'desc').executeTakeFirst();
      failed = Boolean(job && job.attempts >= 1 && job.state === 'pending' && job.last_error);
    }
    assert.ok(failed, `the job failed and waits for a retry: ${JSON.stringify(await h().db.storage.db.selectFrom('jobs').select(['kind', 'state', 'attempts', 'last_error']).where('kind', 'like', 'comments.%').execute())} ${received.length - before}`);
    smtp = await startSmtp(received, smtp.port);
    await waitFor(before + 1);
    assert.ok(received[received.length - 1]!.raw.includes('Held while the mail server is down') || received.length > before);
  });
});
