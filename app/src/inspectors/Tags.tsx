import { Image, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  EVENT_LABELS,
  FINDING_STATUS_LABELS,
  type FindingStatus,
  INSPECTOR_STATUS_LABELS,
  type InspectorStatus,
  TASK_STATUS_LABELS,
  type TaskStatus,
  WARNING_LABELS,
  type Warning,
} from '../../../common/inspectors/lists.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { type FindingEvent, screenshotUrl, useLabel } from './api.ts';

const FINDING_COLORS: Record<FindingStatus, string> = {
  submitted: 'orange',
  assigned: 'blue',
  rectified: 'cyan',
  closed: 'green',
  rejected: 'default',
};

/** Where a finding stands. */
export function FindingStatusTag({ status }: { status: FindingStatus }) {
  const label = useLabel();
  return (
    <Tag color={FINDING_COLORS[status]} data-testid="finding-status" data-status={status}>
      {label(FINDING_STATUS_LABELS, status)}
    </Tag>
  );
}

const INSPECTOR_COLORS: Record<InspectorStatus, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
  suspended: 'default',
};

/** Where an application (a 体验官) stands. */
export function InspectorStatusTag({ status }: { status: InspectorStatus }) {
  const label = useLabel();
  return (
    <Tag color={INSPECTOR_COLORS[status]} data-testid="inspector-status" data-status={status}>
      {label(INSPECTOR_STATUS_LABELS, status)}
    </Tag>
  );
}

/** Where a task stands. */
export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const label = useLabel();
  const color = status === 'open' ? 'blue' : status === 'done' ? 'green' : 'default';
  return (
    <Tag color={color} data-testid="task-status" data-status={status}>
      {label(TASK_STATUS_LABELS, status)}
    </Tag>
  );
}

/** The due day of a finding with its yellow (due soon) or red (overdue) warning. */
export function DueCell({ dueDate, warning }: { dueDate: string | null; warning: Warning }) {
  const label = useLabel();
  return (
    <Space orientation="vertical" size={2}>
      <span>{dueDate ?? '—'}</span>
      {warning !== 'none' ? (
        <Tag color={warning === 'red' ? 'red' : 'gold'} data-testid="finding-warning" data-warning={warning}>
          {label(WARNING_LABELS, warning)}
        </Tag>
      ) : null}
    </Space>
  );
}

/** The screenshots of a finding as thumbnails that open full size. */
export function Screenshots({ findingId, hashes }: { findingId: string; hashes: string[] }) {
  const { t } = useTranslation();
  if (hashes.length === 0)
    return <Typography.Text type="secondary">{t('inspectors.detail.noShots')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <div className="inspector-shots" data-testid="finding-screenshots">
        {hashes.map((hash) => (
          <Image
            key={hash}
            src={screenshotUrl(findingId, hash)}
            width={88}
            height={88}
            alt={t('inspectors.form.screenshots')}
            className="inspector-shot"
            data-testid="finding-screenshot"
          />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** The steps of a finding, oldest first, with who and what was said. */
export function FindingTimeline({ events }: { events: FindingEvent[] }) {
  const label = useLabel();
  return (
    <Timeline
      data-testid="finding-timeline"
      items={events.map((event) => {
        const said =
          text(event.detail.reason) ??
          text(event.detail.note) ??
          text(event.detail.rectification) ??
          text(event.detail.departmentName);
        return {
          key: event.id,
          color: event.kind === 'reopened' || event.kind === 'rejected' ? 'red' : 'blue',
          content: (
            <div data-testid="finding-event" data-kind={event.kind}>
              <Typography.Text strong>{label(EVENT_LABELS, event.kind)}</Typography.Text>
              <div className="inspector-muted">
                {formatTime(event.at)}
                {event.actorName ? ` · ${event.actorName}` : ''}
              </div>
              {said ? <div className="inspector-text">{said}</div> : null}
            </div>
          ),
        };
      })}
    />
  );
}
