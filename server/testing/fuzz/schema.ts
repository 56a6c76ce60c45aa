import fc from 'fast-check';
import { deepJson, hostileJson, hostileNumber, hostileString, longString, plainString } from './values.ts';

/** The part of JSON Schema (as the OpenAPI document spells the routes' TypeBox schemas) the fuzzer reads. */
export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  nullable?: boolean;
};

/** Real values the world holds, by the name of the field or parameter (ids, logins, codes). */
export type Known = (name: string) => readonly string[];

export type SchemaOptions = {
  known: Known;
  /** Replace some values by hostile ones (wrong types, odd strings); otherwise the values fit the schema. */
  mutate: boolean;
};

const cap = (n: number | undefined, max: number) => Math.min(n ?? max, max);

/** Days near now (deadlines, expiries) and anywhere in the years 0001–9999. */
const day = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2035-12-31') }),
  },
  {
    weight: 1,
    arbitrary: fc.date({ noInvalidDate: true, min: new Date('0001-01-01'), max: new Date('9999-12-31') }),
  },
);

/** Strings matching a pattern; a pattern fast-check cannot generate from gets hostile strings instead. */
function matching(pattern: string, maxLength: number): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return hostileString(cap(maxLength, 40), true);
  }
}

function stringFor(schema: Schema, name: string, options: SchemaOptions): fc.Arbitrary<string> {
  const known = options.known(name);
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 200;
  const fits = (s: string) => [...s].length >= minLength && [...s].length <= maxLength;
  let fitting: fc.Arbitrary<string>;
  if (schema.format === 'uuid') fitting = fc.uuid();
  else if (schema.format === 'date-time') fitting = day.map((d) => d.toISOString());
  else if (schema.format === 'date') fitting = day.map((d) => d.toISOString().slice(0, 10));
  else if (schema.format === 'email') fitting = fc.emailAddress().filter(fits);
  else if (schema.pattern) fitting = matching(schema.pattern, maxLength).filter(fits);
  else
    fitting = fc.oneof(
      { weight: 4, arbitrary: plainString(cap(maxLength, 40)).filter(fits) },
      { weight: 2, arbitrary: hostileString(cap(maxLength, 40), true).filter(fits) },
      {
        weight: 1,
        arbitrary: fc.constant('政'.repeat(Math.max(minLength, maxLength > 100_000 ? 1000 : maxLength))),
      },
    );
  return known.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fitting })
    : fitting;
}

function numberFor(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  const inRange = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) })
    : fc.double({ min, max, noNaN: true });
  const low = Math.max(Math.ceil(min), 0);
  const high = Math.min(Math.floor(max), 5);
  const edges = fc.constantFrom(min, max);
  // Small numbers (versions, limits, offsets) are what most requests that get anywhere carry.
  if (!integer || low > high)
    return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: edges });
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: low, max: high }) },
    { weight: 3, arbitrary: inRange },
    { weight: 1, arbitrary: edges },
  );
}

function objectFor(
  schema: Schema,
  options: SchemaOptions,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties))
    model[key] = valueFor(property, key, options, depth + 1);
  const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
  const open = schema.additionalProperties !== undefined && schema.additionalProperties !== false;
  if (!open && !options.mutate) return record;
  const extra = fc.dictionary(
    fc.oneof(hostileString(12), fc.constantFrom('__proto__', 'constructor', 'id', 'role', 'admin')),
    open && typeof schema.additionalProperties === 'object'
      ? valueFor(schema.additionalProperties, '', options, depth + 1)
      : hostileJson,
    { maxKeys: open ? 4 : 1 },
  );
  return fc
    .tuple(
      record,
      fc.oneof({ weight: open ? 1 : 5, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extra }),
    )
    .map(([r, e]) => Object.assign(Object.create(null), e, r) as Record<string, unknown>);
}

/** What the schema allows (with hostile content inside the limits), ignoring `nullable`. */
function fitting(schema: Schema, name: string, options: SchemaOptions, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices && choices.length > 0)
    return fc.oneof(...choices.map((c) => valueFor(c, name, options, depth)));
  if (schema.allOf && schema.allOf.length > 0) {
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
      if (part.additionalProperties !== undefined) merged.additionalProperties = part.additionalProperties;
    }
    return objectFor(merged, options, depth);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema, name, options);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = valueFor(schema.items ?? {}, name, options, depth + 1);
      const constraints = {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, cap(schema.maxItems, 4)),
      };
      return schema.uniqueItems
        ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(items, constraints);
    }
    case 'object':
      return objectFor(schema, options, depth);
    default:
      return depth > 4 ? fc.constant(null) : hostileJson;
  }
}

/** A value of the wrong kind for the schema: another type, an array for an object, out of range. */
function wrongFor(schema: Schema): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const other = fc.oneof(
    { weight: 3, arbitrary: hostileJson },
    { weight: 2, arbitrary: hostileNumber },
    { weight: 2, arbitrary: hostileString() },
    { weight: 1, arbitrary: fc.constantFrom(null, true, [], {}, [{}], '') },
    { weight: 1, arbitrary: longString },
    { weight: 1, arbitrary: deepJson },
  );
  if (type === 'object') return fc.oneof(other, fc.array(hostileJson, { maxLength: 3 }));
  if (type === 'integer' || type === 'number') {
    const max = schema.maximum ?? 2 ** 31;
    const min = schema.minimum ?? -(2 ** 31);
    return fc.oneof(other, fc.constantFrom(max + 1, min - 1, max + 0.5, String(max), 1e308));
  }
  if (type === 'string')
    return fc.oneof(other, fc.constant('x'.repeat((schema.maxLength ?? 1000) + 1)), fc.constant(''));
  return other;
}

/** A value for `schema` (a field named `name`): fitting, or with options.mutate sometimes hostile. */
export function valueFor(
  schema: Schema,
  name: string,
  options: SchemaOptions,
  depth = 0,
): fc.Arbitrary<unknown> {
  const fits = fitting(schema, name, options, depth);
  const value = schema.nullable
    ? fc.oneof({ weight: 5, arbitrary: fits }, { weight: 1, arbitrary: fc.constant(null) })
    : fits;
  if (!options.mutate) return value;
  return fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: wrongFor(schema) });
}
