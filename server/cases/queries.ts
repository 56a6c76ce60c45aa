import { and, asc, desc, eq, getTableColumns, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { accountNameJson, listStaffAccounts, nameFromJson } from '../accounts/index.ts';
import { versionNameOf } from '../catalogue/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { type Action, can, caseScopeOf, type Resource } from '../core/access/policy.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { qualified } from '../core/db/composed.ts';
import { findHall, listHalls } from '../organisations/index.ts';
import { type CasePage, casePage, caseViewOf, readPageRecords, summaryOf } from './page.ts';
import { keepCase } from './row-cache.ts';
import { type CaseRow, caseNotFound, documentOf } from './rows.ts';
import { cases, QUEUE_AWAITING_PREDICATE, QUEUE_OPEN_PREDICATE, QUEUE_PREDICATE } from './tables.ts';

/** Where a case lives, for the policy. */
export async function caseResource(db: DbOrTx, row: CaseRow): Promise<Resource> {
  const hall = row.hallId ? await findHall(db, row.hallId) : null;
  return {
    organisationId: row.departmentId,
    regionPath: row.regionPath,
    ownerAccountId: row.applicantId,
    agentAccountId: row.agentId,
    hallOrganisationId: hall?.organisationId ?? null,
  };
}

/**
 * The case if the actor may see it, else the same 404 as for an unknown id: a guessed id
 * of someone else's case reveals nothing. Returns the resource for the action's check.
 */
export async function visibleCase(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ row: CaseRow; resource: Resource }> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw caseNotFound();
  return { row, resource: await readableResource(db, actor, row) };
}

/**
 * The page of a case the actor may see (else the 404 of an unknown id). The case is kept
 * (row-cache.ts): whoever opens a case is likely to act on it next.
 */
export async function openCase(db: Db, actor: Actor, id: string): Promise<CasePage> {
  const { row, resource } = await visibleCase(db, actor, id);
  keepCase(row);
  return casePage(db, row, caseViewOf(actor, row, resource));
}

/** How the certificates module sees a case (CaseSight): its number if the actor may see it, else null. */
export async function caseSight(db: DbOrTx, actor: Actor, id: string): Promise<{ caseNo: string } | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row || !can(actor, 'case.read', await caseResource(db, row))) return null;
  return { caseNo: row.caseNo };
}

/** Where a case lives, if the actor may see it; else the 404 of an unknown id (see visibleCase). */
export async function readableResource(db: DbOrTx, actor: Actor, row: CaseRow): Promise<Resource> {
  const resource = await caseResource(db, row);
  if (!can(actor, 'case.read', resource)) throw caseNotFound();
  return resource;
}

export type CaseFilter = {
  status?: string;
  warning?: string;
  departmentId?: string;
  /** The review queue: online and agents' applications awaiting 受理 first, then open cases by promised deadline. */
  queue?: boolean;
  limit: number;
  offset: number;
};

async function scopeCondition(db: DbOrTx, actor: Actor, action: Action): Promise<SQL | null> {
  const scope = caseScopeOf(actor, action);
  if (scope.anywhere) return sql`true`;
  const parts: SQL[] = [];
  if (scope.own) parts.push(eq(cases.applicantId, actor.accountId));
  if (scope.asAgent) parts.push(eq(cases.agentId, actor.accountId));
  if (scope.organisationIds.length) parts.push(inArray(cases.departmentId, scope.organisationIds));
  for (const path of scope.regionPaths) {
    parts.push(or(eq(cases.regionPath, path), like(cases.regionPath, `${path}/%`))!);
  }
  const hallIds: string[] = [];
  for (const organisationId of scope.hallOrganisationIds) {
    hallIds.push(...(await listHalls({ db, filter: { organisationId } })).map((h) => h.id));
  }
  if (hallIds.length) parts.push(inArray(cases.hallId, hallIds));
  return parts.length ? or(...parts)! : null;
}

/**
 * The review queue: the open cases, and the applications filed online or by an agent (帮办代办)
 * waiting for the department's pre-review (受理); a counter or kiosk pre-reviews its own. Those come first, oldest submission first; then the rest by promised deadline.
 * Written as constants so that every plan can use the partial indexes (see cases_queue_*_idx).
 */
const queueCondition = () => sql.raw(QUEUE_PREDICATE);
const QUEUE_ORDER = [
  sql`(${cases.status} = 'submitted') DESC`,
  sql`CASE WHEN ${cases.status} = 'submitted' THEN ${cases.submittedAt} END ASC`,
  sql`CASE WHEN ${cases.status} <> 'submitted' THEN ${cases.promisedDeadline} END ASC NULLS LAST`,
  asc(cases.caseNo),
];

/**
 * The ids of one page of the queue (in QUEUE_ORDER), each of its two parts read in order from its
 * own index and only as far as the page reaches, however many open cases the department has.
 */
