import { sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { notify } from '../notifications/index.ts';
import { type HelpRequestView, readRequest, readRequests } from './present.ts';

/** Roles that take help requests at the halls of their organisation. */
const HELPERS = new Set(['agent', 'window_clerk', 'hall_manager']);

/** The organisations where the actor helps people (agents, clerks and managers). */
export function helpingOrganisations(actor: Actor): string[] {
  return actor.grants.filter((g) => HELPERS.has(g.role) && g.organisationId).map((g) => g.organisationId!);
}

const managesAt = (actor: Actor, organisationId: string) =>
  actor.grants.some((g) => g.role === 'hall_manager' && g.organisationId === organisationId);

const notFound = () => new AppError('resource.not_found', { params: { resource: '帮办请求' } });

type Row = Record<string, unknown>;
const first = async (db: DbOrTx, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)).rows as Row[])[0];

/**
 * The requests of the halls where the actor helps, oldest first: unfinished ones (open or taken)
 * unless a status is asked for; one hall when named (a hall where they do not work is a 404).
 */
export async function staffHelpRequests(
  db: DbOrTx,
  actor: Actor,
  query: { hallId?: string | undefined; status?: string | undefined },
): Promise<HelpRequestView[]> {
  const organisations = helpingOrganisations(actor);
  if (organisations.length === 0) throw new AppError('auth.forbidden');
  const orgs = sql`h.organisation_id IN (${sql.join(
    organisations.map((o) => sql`${o}::uuid`),
    sql`, `,
  )})`;
  if (query.hallId) {
    const hall = await first(db, sql`SELECT organisation_id FROM halls WHERE id = ${query.hallId}`);
    if (!hall || !organisations.includes(hall.organisation_id as string))
      throw new AppError('resource.not_found', { field: 'hallId', params: { resource: '大厅' } });
  }
  const hall = query.hallId ? sql` AND r.hall_id = ${query.hallId}` : sql``;
  const status =
    !query.status || query.status === 'active'
      ? sql` AND r.status IN ('open', 'taken')`
      : sql` AND r.status = ${query.status}`;
  return readRequests(db, sql`${orgs}${hall}${status}`, { accountId: actor.accountId, owner: false });
}

/** The request and its hall's organisation, if the actor helps there; otherwise a 404. */
async function staffRequest(db: DbOrTx, actor: Actor, id: string) {
  const row = await first(
    db,
    sql`SELECT r.id, r.status, r.account_id, r.taken_by, h.organisation_id, a.display_name AS taker
        FROM help_requests r JOIN halls h ON h.id = r.hall_id LEFT JOIN accounts a ON a.id = r.taken_by
        WHERE r.id = ${id}`,
  );
  if (!row || !helpingOrganisations(actor).includes(row.organisation_id as string)) throw notFound();
  return row;
}

const STATES: Record<string, [string, string]> = {
  done: ['已办结', 'is done'],
  cancelled: ['已由申请人取消', 'was cancelled by the person'],
  open: ['尚未受理', 'has not been taken'],
};
const stateError = (row: Row, operation: string, operationEn: string) => {
  const [state, stateEn] =
    row.status === 'taken'
      ? [`已由${row.taker as string}受理`, `was taken by ${row.taker as string}`]
      : (STATES[row.status as string] ?? [String(row.status), String(row.status)]);
  return new AppError('help_request.state', { params: { state, stateEn, operation, operationEn } });
};

/**
 * Takes an open request: of two staff members taking it at once exactly one succeeds, the other
 * gets a 409 naming who took it. The person is told in-app and by SMS.
 */
export async function takeHelpRequest(
  db: DbOrTx,
  options: { actor: Actor; audit: AuditContext; id: string },
): Promise<HelpRequestView> {
  const { actor, id } = options;
  await staffRequest(db, actor, id);
  const taken = await db.transaction(async (tx) => {
    const row = await first(
      tx,
      sql`UPDATE help_requests SET status = 'taken', taken_by = ${actor.accountId}, taken_at = now()
          WHERE id = ${id} AND status = 'open' RETURNING account_id, hall_id`,
    );
    if (!row) return false;
    await recordAudit(tx, options.audit, {
      action: 'help_request.take',
      targetType: 'help_request',
      targetId: id,
      summary: { hallId: row.hall_id, phoneShownTo: actor.accountId },
    });
    if (row.account_id)
      await notify({
        db: tx,
        accountId: row.account_id as string,
        title: '帮办请求已受理',
        body: `您的帮办请求已由${actor.displayName}受理，工作人员将与您联系`,
        subject: { helpRequestId: id, event: 'taken' },
      });
    return true;
  });
  if (!taken) throw stateError(await staffRequest(db, actor, id), '接单', 'taken');
  return readRequest(db, id, { accountId: actor.accountId, owner: false });
}

/** Finishes a taken request with what was done: by the one who took it or a manager of the hall. */
export async function finishHelpRequest(
  db: DbOrTx,
  options: { actor: Actor; audit: AuditContext; id: string; outcome: string },
): Promise<HelpRequestView> {
  const { actor, id } = options;
  const outcome = options.outcome.trim();
  if (!outcome)
    throw new AppError('validation.field', {
      field: 'outcome',
      params: { problem: '请填写办理结果', problemEn: 'must not be empty' },
    });
  const row = await staffRequest(db, actor, id);
  if (row.status !== 'taken') throw stateError(row, '完成', 'finished');
  if (row.taken_by !== actor.accountId && !managesAt(actor, row.organisation_id as string))
    throw new AppError('auth.forbidden');
  const finished = await db.transaction(async (tx) => {
    const updated = await first(
      tx,
      sql`UPDATE help_requests SET status = 'done', finished_at = now(), outcome = ${outcome}
          WHERE id = ${id} AND status = 'taken' RETURNING id`,
    );
    if (!updated) return false;
    await recordAudit(tx, options.audit, {
      action: 'help_request.finish',
      targetType: 'help_request',
      targetId: id,
      summary: { outcome, takenBy: row.taken_by },
    });
    return true;
  });
  if (!finished) throw stateError(await staffRequest(db, actor, id), '完成', 'finished');
  return readRequest(db, id, { accountId: actor.accountId, owner: false });
}
