import { sql } from 'drizzle-orm';
import type { EventKind } from '../../common/hotline/lists.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Tx } from '../core/db/client.ts';
import { COUNTED_STEPS, keepingMonthly } from './monthly-keep.ts';
import { hotlineEvents } from './tables.ts';

/** Records a step of a request in its history and in the audit trail. */
export async function recordStep(
  tx: Tx,
  audit: AuditContext,
  step: {
    requestId: string;
    requestNo: string;
    kind: EventKind;
    actorId: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  const detail = step.detail ?? {};
  const insert = () =>
    tx
      .insert(hotlineEvents)
      .values({ requestId: step.requestId, kind: step.kind, actorId: step.actorId, detail });
  if (COUNTED_STEPS.has(step.kind)) await keepingMonthly(tx, [step.requestId], insert);
  else await insert();
  await recordAudit(tx, audit, {
    action: `hotline.${step.kind}`,
    targetType: 'hotline_request',
    targetId: step.requestId,
    summary: { requestNo: step.requestNo, ...detail },
  });
}

/** Moves a request on: sets its columns and bumps its version; its monthly figures follow. */
export async function updateRequest(tx: Tx, id: string, set: ReturnType<typeof sql>): Promise<void> {
  await keepingMonthly(tx, [id], () =>
    tx.execute(sql`UPDATE hotline_requests SET ${set}, version = version + 1 WHERE id = ${id}`),
  );
}
