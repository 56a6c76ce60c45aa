import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime, StatusTag, WarningTag } from '../../cases/CaseTags.tsx';
import type { CaseSummary } from '../../cases/types.ts';
import { useLabels } from '../../catalogue/labels.ts';

type Props = {
  items: CaseSummary[];
  loading: boolean;
  total?: number;
  page?: number;
  onPage?: (page: number) => void;
  pageSize?: number;
  testId: string;
};

/** Cases in a table: number, status with the yellow/red tag, deadlines, visits. */
export function CaseTable({ items, loading, total, page, onPage, pageSize = 20, testId }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('cases.field.caseNo'),
      dataIndex: 'caseNo',
      render: (caseNo: string, row) => (
        <Link to={`/workbench/cases/${row.id}`} data-testid="case-link">
          {caseNo}
        </Link>
      ),
    },
    ...(items.some((row) => row.matterName)
      ? [{ title: t('cases.field.matter'), dataIndex: 'matterName' as const }]
      : []),
    {
      title: t('cases.field.caseType'),
      dataIndex: 'caseType',
      render: (type: CaseSummary['caseType']) => labels.caseType[type],
    },
    {
      title: t('cases.field.status'),
      dataIndex: 'status',
      render: (_: unknown, row) => (
        <>
          <StatusTag status={row.status} />
          <WarningTag warning={row.warning} />
        </>
      ),
    },
    {
      title: t('cases.field.channel'),
      dataIndex: 'channel',
      render: (c: CaseSummary['channel']) => t(`cases.channel.${c}`),
    },
    {
      title: t('cases.field.promisedDeadline'),
      dataIndex: 'promisedDeadline',
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('cases.field.legalDeadline'),
      dataIndex: 'legalDeadline',
      render: (d: string | null) => d ?? '—',
    },
    { title: t('cases.field.visits'), dataIndex: 'visits', align: 'right' },
    {
      title: t('cases.field.submittedAt'),
      dataIndex: 'submittedAt',
      render: (d: string | null) => formatTime(d),
    },
  ];
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 900 }}
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
