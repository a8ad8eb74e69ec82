import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogs, translator, type MessageKey } from '../../../src/i18n/index.js';

type Ast = ReturnType<IntlMessageFormat['getAst']>;

// The element kinds of @formatjs/icu-messageformat-parser's TYPE enum (intl-messageformat's parser,
// not a direct dependency of ours); the first test pins these numbers.
const TYPE = { literal: 0, argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, pound: 7, tag: 8 } as const;

const en = catalogs.en!;
const enKeys = Object.keys(en) as MessageKey[];

function ast(message: string, locale: string): Ast {
  return new IntlMessageFormat(message, locale).getAst();
}

/** Arguments outside any plural/select branch (tags are transparent): name → element kind. */
function topLevelArguments(elements: Ast, into = new Map<string, number>()): Map<string, number> {
  for (const el of elements) {
    if (el.type === TYPE.tag && 'children' in el) topLevelArguments(el.children, into);
    else if (el.type !== TYPE.literal && el.type !== TYPE.pound && 'value' in el) into.set(el.value, el.type);
  }
  return into;
}

/** Every argument name anywhere in the message, branches included ('#' is not an argument). */
function allArguments(elements: Ast, into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.tag && 'children' in el) allArguments(el.children, into);
    else if (el.type !== TYPE.literal && el.type !== TYPE.pound && 'value' in el) {
      into.add(el.value);
      if ('options' in el) for (const option of Object.values(el.options)) allArguments(option.value, into);
    }
  }
  return into;
}

/** Selectors of every plural in the message (nested ones included). */
function pluralSelectors(elements: Ast, into: string[][] = []): string[][] {
  for (const el of elements) {
    if (el.type === TYPE.tag && 'children' in el) pluralSelectors(el.children, into);
    else if ('options' in el) {
      if (el.type === TYPE.plural) into.push(Object.keys(el.options));
      for (const option of Object.values(el.options)) pluralSelectors(option.value, into);
    }
  }
  return into;
}

const sampleParams: Record<string, string | number> = {
  name: 'Ada Lovelace',
  date: '21 March 2026',
  count: 3,
  max: 280,
  min: 12,
  detail: 'slug',
  requestId: 'req-7f3a',
  section: 'Politics',
  credit: 'Reuters',
  query: 'ferry terminal',
  page: 2,
  pages: 7,
  minutes: 5,
  role: 'editor',
  editions: 'fa, ar',
  email: 'ada@example.org',
  headline: 'Ferry terminal opens',
  body: 'A comment',
  url: 'https://news.example.org/en/news/1/x',
  id: '42',
  parent: 'Grace Hopper',
  unsubscribe: 'https://news.example.org/en/comments/unsubscribe/1/x',
  zone: 'Asia/Tehran',
  version: 4,
  when: '4 Dec 2026, 19:37 UTC',
  language: 'Persian',
  provider: 'sample provider',
  height: 900,
  width: 1600,
  score: '12%',
  n: 4,
  from: 2,
  to: 3,
  edition: 'Français',
  kind: 'Statement',
  total: 4,
  days: 7,
  code: 'fa',
};
const sampleCounts = [0, 1, 2, 3, 5, 11, 21, 100, 101, 1.5, 1_000_000];

// Persian has a CLDR "one" (0 and 1) but writes the noun the same way after every number, so its
// catalog gives only `other` (plus =0); every other catalog spells out each of its categories.
const categoriesNotNeeded: Record<string, string[]> = { fa: ['one'] };

describe('ICU helpers', () => {
  it('read argument names, kinds and plural selectors from the AST', () => {
    const elements = ast('{a} <b>{b, number}</b> {c, plural, =0 {none} one {# {d}} other {#}}', 'en');
    assert.deepEqual([...topLevelArguments(elements)], [['a', TYPE.argument], ['b', TYPE.number], ['c', TYPE.plural]]);
    assert.deepEqual([...allArguments(elements)].sort(), ['a', 'b', 'c', 'd']);
    assert.deepEqual(pluralSelectors(elements), [['=0', 'one', 'other']]);
  });
});

describe('interface catalogs', () => {
  it('include French, Spanish and Urdu next to English, Persian and Arabic', () => {
    assert.deepEqual(Object.keys(catalogs).sort(), ['ar', 'en', 'es', 'fa', 'fr', 'ur']);
  });

  for (const [language, catalog] of Object.entries(catalogs)) {
    describe(language, () => {
      it('has exactly the keys of the English catalog', () => {
        const keys = Object.keys(catalog);
        assert.deepEqual(enKeys.filter((key) => !keys.includes(key)), [], 'missing keys');
        assert.deepEqual(keys.filter((key) => !(key in en)), [], 'extra keys');
      });

      it('has no empty strings', () => {
        for (const key of enKeys) {
          assert.equal(typeof catalog[key], 'string', key);
          assert.notEqual(catalog[key].trim(), '', key);
        }
      });

      it('uses the same placeholders as English', () => {
        for (const key of enKeys) {
          const reference = ast(en[key], 'en');
          const message = ast(catalog[key], language);
          assert.deepEqual(
            [...topLevelArguments(message)].sort(),
            [...topLevelArguments(reference)].sort(),
            `${key}: top-level arguments (name, kind)`,
          );
          const known = allArguments(reference);
          for (const name of allArguments(message)) assert.ok(known.has(name), `${key}: unknown argument {${name}}`);
        }
      });

      it('compiles every message for its locale and formats it with sample values', () => {
        for (const key of enKeys) {
          const format = new IntlMessageFormat(catalog[key], language);
          const counts = pluralSelectors(format.getAst()).length > 0 ? sampleCounts : [sampleParams.count];
          for (const count of counts) {
            const text = String(format.format({ ...sampleParams, count }));
            assert.notEqual(text.trim(), '', key);
            assert.doesNotMatch(text, /[{}]/, `${key}: unreplaced braces in ${JSON.stringify(text)}`);
            for (const [name, kind] of topLevelArguments(format.getAst())) {
              if (kind === TYPE.argument) assert.ok(text.includes(String(sampleParams[name])), `${key}: {${name}} missing in ${text}`);
            }
          }
        }
      });

      it('uses exactly the CLDR plural categories of the language', () => {
        const categories: string[] = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        const needed = categories.filter((category) => !(categoriesNotNeeded[language] ?? []).includes(category));
        for (const key of enKeys) {
          for (const selectors of pluralSelectors(ast(catalog[key], language))) {
            const named = selectors.filter((selector) => !/^=\d+$/.test(selector));
            assert.deepEqual(named.filter((selector) => !categories.includes(selector)), [], `${key}: categories ${language} does not have`);
            assert.deepEqual(needed.filter((category) => !named.includes(category)), [], `${key}: missing categories`);
          }
        }
      });
    });
  }
});

