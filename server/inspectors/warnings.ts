import { sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { todayInChina, workingDeadline } from '../calendar/index.ts';
import type { Tx } from '../core/db/client.ts';
import { inspectorFindingEvents } from './tables.ts';

const SYSTEM: AuditContext = {
  actor: null,
  role: 'system',
  clientAddress: null,
  requestId: 'inspector-warnings',
};

/**
 * Refreshes the warnings of findings being rectified, on the working-day calendar: red past the
 * due day, yellow on it or with one working day left, none otherwise. A finding whose warning
 * rises gets a step in its timeline and an audit record. Returns how many changed.
 */
export async function refreshFindingWarnings(tx: Tx, now: Date = new Date()): Promise<{ changed: number }> {
  const today = todayInChina(now);
  const nextWorkingDay = await workingDeadline({ db: tx, from: today, days: 1, unit: 'working_days' });
  const level = sql`CASE WHEN due_date < ${today}::date THEN 'red'
    WHEN due_date <= ${nextWorkingDay}::date THEN 'yellow' ELSE 'none' END`;
  const { rows } = await tx.execute(
    sql`UPDATE inspector_findings SET warning = ${level}
        WHERE status = 'assigned' AND due_date IS NOT NULL AND warning <> ${level}
        RETURNING id, finding_no, warning, due_date::text AS due_date`,
  );
  for (const row of rows) {
    if (row.warning === 'none') continue;
    const detail = { warning: row.warning as string, dueDate: row.due_date as string };
    await tx.insert(inspectorFindingEvents).values({
      findingId: row.id as string,
      kind: 'warned',
      actorId: null,
      detail,
      at: now,
    });
    await recordAudit(tx, SYSTEM, {
      action: 'inspector.finding_warned',
      targetType: 'inspector_finding',
      targetId: row.id as string,
      summary: { findingNo: row.finding_no as string, ...detail },
    });
  }
  return { changed: rows.length };
}
