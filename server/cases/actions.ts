import { and, desc, eq } from 'drizzle-orm';
import type { CaseAction } from '../../common/cases/state-machine.ts';
import { loadActor } from '../accounts/actors.ts';
import { todayInChina, workingDaysBetween, workingDeadline } from '../calendar/service.ts';
import { certificateOnConclusion } from '../certificates/case-issue.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { findOrganisation } from '../organisations/service.ts';
import { attachmentsOf } from './attachments.ts';
import { type DeliveryProvider, sandboxDelivery } from './delivery.ts';
import { addAttachments, checkMaterials, type MaterialInput } from './submission.ts';
import { requireOwnUploads } from './submission-materials.ts';
import { caseEvents, creditRecords } from './tables.ts';
import {
  type ActingParty,
  type CaseRow,
  documentOf,
  runTransition,
  type TransitionPlan,
} from './transitions.ts';

/** The body of an action: what the person acting says and hands over. */
export type ActionInput = {
  version: number;
  reason?: string;
  legalBasis?: string;
  /** 一次性告知: the one complete list of problems. */
  problems?: { materialKey?: string; problem: string }[];
  /** 容缺: missing gap-allowed materials and the day by which they must arrive. */
  gaps?: string[];
  gapDeadline?: string;
  materials?: MaterialInput[];
  /** Materials already handed in by upload (POST /cases/:id/materials/:key), by attachment id. */
  attachmentIds?: string[];
  assigneeId?: string;
  /** 特别程序 */
  procedure?: string;
  expectedEnd?: string;
  /** Delivery of the result. */
  method?: 'window_pickup' | 'post';
  address?: { recipient: string; phone: string; address: string };
  /** The result is handed over in the visit the applicant is already on (即办件). */
  sameVisit?: boolean;
  /** 告知承诺: the text the applicant signed. */
  promise?: string;
};

export type ActOptions = {
  db: Db;
  caseId: string;
  action: CaseAction;
  input: ActionInput;
  /**
   * Who acts: the audit context and whether at a window (a supplement handed in there is a
   * visit), or a function deciding both from the case as read that throws when not allowed.
   */
  actor: ActingParty | ((row: CaseRow) => Promise<ActingParty> | ActingParty);
  today?: string;
  delivery?: DeliveryProvider;
};

const required = (value: string | undefined, field: string): string => {
  const text = value?.trim() ?? '';
  if (!text) {
    throw new AppError('validation.field', {
      field,
      params: { problem: '不能为空', problemEn: 'is required' },
    });
  }
  return text;
};

async function deadlines(db: DbOrTx, row: CaseRow, today: string) {
  const doc = await documentOf(db, row.versionId);
  const [promisedDeadline, legalDeadline] = await Promise.all([
    workingDeadline({ db, from: today, days: doc.promisedLimit.value, unit: doc.promisedLimit.unit }),
    workingDeadline({ db, from: today, days: doc.legalLimit.value, unit: doc.legalLimit.unit }),
  ]);
  return { acceptedOn: today, promisedDeadline, legalDeadline };
}

async function gapPlan(tx: DbOrTx, row: CaseRow, input: ActionInput, today: string): Promise<TransitionPlan> {
  const doc = await documentOf(tx, row.versionId);
  const gaps = [...new Set(input.gaps ?? [])];
  gaps.forEach((key, i) => {
    const material = doc.materials.find((m) => m.key === key);
    if (!material?.gapAllowed) {
      throw new AppError('validation.field', {
        field: `gaps/${i}`,
        params: {
          problem: '该材料不允许容缺受理',
          problemEn: 'this material may not be accepted with a gap',
        },
      });
    }
  });
  const gapDeadline = required(input.gapDeadline, 'gapDeadline');
  if (gapDeadline <= today) {
    throw new AppError('validation.field', {
      field: 'gapDeadline',
      params: { problem: '补齐期限须晚于今天', problemEn: 'must be after today' },
    });
  }
  return {
    patch: { gaps, gapDeadline, ...(await deadlines(tx, row, today)) },
    facts: { openGaps: gaps.length },
    details: { gaps, gapDeadline },
  };
}

/** Working days the clock was paused by the last suspension, which ends today. */
async function pausedDays(tx: DbOrTx, row: CaseRow, today: string): Promise<{ since: string; days: number }> {
  const [last] = await tx
    .select({ details: caseEvents.details })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.action, 'suspend')))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  const since = (last?.details as { since?: string } | undefined)?.since ?? today;
  return { since, days: Math.max(0, await workingDaysBetween({ db: tx, from: since, to: today })) };
}

async function moveBy(tx: DbOrTx, day: string | null, days: number): Promise<string | null> {
  if (!day || days === 0) return day;
  return workingDeadline({ db: tx, from: day, days, unit: 'working_days' });
}

