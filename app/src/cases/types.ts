import type { CaseAction, CaseStatus } from '../../../common/cases/state-machine.ts';
import type { TimeLimit } from '../../../common/catalogue/guide.ts';

export type Warning = 'none' | 'yellow' | 'red';
export type CaseChannel = 'online' | 'counter' | 'kiosk' | 'agent';

/** One case in a list (GET /api/cases). */
export type CaseSummary = {
  id: string;
  caseNo: string;
  implementationId: string;
  departmentId: string;
  regionCode: string;
  applicantId: string;
  channel: CaseChannel;
  status: CaseStatus;
  caseType: 'immediate' | 'promised' | 'escalated';
  warning: Warning;
  gaps: string[];
  gapDeadline: string | null;
  acceptedOn: string | null;
  promisedDeadline: string | null;
  legalDeadline: string | null;
  visits: number;
  onPromise: boolean;
  version: number;
  submittedAt: string | null;
  concludedAt: string | null;
  /** The matter's name in the version the case was filed under. */
  matterName: string;
  applicantName: string;
  /** The applicant's ID number (masked) or credit code. */
  applicantLogin: string;
};

export type CaseFile = {
  id?: string;
  /** Null for a material taken from an e-certificate or a base (a reference, no file). */
  sha256: string | null;
  fileName: string;
  /** applicant | clerk_scan (uploaded) | e_certificate | shared_case | registry (reused) */
  source: string;
  reference?: Record<string, unknown> | null;
  at: string;
};

export type CaseMaterial = {
  key: string;
  name: string;
  required: boolean;
  gapAllowed: boolean;
  supplied: boolean;
  gap: boolean;
  files: CaseFile[];
};

export type TimelineEvent = {
  seq: number;
  action: CaseAction;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actorId: string | null;
  actorRole: string | null;
  actorName?: string | null;
  details: Record<string, unknown>;
  visit: boolean;
  at: string;
};

export type DeliveryChoice = {
  method: 'window_pickup' | 'post';
  recipient?: string;
  phone?: string;
  address?: string;
};

/** Personal values of a case staff see masked and may reveal (POST /api/cases/:id/reveal). */
export type RevealField = 'applicantIdNumber' | 'applicantPhone' | 'postalPhone' | 'postalAddress';

/** One case with everything its page shows (GET /api/cases/:id). */
export type CaseDetail = CaseSummary & {
  queryCode: string;
  matterName: string;
  departmentName: string;
  formData: { phone?: string; remark?: string; delivery?: DeliveryChoice; [key: string]: unknown };
  agentId: string | null;
  /** The applicant's consent recorded by the agent (帮办代办授权). */
  consent: { signedBy: string; signedAt: string; method: string; note?: string } | null;
  hallId: string | null;
  windowId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Fields shown masked that this user may reveal (each view audited). */
  revealable: RevealField[];
  delivery: 'window_pickup' | 'post' | null;
  trackingNo: string | null;
  workingDaysUsed: number | null;
  promise: {
    visitsRequired: number;
    promisedLimit: TimeLimit;
    legalLimit: TimeLimit;
    promiseAllowed: boolean;
  };
  materials: CaseMaterial[];
  /** Materials reused from certificates, bases or earlier cases, and uploaded (材料减免). */
  materialCounts?: { reused: number; uploaded: number };
  /** The notices the case has produced (PDF at GET /api/cases/:id/notices/:kind). */
  notices?: string[];
  timeline: TimelineEvent[];
};

/** The public progress look-up (GET /api/progress). */
export type Progress = {
  caseNo: string;
  matterName: string;
  departmentName: string;
  status: CaseStatus;
  submittedAt: string | null;
  acceptedOn: string | null;
  promisedDeadline: string | null;
  concludedAt: string | null;
  trackingNo: string | null;
  steps: { action: CaseAction; toStatus: CaseStatus; at: string }[];
};

/** A material as handed to the submission or to an action. */
export type MaterialRef = { key: string; sha256: string; fileName: string };

/** The body of an action on a case. */
export type ActionBody = {
  reason?: string;
  legalBasis?: string;
  problems?: { materialKey?: string; problem: string }[];
  gaps?: string[];
  gapDeadline?: string;
  materials?: MaterialRef[];
  procedure?: string;
  expectedEnd?: string;
  method?: 'window_pickup' | 'post';
  address?: { recipient: string; phone: string; address: string };
  sameVisit?: boolean;
  promise?: string;
  assigneeId?: string;
};
