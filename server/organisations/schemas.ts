import { Type } from 'typebox';

/** A timestamp: a Date in services, an ISO 8601 string on the wire. */
export const DateTime = Type.Unsafe<Date>(Type.String({ format: 'date-time' }));