/** An assignee of a case: an active reviewer of the case's department (else 400 naming assigneeId). */
async function reviewerOf(tx: DbOrTx, row: CaseRow, assigneeId: string) {
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

/** 改派: the new assignee must be an active reviewer of the case's department. */
async function reassignPlan(tx: DbOrTx, row: CaseRow, input: ActionInput): Promise<TransitionPlan> {
  const assigneeId = required(input.assigneeId, 'assigneeId');
  const reason = required(input.reason, 'reason');
  if (assigneeId === row.assigneeId) {
    throw new AppError('validation.field', {
      field: 'assigneeId',
      params: { problem: '已是本件的承办人', problemEn: 'is already the assignee' },
    });
  }
  const assignee = await reviewerOf(tx, row, assigneeId);
  return {
    patch: { assigneeId },
    details: { fromAssigneeId: row.assigneeId, assigneeId, assigneeName: assignee.displayName, reason },
  };
}

type PlanOptions = Omit<ActOptions, 'actor'> & ActingParty & { today: string };
type Planner = (db: Db, row: CaseRow, options: PlanOptions) => Promise<TransitionPlan>;

const PLANS: Partial<Record<CaseAction, Planner>> = {
  accept: async (tx, row, { today }) => ({ patch: await deadlines(tx, row, today) }),
  accept_with_gaps: (tx, row, { input, today }) => gapPlan(tx, row, input, today),
  not_accept: async (_tx, _row, { input }) => ({
    details: {
      reason: required(input.reason, 'reason'),
      legalBasis: required(input.legalBasis, 'legalBasis'),
    },
  }),
  request_supplement: async (tx, row, { input }) => {
    const problems = input.problems ?? [];
    if (problems.length === 0) {
      throw new AppError('validation.field', {
        field: 'problems',
        params: { problem: '须一次性列明全部问题', problemEn: 'must list every problem at once' },
      });
    }
    const doc = await documentOf(tx, row.versionId);
    checkMaterials(
      doc,
      problems.flatMap((p) => (p.materialKey ? [{ key: p.materialKey, sha256: '', fileName: '' }] : [])),
      'problems',
    );
    return { details: { problems } };
  },
  resubmit: async (tx, row, { input, audit, atWindow }) => {
    const materials = input.materials ?? [];
    const document = await documentOf(tx, row.versionId);
    checkMaterials(document, materials);
    await requireOwnUploads({ db: tx, accountId: audit.actor?.accountId ?? null, document, materials });
    const uploaded = await attachmentsOf(tx, row.id, input.attachmentIds ?? []);
    return {
      details: {
        materials: [...materials.map((m) => m.key), ...uploaded.map((a) => a.materialKey)],
        ...(uploaded.length ? { attachmentIds: uploaded.map((a) => a.id) } : {}),
        ...(atWindow ? { atWindow } : {}),
      },
      visit: !!atWindow,
      also: (t) =>
        addAttachments(
          t,
          row.id,
          materials,
          atWindow ? 'clerk_scan' : 'applicant',
          audit.actor?.accountId ?? null,
        ),
    };
  },
  supply_gap: async (tx, row, { input, audit, atWindow }) => {
    const materials = input.materials ?? [];
    const document = await documentOf(tx, row.versionId);
    checkMaterials(document, materials);
    await requireOwnUploads({ db: tx, accountId: audit.actor?.accountId ?? null, document, materials });
    const uploaded = await attachmentsOf(tx, row.id, input.attachmentIds ?? []);
    const open = row.gaps as string[];
    const handedIn = [...materials.map((m) => m.key), ...uploaded.map((a) => a.materialKey)];
    const supplied = [...new Set(handedIn.filter((k) => open.includes(k)))];
    if (supplied.length === 0) {
      throw new AppError('validation.field', {
        field: 'materials',
        params: {
          problem: '未包含任何待补齐的容缺材料',
          problemEn: 'contains none of the missing materials',
        },
      });
    }
    const gaps = open.filter((k) => !supplied.includes(k));
    return {
      patch: { gaps, gapDeadline: gaps.length ? row.gapDeadline : null },
      facts: { openGaps: gaps.length },
      details: {
        supplied,
        stillMissing: gaps,
        ...(uploaded.length ? { attachmentIds: uploaded.map((a) => a.id) } : {}),
        ...(atWindow ? { atWindow } : {}),
      },
      visit: !!atWindow,
      also: (t) =>
        addAttachments(
          t,
          row.id,
          materials,
          atWindow ? 'clerk_scan' : 'applicant',
          audit.actor?.accountId ?? null,
        ),
    };
  },
  // The one who starts the review takes it, or names a reviewer of the department who does.
  start_review: async (tx, row, { input, audit }) => {
    const self = audit.actor?.accountId ?? null;
    const assigneeId = input.assigneeId ?? self;
    if (assigneeId !== null && assigneeId !== self) await reviewerOf(tx, row, assigneeId);
    return { patch: { assigneeId }, details: { assigneeId } };
  },
  approve: async (_tx, _row, { input }) => ({ details: input.reason ? { reason: input.reason.trim() } : {} }),
  deny: async (_tx, _row, { input }) => ({
    details: { reason: required(input.reason, 'reason'), legalBasis: input.legalBasis?.trim() ?? '' },
  }),
  suspend: async (_tx, _row, { input, today }) => ({
    details: {
      procedure: required(input.procedure, 'procedure'),
      reason: required(input.reason, 'reason'),
      expectedEnd: required(input.expectedEnd, 'expectedEnd'),
      since: today,
    },
  }),
  resume: async (tx, row, { today }) => {
    const paused = await pausedDays(tx, row, today);
    return {
      patch: {
        promisedDeadline: await moveBy(tx, row.promisedDeadline, paused.days),
        legalDeadline: await moveBy(tx, row.legalDeadline, paused.days),
        pausedDays: row.pausedDays + paused.days,
      },
      details: { since: paused.since, pausedDays: paused.days },
    };
  },
  reassign: (tx, row, { input }) => reassignPlan(tx, row, input),
  hand_back: async (_tx, row, { input, audit }) => {
    if (!row.assigneeId || row.assigneeId !== audit.actor?.accountId) throw new AppError('case.not_assignee');
    return {
      patch: { assigneeId: null },
      details: { fromAssigneeId: row.assigneeId, reason: required(input.reason, 'reason') },
    };
  },
  escalate: async (_tx, _row, { input }) => ({ details: { reason: required(input.reason, 'reason') } }),
  withdraw: async (_tx, _row, { input }) => ({ details: { reason: input.reason?.trim() ?? '' } }),
  terminate: async (_tx, _row, { input }) => ({ details: { reason: required(input.reason, 'reason') } }),
  conclude: async (db, row, { today, audit }) => {
    const used = row.acceptedOn ? await workingDaysBetween({ db, from: row.acceptedOn, to: today }) : 0;
    const workingDaysUsed = Math.max(0, used - row.pausedDays);
    const doc = await documentOf(db, row.versionId);
    // 办结出证: a certificate result is issued and sealed with the conclusion, in its statement.
    const certificate = await certificateOnConclusion({
      db,
      audit,
      concluded: {
        ...row,
        formData: row.formData as Record<string, unknown>,
        matterName: doc.name,
        result: doc.result,
      },
    });
    return {
      patch: { concludedAt: new Date(), workingDaysUsed },
      details: { workingDaysUsed },
      ...(certificate ? { gated: certificate.writes, guard: certificate.guard } : {}),
    };
  },
  deliver: async (_tx, row, { input, delivery }) => {
    if (input.method === 'post') {
      const address = input.address;
      if (!address) {
        throw new AppError('validation.field', {
          field: 'address',
          params: { problem: '邮寄送达须填写收件地址', problemEn: 'is required for delivery by post' },
        });
      }
      const { trackingNo } = await (delivery ?? sandboxDelivery).dispatch({ caseNo: row.caseNo, address });
      return {
        patch: { delivery: 'post', deliveryAddress: address, trackingNo },
        details: { method: 'post', trackingNo },
      };
    }
    const visit = !input.sameVisit;
    return { patch: { delivery: 'window_pickup' }, details: { method: 'window_pickup' }, visit };
  },
  approve_on_promise: async (tx, row, { input, today }) => ({
    patch: { onPromise: true, ...(await deadlines(tx, row, today)) },
    details: { promise: required(input.promise, 'promise') },
  }),
  verify: async (_tx, _row, { input }) => ({ details: { note: input.reason?.trim() ?? '' } }),
  revoke: async (_tx, row, { input, audit }) => {
    const reason = required(input.reason, 'reason');
    return {
      details: { reason },
      alsoLeavesPage: true,
      also: async (t) => {
        await t.insert(creditRecords).values({
          accountId: row.applicantId,
          caseId: row.id,
          reason,
          createdBy: audit.actor?.accountId ?? null,
        });
      },
    };
  },
};

/** Does one named action on a case (see the state machine), with its timeline event and audit record. */
export async function actOnCase(options: ActOptions): Promise<CaseRow> {
  const today = options.today ?? todayInChina();
  const planner = PLANS[options.action];
  const { actor } = options;
  return runTransition({
    db: options.db,
    caseId: options.caseId,
    version: options.input.version,
    action: options.action,
    actor: typeof actor === 'function' ? actor : () => actor,
    plan: planner ? (row, party) => planner(options.db, row, { ...options, ...party, today }) : undefined,
  });
}
