import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { fieldError, required } from './plan-parts.ts';
import type { CaseRow } from './rows.ts';
import { caseEvents } from './tables.ts';
import type { TransitionPlan } from './transition-write.ts';

/** What the person recording a parcel says: its number, the courier, a note. */
export type ParcelInput = { trackingNo?: string; carrier?: string; reason?: string };

/*
 * 双向速递, inbound: the applicant posts paper originals to the hall instead of bringing them. The
 * tracking number is recorded on the case (post_originals: by the applicant, the agent, or staff who
 * were told it), and the hall records the parcel's receipt (receive_originals). Neither is a visit.
 * The case keeps both as timeline events; the parcels are read back from them.
 */

/** A parcel of originals: its number, who carries it, when posted (if announced) and when received. */
export type Parcel = {
  trackingNo: string;
  carrier: string | null;
  postedAt: Date | null;
  receivedAt: Date | null;
};

/** Letters, digits and dashes (SF1234567890, EA123456789CN, JDX000123-1-1): 6 to 40, spaces dropped, upper case. */
const TRACKING_NO = /^[A-Z0-9][A-Z0-9-]{4,38}[A-Z0-9]$/;

/** The tracking number as given, normalised, or a 400 naming `trackingNo`. */
export function trackingNumber(value: string | undefined): string {
  const number = required(value, 'trackingNo').replace(/\s+/g, '').toUpperCase();
  if (!TRACKING_NO.test(number)) {
    throw fieldError(
      'trackingNo',
      '快递单号应为 6 至 40 位字母、数字或连字符',
      'must be 6 to 40 letters, digits or dashes',
    );
  }
  return number;
}

/** The case's parcels of originals, in the order first announced or received. */
export async function parcelsOf(db: DbOrTx, caseId: string): Promise<Parcel[]> {
  const events = await db
    .select({ action: caseEvents.action, details: caseEvents.details, at: caseEvents.at })
    .from(caseEvents)
    .where(
      and(eq(caseEvents.caseId, caseId), inArray(caseEvents.action, ['post_originals', 'receive_originals'])),
    )
    .orderBy(asc(caseEvents.seq));
  const parcels = new Map<string, Parcel>();
  for (const event of events) {
    const details = event.details as { trackingNo?: string; carrier?: string };
    if (!details.trackingNo) continue;
    const parcel = parcels.get(details.trackingNo) ?? {
      trackingNo: details.trackingNo,
      carrier: null,
      postedAt: null,
      receivedAt: null,
    };
    if (details.carrier) parcel.carrier = details.carrier;
    if (event.action === 'post_originals') parcel.postedAt = event.at;
    else parcel.receivedAt = event.at;
    parcels.set(parcel.trackingNo, parcel);
  }
  return [...parcels.values()];
}

/** 邮寄原件: a new tracking number (the same one twice is a 400), with its courier if said. */
export async function postOriginals(db: DbOrTx, row: CaseRow, input: ParcelInput): Promise<TransitionPlan> {
  const trackingNo = trackingNumber(input.trackingNo);
  const carrier = input.carrier?.trim() || null;
  if ((await parcelsOf(db, row.id)).some((p) => p.trackingNo === trackingNo)) {
    throw fieldError('trackingNo', '该快递单号已登记', 'is already recorded for this case');
  }
  return { details: { trackingNo, ...(carrier ? { carrier } : {}) }, visit: false };
}

/**
 * 原件收件: the parcel received, by its number; without one, the only parcel announced and not yet
 * received. A parcel nobody announced may be received by its number; one received already is a 400.
 */
export async function receiveOriginals(
  db: DbOrTx,
  row: CaseRow,
  input: ParcelInput,
): Promise<TransitionPlan> {
  const parcels = await parcelsOf(db, row.id);
  const waiting = parcels.filter((p) => p.receivedAt === null);
  let trackingNo: string;
  if (input.trackingNo?.trim()) trackingNo = trackingNumber(input.trackingNo);
  else if (waiting.length === 1) trackingNo = waiting[0]!.trackingNo;
  else {
    throw waiting.length === 0
      ? fieldError(
          'trackingNo',
          '没有在途的原件邮件，请填写所收邮件的快递单号',
          'is required: no parcel is announced',
        )
      : fieldError(
          'trackingNo',
          '有多件在途邮件，请填写所收邮件的快递单号',
          'is required: several parcels are announced',
        );
  }
  const parcel = parcels.find((p) => p.trackingNo === trackingNo);
  if (parcel?.receivedAt) throw fieldError('trackingNo', '该邮件已签收', 'was already received');
  const note = input.reason?.trim();
  return {
    details: { trackingNo, ...(parcel ? {} : { announced: false }), ...(note ? { note } : {}) },
    visit: false,
  };
}
