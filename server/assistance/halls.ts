import { sql } from 'drizzle-orm';
import { accountContact } from '../accounts/index.ts';
import type { DbOrTx } from '../core/db/client.ts';

type Row = Record<string, unknown>;

/** Digits two region codes share from the start (610102 and 610113 share 4). */
const shared = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The open halls a person may ask for help, and the one to suggest: the hall of their last case,
 * else the first hall of their region (as far as their ID number's region code tells it), and the
 * phone on their account to call back.
 */
export async function helpHalls(db: DbOrTx, account: { accountId: string; regionCode: string }) {
  const halls = (
    await db.execute(
      sql`SELECT h.id, h.name, h.address, o.region_code FROM halls h JOIN organisations o ON o.id = h.organisation_id
          WHERE h.active ORDER BY o.region_code, h.name LIMIT 500`,
    )
  ).rows as Row[];
  const [last] = (
    await db.execute(
      sql`SELECT c.hall_id FROM cases c JOIN halls h ON h.id = c.hall_id
          WHERE c.applicant_id = ${account.accountId} AND h.active ORDER BY c.created_at DESC LIMIT 1`,
    )
  ).rows as Row[];
  const contact = await accountContact(db, account.accountId);
  const region = /^\d{6}$/.test(account.regionCode) ? account.regionCode : '';
  let suggested = (last?.hall_id as string | undefined) ?? null;
  if (!suggested && region) {
    let best = 3;
    for (const h of halls) {
      const n = shared(region, h.region_code as string);
      if (n > best) {
        best = n;
        suggested = h.id as string;
      }
    }
  }
  return {
    items: halls.map((h) => ({ id: h.id as string, name: h.name as string, address: h.address as string })),
    suggested,
    phone: contact?.phone ?? null,
  };
}
