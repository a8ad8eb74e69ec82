// Image and embed blocks of the body document: the exact provider URL patterns (and the hostile
// ones refused), limits, the stored HTML (images from this site only, embeds as links), the parts
// the article page draws, and the captions that search reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BODY_LIMITS,
  cleanDocument,
  documentMediaIds,
  documentParts,
  documentText,
  embedFrameSrc,
  renderDocument,
  validateDocument,
  type BodyDocument,
} from '../../../src/domain/articles/document.js';

const para = { type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] } as const;
const doc = (...content: unknown[]) => ({ type: 'doc', content }) as unknown as BodyDocument;
const codes = (value: unknown) => validateDocument(value).map((p) => p.key);

describe('body image and embed blocks', () => {
  it('accepts each provider’s canonical URLs and gives the player URL', () => {
    assert.equal(embedFrameSrc('youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    assert.equal(embedFrameSrc('youtube', 'https://youtube.com/watch?v=dQw4w9WgXcQ'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    assert.equal(embedFrameSrc('youtube', 'https://youtu.be/dQw4w9WgXcQ'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    assert.equal(embedFrameSrc('x', 'https://x.com/someone/status/1234567890'), 'https://platform.twitter.com/embed/Tweet.html?id=1234567890');
    assert.equal(embedFrameSrc('x', 'https://twitter.com/someone/status/1234567890'), 'https://platform.twitter.com/embed/Tweet.html?id=1234567890');
    assert.equal(embedFrameSrc('telegram', 'https://t.me/durov/123'), 'https://t.me/durov/123?embed=1');
  });

  it('refuses anything else: other hosts, schemes, ports, credentials, paths, extra query, whitespace', () => {
    const hostile: Array<[string, string]> = [
      ['youtube', 'javascript:alert(1)'],
      ['youtube', 'data:text/html,<script>alert(1)</script>'],
      ['youtube', '/\\evil.example'],
      ['youtube', '//youtu.be/dQw4w9WgXcQ'],
      ['youtube', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
      ['youtube', 'https://evil.example/?https://youtu.be/dQw4w9WgXcQ'],
      ['youtube', 'https://evil.example@youtu.be/dQw4w9WgXcQ'],
      ['youtube', 'https://youtu.be:444/dQw4w9WgXcQ'],
      ['youtube', 'http://youtu.be/dQw4w9WgXcQ'],
      ['youtube', 'https://youtu.be/dQw4w9WgXcQ\n'],
      ['youtube', 'https://youtu.be/dQw4w9WgXcQ#x'],
      ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x'],
      ['youtube', 'https://www.youtube.com/watch?v=short'],
      ['youtube', 'HTTPS://YOUTU.BE/dQw4w9WgXcQ'],
      ['x', 'https://x.com.evil.example/a/status/1'],
      ['x', 'https://x.com/a/status/1/photo/1'],
      ['x', 'https://x.com/a"onmouseover=alert(1)/status/1'],
      ['telegram', 'https://t.me/s/durov/123'],
      ['telegram', 'https://telegram.me/durov/123'],
      ['vimeo', 'https://vimeo.com/1'],
      ['youtube', 'https://x.com/a/status/1'],
    ];
    for (const [provider, url] of hostile) {
      assert.equal(embedFrameSrc(provider, url), undefined, `${provider} ${url}`);
      assert.deepEqual(codes(doc(para, { type: 'embed', provider, url })), ['errors.body.embed'], `${provider} ${url}`);
    }
    assert.deepEqual(codes(doc({ type: 'embed', provider: 'youtube', url: 42 })), ['errors.body.embed']);
  });

  it('checks image blocks: a positive integer id, caption and credit within their limits', () => {
    assert.deepEqual(codes(doc({ type: 'image', mediaId: 7, caption: 'A caption', credit: 'A credit' })), []);
    for (const mediaId of [0, -1, 1.5, '7', null, 2 ** 31]) assert.deepEqual(codes(doc({ type: 'image', mediaId })), ['errors.body.image'], String(mediaId));
    assert.deepEqual(codes(doc({ type: 'image', mediaId: 7, caption: 'x'.repeat(BODY_LIMITS.caption + 1) })), ['errors.field.too_long']);
    assert.deepEqual(codes(doc({ type: 'image', mediaId: 7, credit: 3 })), ['errors.body.structure']);
  });

  it('counts images, embeds and caption text against the body limits', () => {
    const images = Array.from({ length: BODY_LIMITS.images + 1 }, () => ({ type: 'image', mediaId: 1 }));
    assert.ok(codes(doc(...images)).includes('errors.body.too_many_images'));
    const embeds = Array.from({ length: BODY_LIMITS.embeds + 1 }, () => ({ type: 'embed', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ' }));
    assert.ok(codes(doc(...embeds)).includes('errors.body.too_many_embeds'));
    const full = { type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(BODY_LIMITS.text - 5) }] };
    assert.deepEqual(codes(doc(full, { type: 'image', mediaId: 1, caption: 'abcde' })), []);
    assert.deepEqual(codes(doc(full, { type: 'image', mediaId: 1, caption: 'abcdef' })), ['errors.body.too_long'], 'captions count as text');
  });

  it('stores images as this site’s <img> in a <figure> and embeds as a link; no other host, no script', () => {
    const body = doc(para, { type: 'image', mediaId: 3, caption: 'Own <caption>' }, { type: 'image', mediaId: 9 }, { type: 'embed', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ' });
    const html = renderDocument(body, new Map([[3, { src: '/media/2026/12/abcdefghijkl.jpg', alt: 'Alt "quoted"', caption: 'Library caption', credit: 'Credit', width: 800, height: 600 }]]));
    assert.equal(
      html,
      '<p>Text.</p>\n<figure class="body-image"><img src="/media/2026/12/abcdefghijkl.jpg" alt="Alt &quot;quoted&quot;" width="800" height="600" loading="lazy" decoding="async" /><figcaption>Own &lt;caption&gt; <small>Credit</small></figcaption></figure>\n\n' +
        '<figure class="embed"><a href="https://youtu.be/dQw4w9WgXcQ" rel="noopener">https://youtu.be/dQw4w9WgXcQ</a></figure>',
    );
    // The allowlist keeps images to relative sources even if a renderer bug let another through.
    const smuggled = renderDocument(body, new Map([[3, { src: 'https://evil.example/x.png', alt: '', caption: '', credit: '', width: null, height: null }]]));
    assert.ok(!smuggled.includes('evil.example'), smuggled);
  });

  it('gives the article page its parts, the images it shows, and captions as searchable text', () => {
    const body = doc(para, { type: 'image', mediaId: 3, caption: 'Harbour at dawn' }, { type: 'image', mediaId: 3 }, { type: 'embed', provider: 'x', url: 'https://x.com/a/status/5' }, para);
    const parts = documentParts(body);
    assert.deepEqual(
      parts.map((p) => p.kind),
      ['html', 'image', 'image', 'embed', 'html'],
    );
    assert.deepEqual(parts[3], { kind: 'embed', provider: 'x', url: 'https://x.com/a/status/5', frameSrc: 'https://platform.twitter.com/embed/Tweet.html?id=5' });
    assert.deepEqual(documentMediaIds(body), [3]);
    assert.match(documentText(body), /Harbour at dawn/);
    assert.ok(!documentText(body).includes('x.com'));
  });

  it('cleans captions and credits of control and direction-override characters', () => {
    const cleaned = cleanDocument(doc({ type: 'image', mediaId: 1, caption: 'evil\u202Etxt.exe\u0007', credit: ' \u2066Photo\u2069 ' }));
    assert.deepEqual(cleaned.content[0], { type: 'image', mediaId: 1, caption: 'eviltxt.exe', credit: 'Photo' });
  });
});
