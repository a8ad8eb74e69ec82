// The rich editor's conversion between ProseMirror JSON and the body document: every block and
// mark survives a round trip, an unknown block travels as an atom and comes back unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromPm, toPm, type BodyDocument } from '../../../src/client/editor/convert.js';

describe('editor conversion', () => {
  it('round-trips paragraphs, headings, quotes with attribution, lists, marks and unknown blocks', () => {
    const doc: BodyDocument = {
      type: 'doc',
      content: [
        { type: 'heading', level: 2, content: [{ type: 'text', text: 'Title' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'A ' }, { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, { type: 'break' }, { type: 'text', text: 'link', marks: [{ type: 'italic' }, { type: 'link', href: 'https://example.org' }] }] },
        { type: 'quote', content: [{ type: 'text', text: 'Quoted words' }], attribution: 'A Speaker' },
        { type: 'list', ordered: true, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
        { type: 'list', ordered: false, items: [[{ type: 'text', text: 'dot' }]] },
        { type: 'image', mediaId: 12, caption: 'A caption' },
        { type: 'embed', provider: 'video', url: 'https://video.example/1' },
      ],
    };
    const pm = toPm(doc);
    assert.equal(pm.content?.filter((n) => n.type === 'opaque').length, 2);
    assert.deepEqual(fromPm(pm), doc);
  });

  it('drops empty paragraphs and flattens what the body has no block for', () => {
    const doc = fromPm({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'codeBlock', content: [{ type: 'text', text: 'x = 1' }] }] });
    assert.deepEqual(doc, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x = 1' }] }] });
  });
});
