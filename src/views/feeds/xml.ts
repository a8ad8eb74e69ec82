// Escaping for the XML documents we write by hand (RSS, Atom, sitemaps). Every text node and
// attribute value goes through one of these two functions; nothing else reaches the output raw.

// Code points XML 1.0 forbids anywhere, even escaped: C0 controls other than tab, LF and CR, lone
// surrogates, U+FFFE and U+FFFF. A headline pasted with one of them must not break the whole feed.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Character data for an element's content. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value, for use between double quotes. Whitespace is kept as references, since parsers normalise raw tabs and newlines in attributes to spaces. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** `<name attr="…">text</name>`, or nothing when the text is empty (optional elements). */
export function element(name: string, text: string | undefined, attributes: Record<string, string | number | undefined> = {}): string {
  if (text === undefined || text === '') return '';
  return `<${name}${attrs(attributes)}>${xmlText(text)}</${name}>`;
}

/** ` a="…" b="…"`, skipping undefined values. */
export function attrs(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttr(String(value))}"`)
    .join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
