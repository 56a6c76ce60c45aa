import type { CaseAction } from '../../common/cases/state-machine.ts';
import { clockStart, workingDaysBetween } from '../calendar/index.ts';
import { certificateOnConclusion } from '../certificates/index.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { attachmentsOf } from './attachments.ts';
import { type DeliveryProvider, sandboxDelivery } from './delivery.ts';
import { postOriginals, receiveOriginals } from './originals.ts';
import { deadlines, moveBy, pausedDays, required, reviewerOf } from './plan-parts.ts';
import { type CaseRow, documentOf } from './rows.ts';
import { addAttachments, checkMaterials, type MaterialInput } from './submission.ts';
import { requireOwnUploads } from './submission-materials.ts';
import { checkProblemTargets, correctedForm, type SupplementProblem } from './supplement-form.ts';
import { creditRecords } from './tables.ts';
import type { ActingParty, TransitionPlan } from './transition-write.ts';

/** The body of an action besides the version: what the person acting says and hands over. */
export type ActionInput = {
  reason?: string;
  legalBasis?: string;
  /** 一次性告知: the one complete list of problems, each about a material, a field of the form, or neither. */
  problems?: SupplementProblem[];
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
  /** 补正: corrected values of the case's form, by field key. */
  form?: Record<string, unknown>;
  /** 双向速递: the tracking number of originals posted to the hall, and the courier. */
  trackingNo?: string;
  carrier?: string;
};

/** What a planner knows besides the case: who acts, what they send, the day, the delivery service. */
export type PlanContext = ActingParty & { input: ActionInput; today: string; delivery?: DeliveryProvider };

/** Decides what one action changes on the case as read (and checks its input), before the write. */
export type Planner = (db: Db, row: CaseRow, context: PlanContext) => Promise<TransitionPlan>;

/** An action whose details are only the reason, which must be given. */
const reasoned: Planner = async (_db, _row, { input }) => ({
  details: { reason: required(input.reason, 'reason') },
});

/**
 * An action that hands in materials (补正 resubmit, 容缺补齐 supply_gap): files in the body the
 * actor uploaded, and files uploaded to the case beforehand (by attachment id). `settle` decides
 * what else changes from the keys handed in; at a window the hand-in is a visit and a clerk's scan.
 */
const handIn =
  (settle: (row: CaseRow, keys: string[]) => Omit<TransitionPlan, 'visit' | 'also'>): Planner =>
  async (db, row, { input, audit, atWindow }) => {
    const materials = input.materials ?? [];
    const document = await documentOf(db, row.versionId);
    checkMaterials(document, materials);
    const actorId = audit.actor?.accountId ?? null;
    await requireOwnUploads({ db, accountId: actorId, document, materials });
    const uploaded = await attachmentsOf(db, row.id, input.attachmentIds ?? []);
    const settled = settle(row, [...materials.map((m) => m.key), ...uploaded.map((a) => a.materialKey)]);
    return {
      ...settled,
      details: {
        ...settled.details,
        ...(uploaded.length ? { attachmentIds: uploaded.map((a) => a.id) } : {}),
        ...(atWindow ? { atWindow } : {}),
      },
      visit: !!atWindow,
      also: (tx) => addAttachments(tx, row.id, materials, atWindow ? 'clerk_scan' : 'applicant', actorId),
    };
  };

/** 容缺补齐: the gaps handed in are closed; handing in none of them is a 400. */
function closeGaps(row: CaseRow, keys: string[]) {
  const open = row.gaps as string[];
  const supplied = [...new Set(keys.filter((k) => open.includes(k)))];
  if (supplied.length === 0) {
    throw new AppError('validation.field', {
      field: 'materials',
      params: { problem: '未包含任何待补齐的容缺材料', problemEn: 'contains none of the missing materials' },
    });
  }
  const gaps = open.filter((k) => !supplied.includes(k));
  return {
    patch: { gaps, gapDeadline: gaps.length ? row.gapDeadline : null },
    facts: { openGaps: gaps.length },
    details: { supplied, stillMissing: gaps },
  };
}

