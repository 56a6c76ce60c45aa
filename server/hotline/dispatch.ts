import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { DispatchBody, SuggestAnswer } from '../../common/hotline/api.ts';
import type { AuditContext } from '../audit/index.ts';
import { searchMatters } from '../catalogue/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, Tx } from '../core/db/client.ts';
import { findOrganisation } from '../organisations/index.ts';
import { invalid, type RequestRow, requestNotFound, requestRow, wrongState } from './access.ts';
import { recordStep, updateRequest } from './events.ts';
import { hotlineAssignments } from './tables.ts';

/** The words of a text: pieces between spaces and punctuation, two characters or more. */
export const wordsOf = (text: string) => [
  ...new Set(text.split(/[\s,，、。？?！!；;：:（）()“”"]+/).filter((w) => w.length >= 2)),
];

/**
 * Departments that may handle a request: the catalogue's matters whose names, keywords or
 * department match the title (or else the content), grouped by their departments.
 */
export async function suggestDepartments(db: Db, row: RequestRow): Promise<Static<typeof SuggestAnswer>> {
  let page = await searchMatters({ db, q: row.title, filter: { limit: 20 } });
  if (page.items.length === 0)
    page = await searchMatters({ db, q: row.content.slice(0, 100), filter: { limit: 20 } });
  const byDepartment = new Map<string, { departmentId: string; name: string; matters: string[] }>();
  for (const m of page.items) {
    const entry = byDepartment.get(m.departmentId) ?? {
      departmentId: m.departmentId,
      name: m.departmentName,
      matters: [],
    };
    if (!entry.matters.includes(m.name)) entry.matters.push(m.name);
    byDepartment.set(m.departmentId, entry);
  }
  return {
    keywords: wordsOf(row.title).slice(0, 10),
    departments: [...byDepartment.values()].sort((a, b) => b.matters.length - a.matters.length),
  };
}

/** Checks the departments of a dispatch: each exists and is a department, the primary not among the assisting. */
async function checkDepartments(tx: Tx, body: Static<typeof DispatchBody>) {
  const ids = [body.primaryDepartmentId, ...body.assistingDepartmentIds];
  for (const [i, id] of ids.entries()) {
    const field = i === 0 ? 'primaryDepartmentId' : `assistingDepartmentIds.${i - 1}`;
    const organisation = await findOrganisation(tx, id);
    if (organisation?.kind !== 'department' || !organisation.active)
      throw invalid(field, '没有这个部门', 'no such department');
  }
  if (body.assistingDepartmentIds.includes(body.primaryDepartmentId))
    throw invalid(
      'assistingDepartmentIds',
      '协办部门不能包括主办部门',
      'must not include the primary department',
    );
}

/** Withdraws the request's open assignments (assigned, or returned and not reviewed). */
async function withdrawOpen(tx: Tx, requestId: string): Promise<void> {
  await tx.execute(
    sql`UPDATE hotline_assignments SET status = 'withdrawn'
        WHERE request_id = ${requestId} AND status IN ('assigned', 'returned') AND return_review IS NULL`,
  );
}

type Options = {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  body: Static<typeof DispatchBody>;
};

/**
 * Sends a request to one primary (主办) and any assisting (协办) departments. `again` is 改派: the
 * open assignments are withdrawn first, and a request with departments may be sent anew.
 */
async function send(options: Options, again: boolean): Promise<void> {
  await options.db.transaction(async (tx) => {
    const row = await requestRow(tx, options.id, true);
    if (!row) throw requestNotFound();
    const allowed = again ? ['received', 'dispatched'] : ['received'];
    if (!allowed.includes(row.status))
      throw again ? wrongState('改派', 're-dispatched') : wrongState('派单', 'dispatched');
    await checkDepartments(tx, options.body);
    if (again) await withdrawOpen(tx, row.id);
    const assignedBy = options.actor.accountId;
    await tx.insert(hotlineAssignments).values([
      { requestId: row.id, departmentId: options.body.primaryDepartmentId, role: 'primary', assignedBy },
      ...options.body.assistingDepartmentIds.map((departmentId) => ({
        requestId: row.id,
        departmentId,
        role: 'assisting',
        assignedBy,
      })),
    ]);
    await updateRequest(
      tx,
      row.id,
      sql`status = 'dispatched', primary_department_id = ${options.body.primaryDepartmentId}`,
    );
    await recordStep(tx, options.audit, {
      requestId: row.id,
      requestNo: row.requestNo,
      kind: again ? 'redispatched' : 'dispatched',
      actorId: assignedBy,
      detail: { ...options.body },
    });
  });
}

export const dispatchRequest = (options: Options) => send(options, false);
export const redispatchRequest = (options: Options) => send(options, true);

/** Merges a duplicate into another request: status merged, its open assignments withdrawn. */
export async function mergeRequest(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  intoId: string;
}): Promise<void> {
  await options.db.transaction(async (tx) => {
    if (options.id === options.intoId) throw invalid('intoId', '不能合并到自身', 'must be another request');
    const row = await requestRow(tx, options.id, true);
    if (!row) throw requestNotFound();
    const into = await requestRow(tx, options.intoId, true);
    if (!into) throw requestNotFound('intoId');
    if (into.status === 'merged') throw invalid('intoId', '该工单已被合并', 'was itself merged');
    if (['closed', 'merged'].includes(row.status)) throw wrongState('合并', 'merged');
    await withdrawOpen(tx, row.id);
    await updateRequest(
      tx,
      row.id,
      sql`status = 'merged', merged_into = ${into.id}, closed_at = now(), warning = 'none'`,
    );
    const actorId = options.actor.accountId;
    await recordStep(tx, options.audit, {
      requestId: row.id,
      requestNo: row.requestNo,
      kind: 'merged',
      actorId,
      detail: { intoId: into.id, intoNo: into.requestNo },
    });
    await recordStep(tx, options.audit, {
      requestId: into.id,
      requestNo: into.requestNo,
      kind: 'merged',
      actorId,
      detail: { fromId: row.id, fromNo: row.requestNo },
    });
  });
}
