import { findOrCreateWalkInApplicant, type WalkInApplicant } from '../accounts/index.ts';
import type { AuditContext } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { listHalls } from '../organisations/index.ts';
import { counterTicket } from '../tickets/index.ts';
import type { Channel } from './submission.ts';

/** The applicant's consent to be represented by an agent (帮办代办授权). */
export type Consent = {
  signedBy: string;
  signedAt: string;
  /** 书面授权委托书 / 现场签字 / 电子签名 */
  method: 'written_authorisation' | 'on_site_signature' | 'e_signature';
  note?: string;
};

/** Who an application is for, when staff hand it in: the walk-in applicant, the window, the called ticket, the consent. */
export type OnBehalf = {
  applicant?: WalkInApplicant;
  windowId?: string;
  ticketId?: string;
  consent?: Consent;
};

/**
 * Where and for whom an application is handed in. An applicant applies online, or at the kiosk
 * its session is bound to (`kioskHallId`, server/kiosk). Staff apply for a walk-in applicant,
 * identified by ID card or business licence (found, or created without a password): a window
 * clerk at the counter of the hall run where the clerk holds that role (a street centre's or a
 * community station's too), anyone else as an agent with the applicant's consent, at the hall of
 * the agent's organisation (a street centre's, where it has one) as the place taken. A clerk whose
 * organisation runs no hall has no counter: one who is also an agent files as an agent, with the
 * consent; any other is refused (case.no_counter) before anything is written.
 * The case goes to the matter's department either way (its filing target): a counter accepts
 * what it took, an agent's application waits in the department's queue like an online one.
 * A counter filing may name the ticket called to the clerk's window (tickets' counterTicket checks
 * it); the case then keeps it and is taken at that ticket's window unless another is named.
 */
export async function channelOf(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  kioskHallId: string | null;
  onBehalf: OnBehalf;
}): Promise<Channel> {
  const { db, actor, onBehalf } = options;
  const clerk = actor.kind === 'staff' && actor.grants.some((g) => g.role === 'window_clerk');
  if (onBehalf.ticketId !== undefined && !clerk) {
    throw new AppError('validation.field', {
      field: 'ticketId',
      params: { problem: '仅窗口受理时可关联号票', problemEn: 'is for filings at a counter only' },
    });
  }
  if (actor.kind !== 'staff') {
    if (options.kioskHallId)
      return { kind: 'kiosk', applicantId: actor.accountId, hallId: options.kioskHallId };
    return { kind: 'online', applicantId: actor.accountId };
  }
  const walkIn = onBehalf.applicant;
  if (!walkIn) {
    throw new AppError('validation.field', {
      field: 'applicant',
      params: { problem: '须填写申请人身份信息', problemEn: 'is required when applying for someone' },
    });
  }
  const ticket = onBehalf.ticketId ? await counterTicket(db, actor, onBehalf.ticketId) : null;
  const hallId = clerk ? (ticket?.hallId ?? (await counterOf(db, actor))) : null;
  if (clerk && !hallId && !actor.grants.some((g) => g.role === 'agent')) {
    throw new AppError('case.no_counter');
  }
  if (!hallId && !onBehalf.consent) {
    throw new AppError('validation.field', {
      field: 'consent',
      params: { problem: '代办须记录申请人的授权', problemEn: "the applicant's consent is required" },
    });
  }
  const applicantId = await findOrCreateWalkInApplicant({ db, audit: options.audit, input: walkIn });
  if (hallId) {
    return {
      kind: 'counter',
      applicantId,
      hallId,
      windowId: onBehalf.windowId ?? ticket?.windowId ?? null,
      ticketId: ticket?.id ?? null,
    };
  }
  const agency = actor.grants.find((g) => g.role === 'agent' && g.organisationId)?.organisationId;
  return {
    kind: 'agent',
    applicantId,
    agentId: actor.accountId,
    consent: onBehalf.consent!,
    hallId: await hallOf(db, agency ?? actor.organisationId),
  };
}

/**
 * The clerk's counter: the active hall of an organisation where the clerk holds the window_clerk
 * role (whose cases the clerk then sees), or null when none runs one.
 */
async function counterOf(db: Db, actor: Actor): Promise<string | null> {
  for (const grant of actor.grants) {
    if (grant.role !== 'window_clerk') continue;
    const hallId = await hallOf(db, grant.organisationId);
    if (hallId) return hallId;
  }
  return null;
}

/** The active hall an organisation runs (the first by name when it runs several), or null. */
async function hallOf(db: Db, organisationId: string | null): Promise<string | null> {
  if (!organisationId) return null;
  const [hall] = await listHalls({ db, filter: { organisationId, active: true } });
  return hall?.id ?? null;
}
