import type { creditZh } from './messages.zh-CN.ts';

/** The UI strings of the credit records page in English. */
export const creditEn: typeof creditZh = {
  title: 'Credit records',
  intro:
    'An applicant whose signed promise proved false, and whose approval was revoked, gets a credit record and may not be approved on promise again. Once the applicant has put things right, the head of the deciding department or a supervisor of the region can lift the record.',
  open: 'Open',
  lifted: 'Lifted',
  all: 'All',
  applicant: 'Applicant',
  caseNo: 'Case number',
  matter: 'Matter',
  reason: 'Reason',
  createdAt: 'Recorded',
  createdBy: 'Recorded by',
  state: 'State',
  liftedInfo: 'Lifted by {{name}} on {{at}}',
  liftReason: 'Reason for lifting',
  lift: 'Lift',
  liftTitle: 'Lift the credit record of {{name}}',
  liftHint: 'After lifting, the applicant may be approved on promise again. The audit trail records it.',
  liftReasonRule: 'Give the reason for lifting',
  liftDone: 'Lifted: the applicant may be approved on promise again',
  empty: 'No credit records',
};
