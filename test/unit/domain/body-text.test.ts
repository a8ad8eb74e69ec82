// The plain-text form of a body: every block and mark survives document → text → document, typed
// text parses as documented, hostile input stays literal and takes linear time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countWords, documentToText, parseInline, textToDocument } from '../../../src/domain/articles/body-text.js';
import { validateDocument, type BodyDocument, type Inline, type Mark } from '../../../src/domain/articles/document.js';

const t = (text: string, ...marks: string[]): Inline => {
  const list: Mark[] = marks.map((m) => (m === 'bold' || m === 'italic' ? { type: m } : { type: 'link', href: m }));
  return list.length ? { type: 'text', text, marks: list } : { type: 'text', text };
};

const FULL: BodyDocument = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [t('Plain, then '), t('bold', 'bold'), t(' and '), t('italic', 'italic'), t(' and '), t('both', 'bold', 'italic'), t('.')] },
    { type: 'paragraph', content: [t('A '), t('link', 'https://example.org/a_(b)?c=1&d=2'), t(', a '), t('bold link', 'bold', 'https://example.org/x'), { type: 'break' }, t('second line')] },
    { type: 'heading', level: 2, content: [t('Background')] },
    { type: 'heading', level: 3, content: [t('Detail '), t('here', 'italic')] },
    { type: 'quote', content: [t('We will finish'), { type: 'break' }, t('by spring.')], attribution: 'Mina Rahbar, Mayor' },
    { type: 'quote', content: [t('No attribution.')] },
    { type: 'list', ordered: false, items: [[t('one')], [t('two', 'bold')]] },
    { type: 'list', ordered: true, items: [[t('first')], [t('second')], [t('third')]] },
    { type: 'paragraph', content: [t('Literal * star, [brackets], back\\slash and **not bold**.')] },
    { type: 'paragraph', content: [t('## not a heading')] },
    { type: 'paragraph', content: [t('- not a list'), { type: 'break' }, t('1. nor this'), { type: 'break' }, t('> nor a quote')] },
    { type: 'paragraph', content: [t('متن فارسی با '), t('پررنگ', 'bold'), t(' و پیوند '), t('این‌جا', 'https://example.org/fa')] },
  ],
};

describe('body text form', () => {
  it('round-trips every block and mark', () => {
    const text = documentToText(FULL);
    assert.deepEqual(textToDocument(text), FULL);
    assert.deepEqual(validateDocument(textToDocument(text)), []);
  });

  it('round-trips a quote whose last line starts with a dash as text, not attribution', () => {
    const doc: BodyDocument = { type: 'doc', content: [{ type: 'quote', content: [t('Said'), { type: 'break' }, t('— not a name')] }] };
    assert.deepEqual(textToDocument(documentToText(doc)), doc);
  });

  it('parses typed text as documented', () => {
    const doc = textToDocument('## Title\n\nFirst **bold** and *it*.\nSame paragraph.\n\n> Quoted\n> — Someone\n\n- a\n- b\n\n1. x\n2. y\n\nSee [the site](https://example.org).');
    assert.deepEqual(
      doc.content.map((b) => b.type),
      ['heading', 'paragraph', 'quote', 'list', 'list', 'paragraph'],
    );
    assert.deepEqual(doc.content[1], { type: 'paragraph', content: [t('First '), t('bold', 'bold'), t(' and '), t('it', 'italic'), t('.'), { type: 'break' }, t('Same paragraph.')] });
    assert.deepEqual(doc.content[2], { type: 'quote', content: [t('Quoted')], attribution: 'Someone' });
    assert.deepEqual(doc.content[5], { type: 'paragraph', content: [t('See '), t('the site', 'https://example.org'), t('.')] });
  });

  it('keeps blocks it cannot express as placeholders that round-trip', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'image', mediaId: 12 },
        { type: 'image', mediaId: 13, caption: 'A [caption] ]]', credit: 'Agency' },
        { type: 'embed', provider: 'video', url: 'https://video.example/watch?v=1' },
        { type: 'gallery', ids: [1, 2] },
        { type: 'paragraph', content: [t('after')] },
      ],
    } as unknown as BodyDocument;
    const text = documentToText(doc);
    assert.match(text, /^\[\[image 12\]\]$/m);
    assert.match(text, /^\[\[embed https:\/\/video\.example\/watch\?v=1 /m);
    assert.deepEqual(textToDocument(text), doc);
  });

  it('leaves unbalanced marks and broken links literal', () => {
    assert.deepEqual(parseInline('**open bold'), [t('**open bold')]);
    assert.deepEqual(parseInline('*a* *b'), [t('a', 'italic'), t(' *b')]);
    assert.deepEqual(parseInline('[no close(https://x.example)'), [t('[no close(https://x.example)')]);
    assert.deepEqual(parseInline('[text](https://x.example'), [t('[text](https://x.example')]);
    // Link text holds no unescaped brackets: nested ones leave the whole literal (the serializer escapes them).
    assert.deepEqual(parseInline('[a [b] c](https://x.example)'), [t('[a [b] c](https://x.example)')]);
    assert.deepEqual(parseInline('[a \\[b\\] c](https://x.example)'), [t('a [b] c', 'https://x.example')]);
  });

  it('leaves unsafe links for validation to refuse', () => {
    const doc = textToDocument('[click](javascript:alert(1))');
    assert.ok(validateDocument(doc).some((p) => p.key === 'errors.body.link'));
  });

  it('takes linear time on hostile input (1 MB of stars, brackets, nested brackets)', () => {
    const cases = ['*'.repeat(1_000_000), '['.repeat(1_000_000), '[a](b'.repeat(200_000), '[['.repeat(250_000) + ']]'.repeat(250_000), '**a*'.repeat(250_000), '\\'.repeat(1_000_000), '> x\n'.repeat(200_000)];
    for (const input of cases) {
      const started = performance.now();
      textToDocument(input);
      const ms = performance.now() - started;
      // Quadratic work on a megabyte would take minutes; a loaded CI machine still does this in a second or two.
      assert.ok(ms < 5000, `${JSON.stringify(input.slice(0, 8))}… took ${ms.toFixed(0)} ms`);
    }
    const stars = parseInline('*'.repeat(1_000_001));
    assert.deepEqual(stars, [t('*')]);
  });

  it('counts words in any script', () => {
    assert.equal(countWords('Two words'), 2);
    assert.equal(countWords('سه واژهٔ فارسی'), 3);
    assert.equal(countWords('  '), 0);
  });
});
