import type { CaseAction } from '../../common/cases/state-machine.ts';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { messageRows } from '../notifications/index.ts';
import { problemSubject, type SupplementProblem } from './supplement-form.ts';

/** What the applicant is told about a case event: a title and one short paragraph. */
export type CaseMessage = { title: string; body: string };

type Facts = {
  caseNo: string;
  document: ImplementationDocument;
  details: Record<string, unknown>;
  promisedDeadline: string | null;
  trackingNo: string | null;
};

const materialName = (document: ImplementationDocument, key: string | undefined) =>
  (key && document.materials.find((m) => m.key === key)?.name) || '其他';

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The messages by event; an event not listed here tells the applicant nothing. */
const MESSAGES: Partial<Record<CaseAction, (f: Facts, subject: string) => CaseMessage>> = {
  submit: (_f, s) => ({ title: '申请已收到', body: `${s}已提交，等待受理。` }),
  request_supplement: (f, s) => {
    const problems = (f.details.problems ?? []) as SupplementProblem[];
    const list = problems.map((p, i) => `${i + 1}.${problemSubject(f.document, p)}：${p.problem}`).join('；');
    return {
      title: '请补正材料',
      body: `${s}需补正以下 ${problems.length} 项（一次性告知）：${list}。请在线或到窗口一次性补正。`,
    };
  },
  not_accept: (f, s) => ({ title: '申请不予受理', body: `${s}不予受理，理由：${str(f.details.reason)}。` }),
  accept: (f, s) => ({
    title: '申请已受理',
    body: `${s}已受理${f.promisedDeadline ? `，承诺于${f.promisedDeadline}前办结` : ''}。`,
  }),
  accept_with_gaps: (f, s) => {
    const gaps = ((f.details.gaps ?? []) as string[]).map((k) => materialName(f.document, k));
    return {
      title: '申请已容缺受理',
      body: `${s}已容缺受理，请于${str(f.details.gapDeadline)}前补齐：${gaps.join('、')}；补齐前结果暂缓出具。`,
    };
  },
  approve: (_f, s) => ({ title: '准予许可', body: `${s}已审批通过，准予许可。` }),
  approve_on_promise: (_f, s) => ({
    title: '告知承诺准予许可',
    body: `${s}已依您的承诺当场准予许可；承诺内容将接受核查。`,
  }),
  deny: (f, s) => ({ title: '不予许可', body: `${s}不予许可，理由：${str(f.details.reason)}。` }),
  conclude: (_f, s) => ({ title: '办件已办结', body: `${s}已办结，办理结果待送达。` }),
  deliver: (f, s) =>
    f.trackingNo
      ? { title: '办理结果已寄出', body: `${s}的办理结果已邮寄，快递单号 ${f.trackingNo}。` }
      : { title: '办理结果已领取', body: `${s}的办理结果已在窗口领取。` },
  receive_originals: (f, s) => ({
    title: '原件已收到',
    body: `${s}邮寄的原件（快递单号 ${str(f.details.trackingNo)}）已签收，无需再到现场提交。`,
  }),
  revoke: (f, s) => ({
    title: '许可已撤销',
    body: `${s}经核查承诺不实，准予许可已撤销，理由：${str(f.details.reason)}。`,
  }),
  terminate: (f, s) => ({ title: '办件已终止', body: `${s}已终止办理，理由：${str(f.details.reason)}。` }),
};

/** The message for an event of a case, or null when the applicant is not told of it. */
export function caseMessage(action: CaseAction, facts: Facts): CaseMessage | null {
  const message = MESSAGES[action];
  return message ? message(facts, `您的“${facts.document.name}”申请（办件编号 ${facts.caseNo}）`) : null;
}

type CaseFactsForMessage = {
  id: string;
  caseNo: string;
  applicantId: string;
  promisedDeadline: string | null;
  trackingNo: string | null;
};

function messageOf(
  row: CaseFactsForMessage,
  action: CaseAction,
  document: ImplementationDocument,
  details: Record<string, unknown>,
) {
  const message = caseMessage(action, {
    caseNo: row.caseNo,
    document,
    details,
    promisedDeadline: row.promisedDeadline,
    trackingNo: row.trackingNo,
  });
  return message && { ...message, subject: { caseId: row.id, caseNo: row.caseNo, event: action } };
}

/**
 * The message rows (in-app, SMS to a mobile phone, queued for the gateway) telling the applicant
 * of a case event, for the caller to write with the event; none when the applicant is not told of it.
 */
export function applicantMessageRows(
  row: CaseFactsForMessage,
  phone: string | null,
  action: CaseAction,
  document: ImplementationDocument,
  details: Record<string, unknown>,
) {
  const message = messageOf(row, action, document, details);
  return message ? messageRows({ accountId: row.applicantId, phone, ...message }) : [];
}
