/** Whether a PostgreSQL error, directly or wrapped by the query builder, has one of the SQLSTATEs. */
function errorCode(error: unknown, codes: readonly string[]): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code && codes.includes(e.code)) return true;
  }
  return false;
}

/** A PostgreSQL unique violation, directly or wrapped by the query builder. */
export function isUniqueViolation(error: unknown): boolean {
  return errorCode(error, ['23505']);
}

/** A serialization failure of a REPEATABLE READ or SERIALIZABLE transaction (retry it). */
export function isSerializationFailure(error: unknown): boolean {
  return errorCode(error, ['40001']);
}
