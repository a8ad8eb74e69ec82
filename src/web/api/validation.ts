// The API context's schema compiler. JSON bodies are validated as sent, with no type coercion: a
// script that sends `"headline": 123` or `"tagIds": ["1"]` has a bug it should hear about, not a
// headline stored as "123". Query strings and path parameters arrive as text, so they keep
// Fastify's usual coercion ("?page=2" is the integer 2).
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under ESM its function is the default export's default.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats = (addFormatsModule as unknown as { default: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

// Fastify's own defaults (@fastify/ajv-compiler), except where this file says otherwise.
const SHARED: Options = {
  useDefaults: true,
  // Unknown fields are an error a client should hear about, not something to drop silently.
  removeAdditional: false,
  addUsedSchema: false,
  // allErrors would let one request make validation report (and work through) every failure.
  allErrors: false,
};

function build(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...SHARED, coerceTypes });
  addFormats(ajv);
  return ajv;
}

/** A compiler for one encapsulated context: bodies strict, everything else coerced from text. */
export function apiSchemaCompiler(): FastifySchemaCompiler<unknown> {
  const strict = build(false);
  const lenient = build('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : lenient).compile(schema as object);
}
