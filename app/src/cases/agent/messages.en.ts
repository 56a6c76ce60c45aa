import type { agentZh } from './messages.zh-CN.ts';

/** The UI strings of the agent service in English. */
export const agentEn: typeof agentZh = {
  applyTitle: 'Apply as agent',
  applyIntro:
    "Apply on an applicant's behalf: identify the applicant, record the applicant's consent, choose the matter and upload the materials. The applicant then sees the case under My cases online; someone registered at a window can claim that account on the registration page.",
  consent: "Applicant's consent",
  signedBy: 'Signed by',
  signedByHint: 'The applicant or the legal representative',
  signedAt: 'Signed on',
  futureDate: 'The date cannot be later than today',
  method: 'Form of consent',
  methods: {
    written_authorisation: 'Written power of attorney',
    on_site_signature: 'Signed in person',
    e_signature: 'Electronic signature',
  },
  note: 'Note',
  notePlaceholder: 'E.g. number of the power of attorney, where the original is kept (optional)',
  submit: 'Submit the application',
  submitted: 'Application submitted, case number {{caseNo}}',
  casesTitle: 'My agent cases',
  casesIntro: "Cases you filed for applicants. The applicant's consent is shown on each case.",
  agentName: 'Agent',
};
