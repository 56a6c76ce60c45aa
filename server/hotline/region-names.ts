import type { DbOrTx } from '../core/db/client.ts';
import { regionNames } from '../regions/index.ts';

/** The rows with the name of their region beside its code (null for a code not in the tree). */
export async function withRegionNames<R extends { regionCode: string }>(
  db: DbOrTx,
  rows: R[],
): Promise<(R & { regionName: string | null })[]> {
  const names = await regionNames(
    db,
    rows.map((r) => r.regionCode),
  );
  return rows.map((r) => ({ ...r, regionName: names.get(r.regionCode) ?? null }));
}
