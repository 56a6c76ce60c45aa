/**
 * Deterministic random numbers in SQL: a uniform value in [0, 1) for each (row number, draw, seed),
 * from PostgreSQL's 64-bit hash of an integer (hashint8extended, stable across versions since hash
 * partitioning depends on it), hashed twice: the hashes of neighbouring integers are correlated
 * (−0.2 between draws k and k + 1 of a row), their hashes are not. The same seed gives the same
 * values in any database and row order.
 */

/** Largest integer a double holds exactly (2^53 − 1): the hash is masked to it. */
const MASK = '9007199254740991';
const SCALE = '9007199254740992';

/** Draws per row: every named draw of a row uses its own slot below this. */
export const DRAWS_PER_ROW = 64;

/** Checks that a random seed is a safe integer (it is written into SQL text). */
export function checkedSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`the random seed must be an integer: ${seed}`);
  return seed;
}

/**
 * SQL text of the uniform draw number `draw` (0 ≤ draw < DRAWS_PER_ROW) of the row whose integer
 * expression is `row` (e.g. `g.i`), for `seed`.
 */
export function uniform(row: string, draw: number, seed: number): string {
  return `((${hashBits(row, draw, seed)} & ${MASK})::float8 / ${SCALE})`;
}

/** SQL text of a raw 64-bit hash of the row's draw (for picking characters, several bits at a time). */
export function hashBits(row: string, draw: number, seed: number): string {
  if (!Number.isInteger(draw) || draw < 0 || draw >= DRAWS_PER_ROW) throw new RangeError(`draw ${draw}`);
  return `hashint8extended(hashint8extended((${row})::bigint * ${DRAWS_PER_ROW} + ${draw}, ${checkedSeed(seed)}), 0)`;
}
