import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentFromText, renderDocument, validateDocument, type BodyDocument } from '../../../src/domain/articles/document.js';

describe('body document', () => {
  it('renders paragraphs, headings, attributed quotes, lists and marks', () => {
    const doc: BodyDocument = {
      type: 'doc',
      content: [
        { type: 'heading', level: 2, content: [{ type: 'text', text: 'Background' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Bold', marks: [{ type: 'bold' }] }, { type: 'text', text: ' and ' }, { type: 'text', text: 'link', marks: [{ type: 'link', href: 'https://example.org/a?b=1&c=2' }] }] },
        { type: 'quote', content: [{ type: 'text', text: 'We will finish by spring.' }], attribution: 'Mina Rahbar, Mayor' },
        { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      ],
    };
    assert.deepEqual(validateDocument(doc), []);
    assert.equal(
      renderDocument(doc),
      '<h2>Background</h2>\n<p><strong>Bold</strong> and <a href="https://example.org/a?b=1&amp;c=2" rel="noopener">link</a></p>\n' +
        '<blockquote><p>We will finish by spring.</p><footer><cite>Mina Rahbar, Mayor</cite></footer></blockquote>\n<ul><li>one</li><li>two</li></ul>',
    );
  });

  it('escapes text so that markup typed by a writer stays text', () => {
    const html = renderDocument(documentFromText('<script>alert(1)</script> & <img src=x onerror=alert(1)>'));
    assert.equal(html, '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('rejects javascript: links and unknown block types', () => {
    const bad = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] },
        { type: 'iframe', src: 'https://evil.example' },
      ],
    };
    const problems = validateDocument(bad);
    assert.deepEqual(problems.map((p) => p.key), ['errors.body.link', 'errors.body.structure']);
  });

  it('splits plain text into paragraphs on blank lines and keeps single newlines as breaks', () => {
    const doc = documentFromText('first line\nsecond line\n\n\nnext paragraph');
    assert.equal(renderDocument(doc), '<p>first line<br />second line</p>\n<p>next paragraph</p>');
  });
});