describe('typography', () => {
  const fr = catalogs.fr!;
  const ur = catalogs.ur!;

  it('French: curly apostrophes and a no-break space before : ; ? ! and inside « »', () => {
    for (const key of enKeys) {
      const text = fr[key];
      assert.doesNotMatch(text, /'/, `${key}: straight apostrophe (also an ICU quote character)`);
      assert.doesNotMatch(text, / [:;?!»]|« /, `${key}: breaking space next to punctuation`);
      assert.doesNotMatch(text, /\p{L}[;?!»]|«\p{L}/u, `${key}: missing space next to punctuation`);
      // A colon directly after a word is only acceptable in a URL scheme such as mailto:.
      for (const match of text.matchAll(/(\p{L}+):/gu)) assert.match(match[1]!, /^(https?|mailto)$/, `${key}: "${match[0]}"`);
    }
    assert.equal(fr['article.image_credit'], 'Photo\u00a0: {credit}');
    assert.equal(fr['home.more_in_section'], 'Toute la rubrique «\u00a0{section}\u00a0»');
  });

  it('Urdu: Urdu letter forms (not Arabic or Persian ones) and the Urdu full stop', () => {
    for (const key of enKeys) {
      const text = ur[key];
      // Arabic kaf ك, yeh ي, heh ه, alef maksura ى; Persian zero-width non-joiner.
      assert.doesNotMatch(text, /[\u0643\u064a\u0647\u0649\u200c]/, `${key}: non-Urdu letter form`);
      assert.doesNotMatch(text, /\.$/, `${key}: ends with a Latin full stop`);
    }
    assert.equal(ur['site.name'], 'ڈیٹ لائن');
    assert.match(ur['site.empty'], /۔$/);
  });
});

describe('plural forms through translator()', () => {
  const count = (settings: Parameters<typeof translator>[0], n: number): string => translator(settings)('article.count', { count: n });

  it('Arabic has six distinct forms, numbers in Arabic-Indic digits', () => {
    const ar = { language: 'ar', locale: 'ar-EG', numbering: 'arab' };
    const forms = [0, 1, 2, 3, 11, 100].map((n) => count(ar, n));
    assert.deepEqual(forms, ['لا مقالات', 'مقال واحد', 'مقالان', '٣ مقالات', '١١ مقالًا', '١٠٠ مقال']);
    assert.equal(new Set(forms).size, 6);
    for (const form of forms) assert.doesNotMatch(form, /[0-9]/);
  });

  it('English: none, one, other', () => {
    const enSettings = { language: 'en', locale: 'en-GB', numbering: 'latn' };
    assert.equal(count(enSettings, 0), 'No articles');
    assert.equal(count(enSettings, 1), '1 article');
    assert.equal(count(enSettings, 2), '2 articles');
  });

  it('French: =0 wins over "one", which also covers 1.5; millions are "many"', () => {
    const frSettings = { language: 'fr', locale: 'fr-FR', numbering: 'latn' };
    assert.equal(count(frSettings, 0), 'Aucun article');
    assert.equal(count(frSettings, 1), '1 article');
    assert.equal(count(frSettings, 2), '2 articles');
    assert.equal(count(frSettings, 1.5), '1,5 article');
    assert.equal(count(frSettings, 1_000_000), '1\u202f000\u202f000 articles');
  });

  it('Spanish: one, many, other', () => {
    const esSettings = { language: 'es', locale: 'es-ES', numbering: 'latn' };
    assert.equal(count(esSettings, 0), 'Ningún artículo');
    assert.equal(count(esSettings, 1), '1 artículo');
    assert.equal(count(esSettings, 2), '2 artículos');
    assert.equal(count(esSettings, 1_000_000), '1.000.000 artículos');
  });

  it('Urdu: one and other, in Latin or Extended Arabic-Indic digits', () => {
    assert.equal(count({ language: 'ur', locale: 'ur-PK', numbering: 'latn' }, 1), '1 خبر');
    assert.equal(count({ language: 'ur', locale: 'ur-PK', numbering: 'latn' }, 5), '5 خبریں');
    assert.equal(count({ language: 'ur', locale: 'ur-IN', numbering: 'arabext' }, 5), '۵ خبریں');
  });

  it('Persian uses Persian digits', () => {
    assert.equal(count({ language: 'fa', locale: 'fa-IR', numbering: 'arabext' }, 5), '۵ خبر');
  });

  it('an unknown language falls back to English', () => {
    assert.equal(count({ language: 'xx', locale: 'en-GB', numbering: 'latn' }, 2), '2 articles');
  });
});
