// JSX → HTML string. preact-render-to-string escapes every text child and attribute value;
// the only raw HTML is what a view passes through dangerouslySetInnerHTML (the sanitized body).
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
