import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

function ajv(options: Options): Ajv {
  const instance = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    allErrors: false,
    strict: false,
    ...options,
  });
  addFormats.default(instance);
  return instance;
}

/**
 * JSON bodies are validated as sent: a number where a string is expected is a 400, not
 * silently converted. Query strings, path parameters and headers arrive as text and are
 * converted to the declared types.
 */
export function validatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const exact = ajv({ coerceTypes: false });
  const converting = ajv({ coerceTypes: 'array' });
  return ({ schema, httpPart }) => (httpPart === 'body' ? exact : converting).compile(schema as object);
}
