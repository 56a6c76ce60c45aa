import { and, desc, eq } from 'drizzle-orm';
import type { CaseAction } from '../../common/cases/state-machine.ts';
import { loadActor } from '../accounts/index.ts';
import { clockStart, workingDaysBetween, workingDeadline } from '../calendar/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { findOrganisation } from '../organisations/index.ts';
import { type CaseRow, documentOf } from './rows.ts';
import { caseEvents } from './tables.ts';

/* What the planners of case actions (planners.ts) share: checks of the input and reads of dates. */

/** The trimmed text of a field that must not be empty, else a 400 naming it. */
export const required = (value: string | undefined, field: string): string => {
  const text = value?.trim() ?? '';
  if (!text) {
    throw new AppError('validation.field', {
      field,
      params: { problem: '不能为空', problemEn: 'is required' },
    });
  }
  return text;
};

/**
 * Accepted today: accepted_on is today, the real day; the promised and legal deadlines count by the
 * matter's limits from the day the clock starts, the next working day when today is not one.
 */
export async function deadlines(db: DbOrTx, row: CaseRow, today: string) {
  const doc = await documentOf(db, row.versionId);
  const from = await clockStart({ db, day: today });
  const [promisedDeadline, legalDeadline] = await Promise.all([
    workingDeadline({ db, from, days: doc.promisedLimit.value, unit: doc.promisedLimit.unit }),
    workingDeadline({ db, from, days: doc.legalLimit.value, unit: doc.legalLimit.unit }),
  ]);
  return { acceptedOn: today, promisedDeadline, legalDeadline };
}

/** The details of the case's latest event of an action, or null when it has none. */
export async function lastDetails(
  tx: DbOrTx,
  caseId: string,
  action: CaseAction,
): Promise<Record<string, unknown> | null> {
  const [last] = await tx
    .select({ details: caseEvents.details })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, action)))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  return (last?.details as Record<string, unknown> | undefined) ?? null;
}

/** Working days the clock was paused by the last suspension, which ends today. */
export async function pausedDays(
  tx: DbOrTx,
  row: CaseRow,
  today: string,
): Promise<{ since: string; days: number }> {
  const last = await lastDetails(tx, row.id, 'suspend');
  const since = typeof last?.since === 'string' ? last.since : today;
  return { since, days: Math.max(0, await workingDaysBetween({ db: tx, from: since, to: today })) };
}

/** A 400 naming the field, with the problem in Chinese and English. */
export const fieldError = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

/** A day moved by a number of working days (none: the same day). */
export async function moveBy(tx: DbOrTx, day: string | null, days: number): Promise<string | null> {
  if (!day || days === 0) return day;
  return workingDeadline({ db: tx, from: day, days, unit: 'working_days' });
}

/** An assignee of a case: an active reviewer of the case's department (else 400 naming assigneeId). */
export async function reviewerOf(tx: DbOrTx, row: CaseRow, assigneeId: string) {
  const assignee = await loadActor(tx, assigneeId);
  const reviews = assignee?.grants.some(
    (g) => g.role === 'department_reviewer' && g.organisationId === row.departmentId,
  );
  if (!assignee || !reviews) {
    const department = await findOrganisation(tx, row.departmentId);
    throw new AppError('case.assignee_not_reviewer', {
      field: 'assigneeId',
      params: { department: department?.name ?? '' },
    });
  }
  return assignee;
}