const queuePageIds = (scope: SQL, filter: CaseFilter) => sql`
  select id from (
    (select ${cases.id} as id, 0 as part, ${cases.submittedAt} as since, null::date as due, ${cases.caseNo} as no
      from ${cases} where ${scope} and ${sql.raw(QUEUE_AWAITING_PREDICATE)}
      order by ${cases.submittedAt}, ${cases.caseNo} limit ${filter.limit + filter.offset})
    union all
    (select ${cases.id}, 1, null, ${cases.promisedDeadline}, ${cases.caseNo}
      from ${cases} where ${scope} and ${sql.raw(QUEUE_OPEN_PREDICATE)}
      order by ${cases.promisedDeadline} nulls last, ${cases.caseNo} limit ${filter.limit + filter.offset})
  ) q
  order by part, since, due nulls last, no
  limit ${filter.limit} offset ${filter.offset}`;

/** How many cases the queue holds, each part counted from its own index alone. */
async function queueCount(db: DbOrTx, scope: SQL): Promise<{ total: number }[]> {
  const { rows } = await db.execute<{ total: number }>(sql`
    select (select count(*) from ${cases} where ${scope} and ${sql.raw(QUEUE_AWAITING_PREDICATE)})::int
      + (select count(*) from ${cases} where ${scope} and ${sql.raw(QUEUE_OPEN_PREDICATE)})::int as total`);
  return rows;
}

/** A listed case: its row, the matter's name as filed and how its applicant is shown. */
const LISTED = {
  ...getTableColumns(cases),
  matterName: versionNameOf(qualified(cases.versionId)),
  applicant: accountNameJson(qualified(cases.applicantId)),
};

/** The cases the actor may see, newest first, or the review queue (see `queueCondition`). */
export async function listCases(options: { db: DbOrTx; actor: Actor; filter: CaseFilter }) {
  const { db, actor, filter } = options;
  const scope = await scopeCondition(db, actor, 'case.read');
  if (!scope) return { items: [], total: 0 };
  const conditions: SQL[] = [scope];
  if (filter.status) conditions.push(eq(cases.status, filter.status));
  if (filter.warning) conditions.push(eq(cases.warning, filter.warning));
  if (filter.departmentId) conditions.push(eq(cases.departmentId, filter.departmentId));
  const filtered = and(...conditions)!;
  const inQueue = filter.queue && !filter.status;
  const where = inQueue ? and(filtered, queueCondition()) : filtered;
  const order = filter.queue ? QUEUE_ORDER : [desc(cases.createdAt), desc(cases.caseNo)];
  const [rows, [count]] = await Promise.all([
    inQueue
      ? db
          .select(LISTED)
          .from(cases)
          .where(sql`${cases.id} in (${queuePageIds(filtered, filter)})`)
          .orderBy(...QUEUE_ORDER)
      : db
          .select(LISTED)
          .from(cases)
          .where(where)
          .orderBy(...order)
          .limit(filter.limit)
          .offset(filter.offset),
    inQueue
      ? queueCount(db, filtered)
      : db.select({ total: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  const items = rows.map(({ matterName, applicant, ...row }) => {
    const shown = nameFromJson(applicant);
    return {
      ...summaryOf(row),
      matterName: matterName ?? '',
      applicantName: shown?.displayName ?? '',
      /** Masked for persons (110105********002X). */
      applicantLogin: shown?.login ?? '',
    };
  });
  return { items, total: count?.total ?? 0 };
}

/**
 * The public progress look-up: case number plus query code, no sign-in. A wrong code is the
 * same 404 as an unknown number. Shows the matter, the status and the steps, nothing personal
 * beyond a masked name.
 */
export async function publicProgress(db: Db, caseNo: string, code: string) {
  const [row] = await db.select().from(cases).where(eq(cases.caseNo, caseNo.trim()));
  if (!row || row.queryCode !== code.trim().toUpperCase()) throw caseNotFound();
  const [doc, { events, departmentName }] = await Promise.all([
    documentOf(db, row.versionId),
    readPageRecords(db, row.id),
  ]);
  return {
    caseNo: row.caseNo,
    matterName: doc.name,
    departmentName: departmentName ?? '',
    status: row.status,
    submittedAt: row.submittedAt,
    acceptedOn: row.acceptedOn,
    promisedDeadline: row.promisedDeadline,
    concludedAt: row.concludedAt,
    trackingNo: row.trackingNo ? `${row.trackingNo.slice(0, 4)}****${row.trackingNo.slice(-4)}` : null,
    steps: events.map((e) => ({ action: e.action, toStatus: e.toStatus, at: e.at })),
  };
}

/** The active reviewers of a department, for the head's 改派 picker. */
export async function departmentReviewers(db: DbOrTx, actor: Actor, departmentId: string) {
  const { items } = await listStaffAccounts({
    db,
    actor,
    filter: { organisationId: departmentId, role: 'department_reviewer', limit: 200 },
  });
  return items
    .filter(
      (a) =>
        a.active &&
        a.roles.some((g) => g.role === 'department_reviewer' && g.organisationId === departmentId),
    )
    .map((a) => ({ id: a.id, displayName: a.displayName, login: a.login }));
}
