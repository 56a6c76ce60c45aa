/** The notices a case produces, as PDFs handed or sent to the applicant. */
export const NOTICE_KINDS = ['acceptance', 'non_acceptance', 'supplement', 'approval', 'denial'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Chinese titles of the notices. */
export const NOTICE_TITLES: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  non_acceptance: '不予受理通知书',
  supplement: '补正材料通知书',
  approval: '准予行政许可决定书',
  denial: '不予行政许可决定书',
};

/**
 * What a notice shows about a case. Dates are ISO dates ('2025-03-14', China time) or
 * ISO timestamps. Fields marked "for …" are needed only by those notices.
 */
export type CaseView = {
  caseNo: string;
  /** The query code printed beside the case number; with it anyone can look the case up. */
  queryCode: string;
  matterName: string;
  /** The person's name or the company's name, as the notice addresses them. */
  applicantName: string;
  /** The organisation that issues the notice: the competent department. */
  issuerName: string;
  /** Where to hand in materials or pick up the result, e.g. '西安市政务服务中心 综合窗口'. */
  placeName?: string | null;
  submittedAt: string;
  /** The day the notice is issued; today (China time) when not given. */
  issuedOn?: string | null;
  /** Whether the matter is an administrative licence (行政许可), so the Administrative Licensing Law is cited. Default true. */
  licensing?: boolean;
  /** For acceptance and approval. */
  acceptedOn?: string | null;
  /** For acceptance: the promised and the legal deadline. */
  promisedDeadline?: string | null;
  legalDeadline?: string | null;
  /** For acceptance under 容缺: the names of the materials still to come, and by when. */
  gaps?: string[];
  gapDeadline?: string | null;
  /** For supplement (一次性告知): every problem found, in one list. */
  problems?: { material: string; problem: string }[];
  supplementDeadline?: string | null;
  /** For non-acceptance and denial: why, and under which provisions. */
  reason?: string | null;
  legalBasis?: string[];
  /** For non-acceptance and denial: where an administrative reconsideration may be applied for. */
  reconsiderationBody?: string | null;
  /** For approval: the licence or other result issued. */
  result?: { name: string; number?: string | null; validUntil?: string | null } | null;
  /**
   * For approval: what is approved, as the licence prints it from the application form
   * (经营场所, 主体业态, 经营项目 …), each quoted as a line `label：text`. None: not quoted.
   */
  particulars?: { label: string; text: string }[];
  /** For approval: approved on the applicant's promise (告知承诺). */
  onPromise?: boolean;
  /** For approval: how the result reaches the applicant. */
  delivery?: 'window_pickup' | 'post' | null;
  deliveryAddress?: string | null;
  /** A telephone number for questions. */
  contactPhone?: string | null;
};
