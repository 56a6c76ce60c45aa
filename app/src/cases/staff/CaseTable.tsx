import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLabels } from '../../catalogue/labels.ts';
import { formatTime, StatusTag, WarningTag } from '../CaseTags.tsx';
import type { CaseSummary } from '../types.ts';

type Props = {
  items: CaseSummary[];
  loading: boolean;
  total?: number;
  page?: number;
  onPage?: (page: number) => void;
  pageSize?: number;
  testId: string;
};

/**
 * Cases in a table narrow enough for a 1280-pixel screen beside the menu: number with the time of
 * submission, matter with its type and channel, applicant, status with the yellow/red tag, the
 * promised deadline over the legal one, visits.
 */
export function CaseTable({ items, loading, total, page, onPage, pageSize = 20, testId }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { pathname } = useLocation();
  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('cases.field.caseNo'),
      dataIndex: 'caseNo',
      render: (caseNo: string, row) => (
        <>
          {/* The page the case was opened from keeps its menu entry selected. */}
          <Link
            to={`/workbench/cases/${row.id}`}
            state={{ from: pathname }}
            className="case-table-no"
            data-testid="case-link"
          >
            {caseNo}
          </Link>
          <div className="case-table-login">{formatTime(row.submittedAt)}</div>
        </>
      ),
    },
    {
      title: t('cases.field.matter'),
      dataIndex: 'matterName',
      render: (name: string, row) => (
        <>
          <div>{name || '—'}</div>
          <div className="case-table-login">
            {labels.caseType[row.caseType]} · {t(`cases.channel.${row.channel}`)}
          </div>
        </>
      ),
    },
    {
      title: t('cases.staff.applicant'),
      dataIndex: 'applicantName',
      render: (name: string, row) => (
        <>
          <div>{name || '—'}</div>
          <div className="case-table-login">{row.applicantLogin}</div>
        </>
      ),
    },
    {
      title: t('cases.field.status'),
      dataIndex: 'status',
      render: (_: unknown, row) => (
        <>
          <StatusTag status={row.status} />
          {row.status === 'submitted' && (row.channel === 'online' || row.channel === 'agent') ? (
            <Tag color="gold" data-testid="awaiting-acceptance">
              {t('cases.staff.awaitingAcceptance')}
            </Tag>
          ) : null}
          <WarningTag warning={row.warning} />
        </>
      ),
    },
    {
      title: t('cases.field.deadlines'),
      dataIndex: 'promisedDeadline',
      render: (promised: string | null, row) => (
        <div className="case-table-no">
          <div>{promised ?? '—'}</div>
          {row.legalDeadline ? (
            <div className="case-table-login">{t('cases.field.legalOn', { date: row.legalDeadline })}</div>
          ) : null}
        </div>
      ),
    },
    { title: t('cases.field.visits'), dataIndex: 'visits', align: 'right', width: 88 },
  ];
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 880 }}
      data-testid={testId}
      rowClassName={(row) => (row.warning === 'none' ? '' : `case-row-${row.warning}`)}
      pagination={
        onPage
          ? {
              current: page,
              total,
              pageSize,
              onChange: onPage,
              showTotal: (n) => t('common.total', { total: n }),
            }
          : false
      }
    />
  );
}
