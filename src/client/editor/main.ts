// The newsroom's rich editor, a progressive enhancement of the edit screen's textarea: TipTap
// (ProseMirror) with a toolbar and shortcuts, the document written into the hidden body_json
// field on submit (the server prefers it to the textarea's text), autosave every 10 s while
// there are changes (with the version the page was loaded at; a conflict stops it and says so),
// a word count, and a warning before leaving with unsaved changes. Without this script the
// textarea and the save button do everything.
import { Editor, Node, mergeAttributes } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { countWords, fromPm, toPm, type BodyDocument } from './convert.js';

interface Strings {
  toolbar: string;
  paragraph: string;
  h2: string;
  h3: string;
  bold: string;
  italic: string;
  link: string;
  linkPrompt: string;
  bullets: string;
  numbers: string;
  quote: string;
  words: string;
  saving: string;
  savedAt: string;
  unsaved: string;
  conflict: string;
  failed: string;
  opaque: string;
}

const AUTOSAVE_MS = 10_000;

/** A block the editor cannot edit (image, embed…): shown as a labelled atom, kept as it came. */
const Opaque = Node.create({
  name: 'opaque',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { data: { default: '{}' } };
  },
  parseHTML() {
    return [{ tag: 'div[data-opaque]', getAttrs: (el) => ({ data: (el as HTMLElement).getAttribute('data-opaque') ?? '{}' }) }];
  },
  renderHTML({ node, HTMLAttributes }) {
    let label = 'block';
    try {
      const block = JSON.parse(String(node.attrs.data)) as Record<string, unknown>;
      label = [block.type, block.mediaId ?? block.url ?? ''].filter((x) => x !== '').join(' ');
    } catch {
      label = 'block';
    }
    return ['div', mergeAttributes(HTMLAttributes, { 'data-opaque': node.attrs.data, class: 'editor-opaque', contenteditable: 'false' }), `[[${label}]]`];
  },
});

