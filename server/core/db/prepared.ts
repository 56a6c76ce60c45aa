import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Distinct statement texts given a name; beyond this, statements run unnamed (parsed each time). */
const NAMED_LIMIT = 5000;
const names = new Map<string, string>();

function statementName(text: string): string | null {
  const known = names.get(text);
  if (known) return known;
  if (names.size >= NAMED_LIMIT) return null;
  const name = `yw_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

type QueryConfig = { text: string; name?: string };

/**
 * Makes every parameterised statement of this connection a named prepared statement, keyed by
 * its text: PostgreSQL then parses and plans each distinct statement once per connection instead
 * of on every execution. Statements without parameters (BEGIN, COMMIT, migrations, scripts of
 * several statements) run as they are.
 */
export function prepareStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = (config: unknown, values?: unknown, callback?: unknown) => {
    if (
      config !== null &&
      typeof config === 'object' &&
      typeof (config as QueryConfig).text === 'string' &&
      !(config as QueryConfig).name &&
      Array.isArray(values) &&
      values.length > 0
    ) {
      const name = statementName((config as QueryConfig).text);
      if (name) return query({ ...(config as QueryConfig), name }, values, callback);
    }
    return callback === undefined ? query(config, values) : query(config, values, callback);
  };
  client.query = named as typeof client.query;
}
