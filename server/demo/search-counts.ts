import { addSearchCounts } from '../catalogue/index.ts';
import type { DbOrTx } from '../core/db/client.ts';

/**
 * What people searched on the demo portal over the last three weeks (per day), so that its hot
 * searches have something to show. 公积金提取 is searched most but finds nothing in the demo
 * catalogue, so it is not among them.
 */
const SEARCHED: [term: string, perDay: number][] = [
  ['公积金提取', 40],
  ['开饭店', 31],
  ['营业执照', 27],
  ['二手房过户', 22],
  ['社保', 18],
  ['居住证', 15],
  ['结婚登记', 12],
  ['新生儿', 10],
  ['公章', 8],
  ['医保', 7],
];

/** Adds the demo's search counts. */
export async function seedDemoSearchCounts(db: DbOrTx): Promise<void> {
  await addSearchCounts(
    db,
    SEARCHED.flatMap(([term, perDay]) =>
      Array.from({ length: 21 }, (_, daysAgo) => ({
        term,
        daysAgo,
        count: Math.max(1, perDay + ((daysAgo * 7 + term.length) % 5) - 2),
      })),
    ),
  );
}
