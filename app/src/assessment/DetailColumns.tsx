import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CaseStatus } from '../../../common/cases/state-machine.ts';
import { KIND_LABELS, type RequestKind, STATUS_LABELS } from '../../../common/hotline/lists.ts';
import {
  CHANNEL_LABELS,
  LEVEL_LABELS,
  type RatingChannel,
  type RatingLevel,
  type RatingStage,
  STAGE_LABELS,
} from '../../../common/ratings/lists.ts';
import { useMe } from '../auth/session.ts';
import { formatTime, StatusTag, WarningTag } from '../cases/CaseTags.tsx';
import { mayOpen } from '../workbench/menu.ts';
import { type DetailCase, type DetailRating, type DetailRequest, useLabel } from './api.ts';
import type { DetailKey } from './messages.zh-CN.ts';

function useDetailText() {
  const { t } = useTranslation();
  return (key: DetailKey) => t(`assessment.details.${key}`);
}

/** On time / late, or in progress while neither. */
function OnTime({ value }: { value: boolean | null }) {
  const d = useDetailText();
  if (value === null) return <Typography.Text type="secondary">{d('pending')}</Typography.Text>;
  return (
    <Tag color={value ? 'green' : 'red'} data-testid="on-time" data-on-time={value}>
      {d(value ? 'onTimeYes' : 'onTimeNo')}
    </Tag>
  );
}

/** A case's number, opening the staff case page. */
function CaseLink({ caseId, caseNo }: { caseId: string; caseNo: string }) {
  const { pathname } = useLocation();
  return (
    <Link to={`/workbench/cases/${caseId}`} state={{ from: pathname }} data-testid="detail-case-no">
      {caseNo}
    </Link>
  );
}

export function useCaseColumns(): ColumnsType<DetailCase> {
  const d = useDetailText();
  return [
    {
      title: d('caseNo'),
      dataIndex: 'caseNo',
      width: 190,
      render: (no: string, row) => <CaseLink caseId={row.caseId} caseNo={no} />,
    },
    { title: d('matter'), dataIndex: 'matterName' },
    { title: d('department'), dataIndex: 'departmentName', width: 160 },
    {
      title: d('status'),
      dataIndex: 'status',
      width: 100,
      render: (status: string) => <StatusTag status={status as CaseStatus} />,
    },
    { title: d('concluded'), dataIndex: 'concludedAt', width: 150, render: formatTime },
    {
      title: d('promised'),
      dataIndex: 'promisedDeadline',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: d('onTime'),
      dataIndex: 'onTime',
      width: 80,
      render: (v: boolean | null) => <OnTime value={v} />,
    },
    { title: d('visits'), dataIndex: 'visits', width: 80, align: 'right' },
    {
      title: d('warning'),
      key: 'warning',
      width: 100,
      render: (_, row) =>
        row.wentRed ? (
          <Tag color="red" data-testid="went-red">
            {d('wentRed')}
          </Tag>
        ) : (
          <WarningTag warning={row.warning as 'none' | 'yellow' | 'red'} />
        ),
    },
  ];
}

export function useRatingColumns(): ColumnsType<DetailRating> {
  const { t } = useTranslation();
  const d = useDetailText();
  const label = useLabel();
  return [
    {
      title: d('caseNo'),
      dataIndex: 'caseNo',
      width: 190,
      render: (no: string, row) => <CaseLink caseId={row.caseId} caseNo={no} />,
    },
    { title: d('matter'), dataIndex: 'matterName' },
    {
      title: d('level'),
      dataIndex: 'level',
      width: 100,
      render: (level: number) => {
        const name = LEVEL_LABELS[level as RatingLevel];
        return <Tag color={level <= 2 ? 'red' : 'blue'}>{name ? label(name) : level}</Tag>;
      },
    },
    {
      title: d('stage'),
      dataIndex: 'stage',
      width: 90,
      render: (s: string) => (STAGE_LABELS[s as RatingStage] ? label(STAGE_LABELS[s as RatingStage]) : s),
    },
    {
      title: d('channel'),
      dataIndex: 'channel',
      width: 100,
      render: (c: string, row) => (
        <>
          {CHANNEL_LABELS[c as RatingChannel] ? label(CHANNEL_LABELS[c as RatingChannel]) : c}
          {row.isDefault ? <Tag className="assessment-default">{d('isDefault')}</Tag> : null}
        </>
      ),
    },
    { title: d('ratedAt'), dataIndex: 'createdAt', width: 150, render: formatTime },
    {
      title: d('revisit'),
      key: 'revisit',
      width: 200,
      render: (_, row) =>
        row.revisitStatus === null ? (
          '—'
        ) : (
          <>
            {t(`assessment.revisitStatus.${row.revisitStatus as 'open' | 'contacted' | 'rectified'}`, {
              defaultValue: row.revisitStatus,
            })}
            {row.rectifiedInTime === null ? null : (
              <Tag color={row.rectifiedInTime ? 'green' : 'red'} className="assessment-default">
                {d(row.rectifiedInTime ? 'inTime' : 'late')}
              </Tag>
            )}
            <Typography.Text type="secondary" className="assessment-sub">
              {d('rectifyDue')} {row.rectifyDue ?? '—'}
              {row.rectifiedAt ? ` · ${d('rectifiedAt')} ${formatTime(row.rectifiedAt)}` : ''}
            </Typography.Text>
          </>
        ),
    },
  ];
}

export function useRequestColumns(): ColumnsType<DetailRequest> {
  const d = useDetailText();
  const label = useLabel();
  const { data: me } = useMe();
  const linked = !!me && mayOpen(me, 'hotlineEscalated');
  return [
    {
      title: d('requestNo'),
      dataIndex: 'requestNo',
      width: 190,
      render: (no: string, row) =>
        linked ? (
          <Link to={`/workbench/hotline-escalated/${row.requestId}`} data-testid="detail-request-no">
            {no}
          </Link>
        ) : (
          <span data-testid="detail-request-no">{no}</span>
        ),
    },
    {
      title: d('kind'),
      dataIndex: 'kind',
      width: 80,
      render: (k: string) => (KIND_LABELS[k as RequestKind] ? label(KIND_LABELS[k as RequestKind]) : k),
    },
    { title: d('title'), dataIndex: 'title' },
    {
      title: d('status'),
      dataIndex: 'status',
      width: 100,
      render: (s: string) => {
        const name = STATUS_LABELS[s as keyof typeof STATUS_LABELS];
        return name ? label(name) : s;
      },
    },
    { title: d('due'), dataIndex: 'dueDate', width: 110 },
    { title: d('closed'), dataIndex: 'closedAt', width: 150, render: formatTime },
    {
      title: d('onTime'),
      dataIndex: 'onTime',
      width: 80,
      render: (v: boolean | null) => <OnTime value={v} />,
    },
  ];
}
