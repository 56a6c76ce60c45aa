import { and, count, desc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { cases } from './tables.ts';

/** The implementations most applied for in a hall (at its windows and kiosks) over the last days. */
export async function mostAppliedAtHall(options: {
  db: DbOrTx;
  hallId: string;
  days: number;
  limit: number;
}): Promise<{ implementationId: string; cases: number }[]> {
  const since = new Date(Date.now() - options.days * 86_400_000);
  return options.db
    .select({ implementationId: cases.implementationId, cases: count() })
    .from(cases)
    .where(and(eq(cases.hallId, options.hallId), gte(cases.submittedAt, since)))
    .groupBy(cases.implementationId)
    .orderBy(desc(count()), cases.implementationId)
    .limit(options.limit);
}
