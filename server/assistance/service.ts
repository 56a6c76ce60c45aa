import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { type HelpRequestView, readRequest, readRequests } from './present.ts';

/** Requests a kiosk may make in RATE_WINDOW_MINUTES; requests an account may make in an hour. */
export const KIOSK_RATE_LIMIT = 6;
export const RATE_WINDOW_MINUTES = 10;
export const ACCOUNT_HOURLY_LIMIT = 5;

const invalid = (field: string, problem: string, problemEn: string, details?: unknown) =>
  new AppError('validation.field', { field, params: { problem, problemEn }, details });

/** Who asks and where: a signed-in person (portal or kiosk after the ID card) or a person at a kiosk. */
export type NewHelpRequest = {
  hallId: string;
  channel: 'portal' | 'kiosk';
  accountId: string | null;
  kioskDeviceId: string | null;
  name: string;
  phone: string | null;
  implementationId?: string | undefined;
  note?: string | undefined;
};

type Row = Record<string, unknown>;
const first = async (db: DbOrTx, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)).rows as Row[])[0];

/** The hall if it exists and is open; otherwise a 404 naming hallId. */
export async function activeHall(
  db: DbOrTx,
  hallId: string,
): Promise<{ id: string; organisationId: string }> {
  const row = await first(db, sql`SELECT id, organisation_id FROM halls WHERE id = ${hallId} AND active`);
  if (!row) throw new AppError('resource.not_found', { field: 'hallId', params: { resource: '大厅' } });
  return { id: row.id as string, organisationId: row.organisation_id as string };
}

async function checkMatter(db: DbOrTx, implementationId: string | undefined) {
  if (!implementationId) return;
  const row = await first(
    db,
    sql`SELECT 1 FROM implementations WHERE id = ${implementationId} AND published_version_id IS NOT NULL`,
  );
  if (!row)
    throw new AppError('resource.not_found', { field: 'implementationId', params: { resource: '事项' } });
}

async function checkRate(tx: Tx, input: NewHelpRequest) {
  const recent = input.kioskDeviceId
    ? await first(
        tx,
        sql`SELECT count(*)::int AS n FROM help_requests WHERE kiosk_device_id = ${input.kioskDeviceId}
            AND created_at > now() - make_interval(mins => ${RATE_WINDOW_MINUTES})`,
      )
    : null;
  if (recent && (recent.n as number) >= KIOSK_RATE_LIMIT) throw new AppError('request.rate_limited');
  if (!input.accountId) return;
  const mine = await first(
    tx,
    sql`SELECT count(*)::int AS n FROM help_requests WHERE account_id = ${input.accountId}
        AND created_at > now() - interval '1 hour'`,
  );
  if ((mine!.n as number) >= ACCOUNT_HOURLY_LIMIT) throw new AppError('request.rate_limited');
}

/**
 * Records a request for help. One unfinished request (open or taken) per person, and per phone, at
 * a hall: a second is a 400 that names the first (details.openRequestId).
 */
export async function createHelpRequest(db: DbOrTx, input: NewHelpRequest): Promise<HelpRequestView> {
  await activeHall(db, input.hallId);
  await checkMatter(db, input.implementationId);
  const note = input.note?.trim() || null;
  const id = await db.transaction(async (tx) => {
    // Two requests of one person at one hall at once: the second waits here and then finds the first.
    for (const key of [input.accountId, input.phone].filter(Boolean))
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`help:${input.hallId}:${key}`}))`);
    const open = await first(
      tx,
      sql`SELECT id, account_id FROM help_requests WHERE hall_id = ${input.hallId} AND status IN ('open', 'taken')
          AND (account_id = ${input.accountId}::uuid OR phone = ${input.phone}::text) LIMIT 1`,
    );
    if (open)
      throw invalid(
        input.accountId && open.account_id === input.accountId ? 'hallId' : 'phone',
        '在该大厅已有一个未办结的帮办请求，请等待工作人员联系，或先取消该请求',
        'already has an unfinished help request at this hall; wait for the staff or cancel it first',
        { openRequestId: open.id },
      );
    await checkRate(tx, input);
    const created = await first(
      tx,
      sql`INSERT INTO help_requests (hall_id, channel, account_id, kiosk_device_id, name, phone, implementation_id, note)
          VALUES (${input.hallId}, ${input.channel}, ${input.accountId}, ${input.kioskDeviceId}, ${input.name},
                  ${input.phone}, ${input.implementationId ?? null}, ${note})
          RETURNING id`,
    );
    return created!.id as string;
  });
  return readRequest(db, id, { accountId: input.accountId, owner: true });
}

/** A person's own requests, newest first (the last 20). */
export function myHelpRequests(db: DbOrTx, accountId: string): Promise<HelpRequestView[]> {
  return readRequests(
    db,
    sql`r.account_id = ${accountId}`,
    { accountId, owner: true },
    {
      newestFirst: true,
      limit: 20,
    },
  );
}

const notFound = () => new AppError('resource.not_found', { params: { resource: '帮办请求' } });

/** The owner withdraws an unfinished request; anyone else's is a 404. */
export async function cancelHelpRequest(db: DbOrTx, accountId: string, id: string): Promise<HelpRequestView> {
  const row = await first(
    db,
    sql`SELECT status FROM help_requests WHERE id = ${id} AND account_id = ${accountId}`,
  );
  if (!row) throw notFound();
  const updated = await first(
    db,
    sql`UPDATE help_requests SET status = 'cancelled', finished_at = now()
        WHERE id = ${id} AND account_id = ${accountId} AND status IN ('open', 'taken') RETURNING id`,
  );
  if (!updated)
    throw new AppError('help_request.state', {
      params: {
        state: row.status === 'done' ? '已办结' : '已取消',
        stateEn: row.status === 'done' ? 'is done' : 'was cancelled',
        operation: '取消',
        operationEn: 'cancelled',
      },
    });
  return readRequest(db, id, { accountId, owner: true });
}
