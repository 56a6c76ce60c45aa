import { Type } from 'typebox';

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
