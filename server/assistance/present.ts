import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { HelpRequest } from '../../common/assistance/api.ts';
import { maskPhone } from '../../common/identity.ts';
import type { DbOrTx } from '../core/db/client.ts';

export type HelpRequestView = Static<typeof HelpRequest>;

/** Who reads: the owner sees their own phone, a staff member the phone of a request they took. */
export type Viewer = { accountId: string | null; owner: boolean };

type Row = Record<string, unknown>;

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** Help requests matching `where` (on alias r), oldest first, as `viewer` may read them. */
export async function readRequests(
  db: DbOrTx,
  where: SQL,
  viewer: Viewer,
  options: { newestFirst?: boolean; limit?: number } = {},
): Promise<HelpRequestView[]> {
  const order = options.newestFirst ? sql`r.created_at DESC` : sql`r.created_at ASC`;
  const { rows } = await db.execute(
    sql`SELECT r.id, r.hall_id, h.name AS hall_name, r.channel, r.name, r.phone, r.implementation_id,
          (SELECT v.document->>'name' FROM implementations i JOIN implementation_versions v ON v.id = i.published_version_id
            WHERE i.id = r.implementation_id) AS matter_name,
          r.note, r.status, r.taken_by, a.display_name AS taken_by_name, r.taken_at, r.finished_at, r.outcome,
          r.created_at, CASE WHEN r.status = 'open' THEN floor(extract(epoch FROM now() - r.created_at))::int END AS waiting
        FROM help_requests r JOIN halls h ON h.id = r.hall_id LEFT JOIN accounts a ON a.id = r.taken_by
        WHERE ${where} ORDER BY ${order}, r.id LIMIT ${options.limit ?? 200}`,
  );
  return (rows as Row[]).map((row) => {
    const takenByMe = viewer.accountId !== null && row.taken_by === viewer.accountId;
    const phone = row.phone as string | null;
    return {
      id: row.id as string,
      hallId: row.hall_id as string,
      hallName: row.hall_name as string,
      channel: row.channel as string,
      name: row.name as string,
      phone: phone && !viewer.owner && !takenByMe ? maskPhone(phone) : phone,
      implementationId: (row.implementation_id as string | null) ?? null,
      matterName: (row.matter_name as string | null) ?? null,
      note: (row.note as string | null) ?? null,
      status: row.status as HelpRequestView['status'],
      takenByName: (row.taken_by_name as string | null) ?? null,
      takenByMe,
      takenAt: iso(row.taken_at),
      finishedAt: iso(row.finished_at),
      outcome: (row.outcome as string | null) ?? null,
      createdAt: iso(row.created_at)!,
      waitingSeconds: (row.waiting as number | null) ?? null,
    };
  });
}

/** One help request as `viewer` reads it. */
export async function readRequest(db: DbOrTx, id: string, viewer: Viewer): Promise<HelpRequestView> {
  const [one] = await readRequests(db, sql`r.id = ${id}`, viewer);
  return one!;
}
