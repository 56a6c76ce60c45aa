import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type RequestStatus, STATUS_LABELS, type Warning } from '../../../common/hotline/lists.ts';
import { useLabel } from './api.ts';

const STATUS_COLORS: Record<RequestStatus, string> = {
  received: 'orange',
  answered: 'green',
  dispatched: 'blue',
  replied: 'cyan',
  revisited: 'green',
  closed: 'green',
  merged: 'default',
};

/** Where a request stands. */
export function StatusTag({ status }: { status: RequestStatus }) {
  const label = useLabel();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="hotline-status" data-status={status}>
      {label(STATUS_LABELS, status)}
    </Tag>
  );
}

/** The due day with its yellow (due today) or red (overdue) warning, and escalation to the supervisor. */
export function DueCell(props: { dueDate: string; warning: Warning; escalated?: boolean; done?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={2}>
      <span>{props.dueDate}</span>
      {!props.done && props.warning !== 'none' ? (
        <Tag color={props.warning === 'red' ? 'red' : 'gold'} data-testid="hotline-warning">
          {t(props.warning === 'red' ? 'hotline.list.warningRed' : 'hotline.list.warningYellow')}
        </Tag>
      ) : null}
      {props.escalated ? <Tag color="volcano">{t('hotline.list.escalated')}</Tag> : null}
    </Space>
  );
}

/** Statuses in which the request no longer waits on anyone. */
export const isDone = (status: RequestStatus) =>
  status === 'answered' || status === 'closed' || status === 'merged' || status === 'revisited';
