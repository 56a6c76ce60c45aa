import { type Static, type TSchema, Type } from 'typebox';

/*
 * Helpers of the API shapes in common/<module>/api.ts: the server validates and documents its
 * routes with these TypeBox schemas, the web app takes its types from them (`import type` only,
 * so no TypeBox in the app's bundle).
 */

/**
 * Days and times as requests give them. The format checks that the day exists (2026-02-30 is
 * refused) and the pattern refuses the year 0, which PostgreSQL does not have: either is a 400
 * naming the field rather than a database error.
 */
const NOT_YEAR_ZERO = '^(?!0000)';

/** A day, YYYY-MM-DD. */
export const IsoDate = Type.String({ format: 'date', pattern: `${NOT_YEAR_ZERO}\\d{4}-\\d{2}-\\d{2}$` });

/** A date and time in ISO 8601 with its offset, e.g. 2026-10-08T09:00:00+08:00. */
export const isoDateTime = (description: string) =>
  Type.String({ format: 'date-time', pattern: `${NOT_YEAR_ZERO}\\d{4}-`, description });

/** A timestamp: a Date in services, an ISO 8601 string on the wire. */
export const DateTime = Type.Unsafe<Date>(Type.String({ format: 'date-time' }));

/** The id of a row (a UUID), in a path, query or body. */
export const Id = Type.String({ format: 'uuid' });

/** The path parameters of a route on one thing: `/:id`. */
export const IdParams = Type.Object({ id: Id });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A page of a list: `{ items, total }`. */
export const ListOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer() });

/** A value as it travels as JSON: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** What the web app receives (or sends) for a schema: its static type as JSON. */
export type Wire<S extends TSchema> = Json<Static<S>>;