/** 容缺受理: only gap-allowed materials, to be supplied by a day after today. */
const acceptWithGaps: Planner = async (db, row, { input, today }) => {
  const doc = await documentOf(db, row.versionId);
  const gaps = [...new Set(input.gaps ?? [])];
  gaps.forEach((key, i) => {
    if (!doc.materials.find((m) => m.key === key)?.gapAllowed) {
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
    patch: { gaps, gapDeadline, acceptedWithGaps: true, ...(await deadlines(db, row, today)) },
    facts: { openGaps: gaps.length },
    details: { gaps, gapDeadline },
  };
};

/** 一次性告知: every problem at once, each naming a material of the version or a field of the case's form, if any. */
const requestSupplement: Planner = async (db, row, { input }) => {
  const problems = input.problems ?? [];
  if (problems.length === 0) {
    throw new AppError('validation.field', {
      field: 'problems',
      params: { problem: '须一次性列明全部问题', problemEn: 'must list every problem at once' },
    });
  }
  const doc = await documentOf(db, row.versionId);
  checkProblemTargets(doc, row, problems);
  const listed = problems.map((p, i) => ({ ...p, problem: required(p.problem, `problems/${i}/problem`) }));
  return { details: { problems: listed } };
};

/**
 * 补正后重新提交: the materials handed in, and the fields of the form corrected (the form checked
 * again as a whole; see supplement-form.ts). The timeline names the fields that changed.
 */
const resubmit: Planner = async (db, row, context) => {
  const { input, audit } = context;
  const corrected = input.form
    ? await correctedForm({
        db,
        row,
        document: await documentOf(db, row.versionId),
        patch: input.form,
        accountId: audit.actor?.accountId ?? null,
      })
    : null;
  return handIn((_row, keys) => ({
    ...(corrected ? { patch: corrected.patch } : {}),
    details: { materials: keys, ...(corrected?.changed.length ? { fields: corrected.changed } : {}) },
  }))(db, row, context);
};

/** 改派: the new assignee must be an active reviewer of the case's department. */
const reassign: Planner = async (db, row, { input }) => {
  const assigneeId = required(input.assigneeId, 'assigneeId');
  const reason = required(input.reason, 'reason');
  if (assigneeId === row.assigneeId) {
    throw new AppError('validation.field', {
      field: 'assigneeId',
      params: { problem: '已是本件的承办人', problemEn: 'is already the assignee' },
    });
  }
  const assignee = await reviewerOf(db, row, assigneeId);
  return {
    patch: { assigneeId },
    details: { fromAssigneeId: row.assigneeId, assigneeId, assigneeName: assignee.displayName, reason },
  };
};

/**
 * 办结: the working days used since the clock started (the day of acceptance, or the next working day
 * after a Saturday, Sunday or holiday), less those paused; a certificate result is issued and sealed
 * in the same statement (办结出证).
 */
const conclude: Planner = async (db, row, { today, audit }) => {
  const from = row.acceptedOn ? await clockStart({ db, day: row.acceptedOn }) : null;
  const used = from ? await workingDaysBetween({ db, from, to: today }) : 0;
  const workingDaysUsed = Math.max(0, used - row.pausedDays);
  const doc = await documentOf(db, row.versionId);
  const certificate = await certificateOnConclusion({
    db,
    audit,
    concluded: {
      ...row,
      formData: row.formData as Record<string, unknown>,
      applicationForm:
        doc.form && row.form
          ? { definition: doc.form, values: (row.form as { values?: Record<string, unknown> }).values ?? {} }
          : null,
      matterName: doc.name,
      result: doc.result,
    },
  });
  return {
    patch: { concludedAt: new Date(), workingDaysUsed },
    details: { workingDaysUsed },
    ...(certificate ? { gated: certificate.writes, guard: certificate.guard } : {}),
  };
};

/** 送达: by post (dispatched now, tracked) or at the window (a visit, unless in the visit already on). */
const deliver: Planner = async (_db, row, { input, delivery }) => {
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
};

/** The planner of each action that changes more than the status (the others: none). */
export const PLANNERS: Partial<Record<CaseAction, Planner>> = {
  accept: async (db, row, { today }) => ({ patch: await deadlines(db, row, today) }),
  accept_with_gaps: acceptWithGaps,
  not_accept: async (_db, _row, { input }) => ({
    details: {
      reason: required(input.reason, 'reason'),
      legalBasis: required(input.legalBasis, 'legalBasis'),
    },
  }),
  request_supplement: requestSupplement,
  resubmit,
  supply_gap: handIn(closeGaps),
  // The one who starts the review takes it, or names a reviewer of the department who does.
  start_review: async (db, row, { input, audit }) => {
    const self = audit.actor?.accountId ?? null;
    const assigneeId = input.assigneeId ?? self;
    if (assigneeId !== null && assigneeId !== self) await reviewerOf(db, row, assigneeId);
    return { patch: { assigneeId }, details: { assigneeId } };
  },
  approve: async (_db, _row, { input }) => ({ details: input.reason ? { reason: input.reason.trim() } : {} }),
  deny: async (_db, _row, { input }) => ({
    details: { reason: required(input.reason, 'reason'), legalBasis: input.legalBasis?.trim() ?? '' },
  }),
  suspend: async (_db, _row, { input, today }) => ({
    details: {
      procedure: required(input.procedure, 'procedure'),
      reason: required(input.reason, 'reason'),
      expectedEnd: required(input.expectedEnd, 'expectedEnd'),
      since: today,
    },
  }),
  resume: async (db, row, { today }) => {
    const paused = await pausedDays(db, row, today);
    return {
      patch: {
        promisedDeadline: await moveBy(db, row.promisedDeadline, paused.days),
        legalDeadline: await moveBy(db, row.legalDeadline, paused.days),
        pausedDays: row.pausedDays + paused.days,
      },
      details: { since: paused.since, pausedDays: paused.days },
    };
  },
  reassign,
  hand_back: async (_db, row, { input, audit }) => {
    if (!row.assigneeId || row.assigneeId !== audit.actor?.accountId) throw new AppError('case.not_assignee');
    return {
      patch: { assigneeId: null },
      details: { fromAssigneeId: row.assigneeId, reason: required(input.reason, 'reason') },
    };
  },
  escalate: reasoned,
  withdraw: async (_db, _row, { input }) => ({ details: { reason: input.reason?.trim() ?? '' } }),
  terminate: reasoned,
  conclude,
  deliver,
  post_originals: (db, row, { input }) => postOriginals(db, row, input),
  receive_originals: (db, row, { input }) => receiveOriginals(db, row, input),
  approve_on_promise: async (db, row, { input, today }) => ({
    patch: { onPromise: true, ...(await deadlines(db, row, today)) },
    details: { promise: required(input.promise, 'promise') },
  }),
  verify: async (_db, _row, { input }) => ({ details: { note: input.reason?.trim() ?? '' } }),
  // 承诺不实: the permit is revoked and the applicant gets a credit record (告知承诺 失信).
  revoke: async (_db, row, { input, audit }) => {
    const reason = required(input.reason, 'reason');
    return {
      details: { reason },
      alsoLeavesPage: true,
      also: async (tx) => {
        await tx.insert(creditRecords).values({
          accountId: row.applicantId,
          caseId: row.id,
          reason,
          createdBy: audit.actor?.accountId ?? null,
        });
      },
    };
  },
};
