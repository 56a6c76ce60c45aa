import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import {
  decideReview,
  REVISITS,
  type RevisitView,
  recordContact,
  recordRectification,
  requestReview,
} from './api.ts';
import type { RevisitKey } from './messages.zh-CN.ts';

/** What is done to a revisit task: 记录回访, 录入整改结果, 申请复核, or the supervisor's decision. */
export type RevisitStep = 'contact' | 'rectify' | 'request' | 'uphold' | 'reject';

type StepSpec = {
  title: string;
  ok: string;
  hint: string;
  field: string;
  rule: string;
  done: string;
  max: number;
  danger?: boolean;
  send: (id: string, text: string) => Promise<unknown>;
};

/** The dialog of one step on a revisit task: its text is required, then the list reloads. */
export function RevisitDialog(props: { revisit: RevisitView; step: RevisitStep; onClose: () => void }) {
  const { t } = useTranslation();
  const r = (key: RevisitKey) => t(`ratings.revisits.${key}`);
  const specs: Record<RevisitStep, StepSpec> = {
    contact: {
      title: r('contactTitle'),
      ok: r('contact'),
      hint: r('contactHint'),
      field: r('contactNote'),
      rule: r('contactRule'),
      done: r('contacted'),
      max: 500,
      send: recordContact,
    },
    rectify: {
      title: r('rectifyTitle'),
      ok: r('rectify'),
      hint: r('outcomeHint'),
      field: r('outcome'),
      rule: r('outcomeRule'),
      done: r('rectified'),
      max: 1000,
      send: recordRectification,
    },
    request: {
      title: r('requestTitle'),
      ok: r('requestReview'),
      hint: r('requestHint'),
      field: r('requestReason'),
      rule: r('requestRule'),
      done: r('requested'),
      max: 500,
      send: requestReview,
    },
    uphold: {
      title: r('upholdTitle'),
      ok: r('uphold'),
      hint: r('upholdHint'),
      field: r('decisionReason'),
      rule: r('decisionRule'),
      done: r('decided'),
      max: 500,
      danger: true,
      send: (id, reason) => decideReview(id, true, reason),
    },
    reject: {
      title: r('rejectTitle'),
      ok: r('reject'),
      hint: r('rejectHint'),
      field: r('decisionReason'),
      rule: r('decisionRule'),
      done: r('decided'),
      max: 500,
      send: (id, reason) => decideReview(id, false, reason),
    },
  };
  const spec = specs[props.step];
  return (
    <ReasonDialog
      title={spec.title}
      okText={spec.ok}
      danger={spec.danger}
      hint={{ type: spec.danger ? 'warning' : 'info', text: spec.hint }}
      subject={`${props.revisit.caseNo} · ${props.revisit.matterName}`}
      reasonLabel={spec.field}
      reasonRule={spec.rule}
      maxLength={spec.max}
      send={(text) => spec.send(props.revisit.id, text)}
      done={spec.done}
      refresh={[REVISITS]}
      testId={`revisit-${props.step}`}
      onClose={props.onClose}
    />
  );
}
