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

/**
 * The schema with each $id kept at its first place and every later copy made a $ref to it. A
 * recursive TypeBox schema (Type.Cyclic, such as a form field's condition) carries an $id, and a
 * schema using it twice (shownWhen and requiredWhen of every field) would have it twice, which Ajv
 * (the validator, and the serializer's choice among anyOf branches) refuses.
 */
export function singleIds(schema: unknown): unknown {
  const seen = new Set<string>();
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const items = node.map(walk);
      return items.some((item, i) => item !== node[i]) ? items : node;
    }
    if (typeof node !== 'object' || node === null) return node;
    const id = (node as { $id?: unknown }).$id;
    if (typeof id === 'string') {
      if (seen.has(id)) return { $ref: id };
      seen.add(id);
    }
    const entries = Object.entries(node);
    const walked = entries.map(([, value]) => walk(value));
    if (walked.every((value, i) => value === entries[i]![1])) return node;
    return { ...node, ...Object.fromEntries(entries.map(([key], i) => [key, walked[i]])) };
  };
  return walk(schema);
}

const PARTS = ['body', 'querystring', 'params', 'headers'] as const;

/** onRoute: every part of a route's schema, and each response's, with single $ids (singleIds). */
export function singleIdsOfRoute(route: { schema?: FastifySchema }): void {
  const schema = route.schema;
  if (!schema) return;
  const next: Record<string, unknown> = { ...schema };
  for (const part of PARTS) if (schema[part]) next[part] = singleIds(schema[part]);
  if (schema.response && typeof schema.response === 'object')
    next.response = Object.fromEntries(
      Object.entries(schema.response).map(([status, response]) => [status, singleIds(response)]),
    );
  route.schema = next as FastifySchema;
}