function start(): void {
  const form = document.getElementById('editor-form') as HTMLFormElement | null;
  const textarea = document.getElementById('ed-body') as HTMLTextAreaElement | null;
  const docEl = document.getElementById('editor-doc');
  const stringsEl = document.getElementById('editor-strings');
  const jsonField = document.getElementById('editor-body-json') as HTMLInputElement | null;
  if (!form || !textarea || !docEl || !stringsEl || !jsonField) return;
  const strings = JSON.parse(stringsEl.textContent ?? '{}') as Strings;
  const initial = JSON.parse(docEl.textContent ?? 'null') as BodyDocument | null;
  const language = document.documentElement.lang || 'en';
  const numbers = new Intl.NumberFormat(language);
  const status = document.getElementById('editor-autosave');
  const words = document.getElementById('editor-words');
  const versionInputs = () => Array.from(document.querySelectorAll<HTMLInputElement>('input[name="expected_version"]'));
  const csrf = (form.querySelector('input[name="_csrf"]') as HTMLInputElement | null)?.value ?? '';

  const toolbar = document.createElement('div');
  toolbar.className = 'editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', strings.toolbar);
  const host = document.createElement('div');
  host.className = 'editor-rich-host';
  textarea.after(toolbar, host);
  textarea.hidden = true;
  document.getElementById('ed-body-hint')?.setAttribute('hidden', '');

  let dirty = false;
  let submitting = false;
  let stopped = false;
  let saving = false;

  const say = (text: string, kind: 'ok' | 'error' = 'ok') => {
    if (!status) return;
    status.hidden = false;
    status.textContent = text;
    status.classList.toggle('editor-autosave-error', kind === 'error');
  };

  const editor = new Editor({
    element: host,
    // TipTap would add a <style> element, which the CSP refuses: its few rules are in site.css.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: false, linkOnPaste: true, protocols: ['mailto'], HTMLAttributes: { rel: null, target: null } },
      }),
      Opaque,
    ],
    content: initial ? toPm(initial) : '',
    editorProps: {
      attributes: {
        class: 'editor-rich',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'ed-body-label',
        lang: form.dataset.lang ?? '',
        dir: form.dataset.dir ?? 'auto',
      },
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          askLink();
          return true;
        }
        return false;
      },
    },
    onUpdate: () => {
      changed();
      countNow();
    },
    onSelectionUpdate: () => refreshButtons(),
    onTransaction: () => refreshButtons(),
  });

  function currentDoc(): BodyDocument {
    return fromPm(editor.getJSON() as Parameters<typeof fromPm>[0]);
  }

  function countNow() {
    if (words) words.textContent = strings.words.replace('[count]', numbers.format(countWords(currentDoc())));
  }

  function changed() {
    dirty = true;
    if (!stopped) say(strings.unsaved);
  }

  function askLink() {
    const previous = (editor.getAttributes('link').href as string | undefined) ?? 'https://';
    const href = window.prompt(strings.linkPrompt, previous);
    if (href === null) return;
    const typed = href.trim();
    // "example.org/page" means the web address; the server refuses links without a scheme.
    const full = typed && !/^(https?:\/\/|mailto:|\/|#)/i.test(typed) ? `https://${typed}` : typed;
    if (full === '') editor.chain().focus().extendMarkRange('link').unsetLink().run();
    else editor.chain().focus().extendMarkRange('link').setLink({ href: full }).run();
  }

  const buttons: Array<{ label: string; name: string; run: () => void; active: () => boolean; keys?: string }> = [
    { name: 'paragraph', label: strings.paragraph, run: () => editor.chain().focus().setParagraph().run(), active: () => editor.isActive('paragraph') },
    { name: 'h2', label: strings.h2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(), active: () => editor.isActive('heading', { level: 2 }), keys: 'Control+Alt+2' },
    { name: 'h3', label: strings.h3, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(), active: () => editor.isActive('heading', { level: 3 }), keys: 'Control+Alt+3' },
    { name: 'bold', label: strings.bold, run: () => editor.chain().focus().toggleBold().run(), active: () => editor.isActive('bold'), keys: 'Control+B' },
    { name: 'italic', label: strings.italic, run: () => editor.chain().focus().toggleItalic().run(), active: () => editor.isActive('italic'), keys: 'Control+I' },
    { name: 'link', label: strings.link, run: askLink, active: () => editor.isActive('link'), keys: 'Control+K' },
    { name: 'bullets', label: strings.bullets, run: () => editor.chain().focus().toggleBulletList().run(), active: () => editor.isActive('bulletList'), keys: 'Control+Shift+8' },
    { name: 'numbers', label: strings.numbers, run: () => editor.chain().focus().toggleOrderedList().run(), active: () => editor.isActive('orderedList'), keys: 'Control+Shift+7' },
    { name: 'quote', label: strings.quote, run: () => editor.chain().focus().toggleBlockquote().run(), active: () => editor.isActive('blockquote'), keys: 'Control+Shift+B' },
  ];
  const elements = buttons.map((b) => {
    const el = document.createElement('button');
    el.type = 'button';
    el.textContent = b.label;
    el.dataset.command = b.name;
    el.setAttribute('aria-pressed', 'false');
    if (b.keys) el.setAttribute('aria-keyshortcuts', b.keys);
    el.addEventListener('click', () => b.run());
    toolbar.append(el);
    return el;
  });
  function refreshButtons() {
    buttons.forEach((b, i) => elements[i]?.setAttribute('aria-pressed', String(b.active())));
  }
  refreshButtons();
  countNow();

  form.addEventListener('input', (event) => {
    if (event.target !== textarea) changed();
  });
  form.addEventListener('submit', () => {
    jsonField.value = JSON.stringify(currentDoc());
    submitting = true;
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
  async function autosave() {
    if (!dirty || stopped || saving || submitting) return;
    saving = true;
    dirty = false;
    say(strings.saving);
    const version = Number(versionInputs()[0]?.value ?? '0');
    try {
      const response = await fetch(form!.dataset.autosave ?? '', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ expectedVersion: version, headline: field('headline'), dek: field('dek'), dateline: field('dateline'), creditLine: field('credit_line'), byline: field('byline'), body: currentDoc() }),
      });
      if (response.status === 409) {
        stopped = true;
        dirty = true;
        say(strings.conflict, 'error');
        return;
      }
      if (!response.ok) {
        dirty = true;
        say(strings.failed, 'error');
        return;
      }
      const answer = (await response.json()) as { version: number; savedAt: string };
      for (const input of versionInputs()) input.value = String(answer.version);
      const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(answer.savedAt));
      say(strings.savedAt.replace('[time]', time));
    } catch {
      dirty = true;
      say(strings.failed, 'error');
    } finally {
      saving = false;
    }
  }
  window.setInterval(() => void autosave(), AUTOSAVE_MS);
  form.dataset.editor = 'ready';
}

start();
