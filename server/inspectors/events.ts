import { sql } from 'drizzle-orm';
import type { EventKind } from '../../common/inspectors/lists.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Tx } from '../core/db/client.ts';
import { inspectorFindingEvents } from './tables.ts';

/** Records a step of a finding in its timeline and in the audit trail. */
export async function recordStep(
  tx: Tx,
  audit: AuditContext,
  step: {
    findingId: string;
    findingNo: string;
    kind: EventKind;
    actorId: string | null;
    detail?: Record<string, unknown>;
    at?: Date;
  },
): Promise<void> {
  const detail = step.detail ?? {};
  await tx.insert(inspectorFindingEvents).values({
    findingId: step.findingId,
    kind: step.kind,
    actorId: step.actorId,
    detail,
    ...(step.at ? { at: step.at } : {}),
  });
  await recordAudit(tx, audit, {
    action: `inspector.finding_${step.kind}`,
    targetType: 'inspector_finding',
    targetId: step.findingId,
    summary: { findingNo: step.findingNo, ...detail },
  });
}

/** Moves a finding on: sets its columns and bumps its version. */
export async function updateFinding(tx: Tx, id: string, set: ReturnType<typeof sql>): Promise<void> {
  await tx.execute(
    sql`UPDATE inspector_findings SET ${set}, version = version + 1, updated_at = now() WHERE id = ${id}`,
  );
}
