import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  KIND_LABELS,
  REQUEST_KINDS,
  type RequestKind,
  WARNING_LABELS,
} from '../../../common/hotline/lists.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError } from '../components/status.tsx';
import { type RequestSummary, useEscalated, useLabel } from './api.ts';
import type { HotlineKey } from './messages.zh-CN.ts';
import { useRequestColumns } from './RequestColumns.tsx';
import { UrgeButton } from './UrgeButton.tsx';
import './hotline.css';

const DAY = 86_400_000;

/** Today's date in China (UTC+8), as YYYY-MM-DD. */
const todayInChina = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The natural days from the due day to today (0 on the due day). */
export const daysOverdue = (dueDate: string, today: string) =>
  Math.max(0, Math.round((Date.parse(today) - Date.parse(dueDate)) / DAY));

const distinct = (values: (string | null)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

/**
 * /workbench/hotline-escalated — 12345督办: the supervisor's overdue requests of their regions,
 * by kind, primary department and region; each opens its detail, and each may be urged (督办意见).
 */
export function EscalatedPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const e = (key: HotlineKey<'escalated'>) => t(`hotline.escalated.${key}`);
  const list = useEscalated();
  const columns = useRequestColumns({ detailPath: '/workbench/hotline-escalated', underTitle: 'status' });
  const [kind, setKind] = useState<RequestKind | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const today = todayInChina();
  const all = list.data?.items ?? [];
  const rows = all.filter(
    (r) =>
      (!kind || r.kind === kind) &&
      (!department || r.primaryDepartmentName === department) &&
      (!region || r.regionCode === region),
  );
  return (
    <div data-testid="hotline-escalated-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.hotlineEscalated')}</Typography.Title>
      </div>
      <Card>
        <Typography.Paragraph type="secondary">{e('intro')}</Typography.Paragraph>
        <Space wrap className="hotline-filters">
          <Select<RequestKind>
            allowClear
            placeholder={e('kind')}
            value={kind}
            onChange={setKind}
            style={{ width: 120 }}
            options={REQUEST_KINDS.map((k) => ({ value: k, label: label(KIND_LABELS, k) }))}
            data-testid="escalated-kind"
          />
          <Select<string>
            allowClear
            placeholder={e('department')}
            value={department}
            onChange={setDepartment}
            style={{ width: 220 }}
            options={distinct(all.map((r) => r.primaryDepartmentName)).map((d) => ({ value: d, label: d }))}
            data-testid="escalated-department"
          />
          <Select<string>
            allowClear
            placeholder={e('region')}
            value={region}
            onChange={setRegion}
            style={{ width: 140 }}
            options={[...new Map(all.map((r) => [r.regionCode, r.regionName ?? r.regionCode]))]
              .sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'))
              .map(([value, label]) => ({ value, label }))}
            data-testid="escalated-region"
          />
        </Space>
        {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<RequestSummary>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1200 }}
          locale={{ emptyText: e('none') }}
          onRow={(row) =>
            ({
              'data-testid': 'escalated-request',
              'data-no': row.requestNo,
              'data-overdue': daysOverdue(row.dueDate, today),
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            columns.no,
            columns.kind,
            { ...columns.title, width: 240 },
            {
              title: e('department'),
              dataIndex: 'primaryDepartmentName',
              width: 170,
              render: (name: string | null) =>
                name ?? <Typography.Text type="secondary">{e('noDepartment')}</Typography.Text>,
            },
            {
              title: e('region'),
              dataIndex: 'regionCode',
              width: 110,
              render: (code: string, row) => (
                <span title={code} data-testid="escalated-region-name">
                  {row.regionName ?? code}
                </span>
              ),
            },
            { title: e('due'), dataIndex: 'dueDate', width: 110 },
            {
              title: e('overdue'),
              key: 'overdue',
              width: 90,
              render: (_: unknown, row) => (
                <Typography.Text type="danger" data-testid="escalated-overdue">
                  {t('hotline.escalated.overdueDays', { count: daysOverdue(row.dueDate, today) })}
                </Typography.Text>
              ),
            },
            {
              title: e('warning'),
              dataIndex: 'warning',
              width: 100,
              render: (w: RequestSummary['warning']) =>
                w === 'none' ? null : (
                  <Tag color={w === 'red' ? 'red' : 'gold'}>{label(WARNING_LABELS, w)}</Tag>
                ),
            },
            {
              title: e('escalatedAt'),
              dataIndex: 'escalatedAt',
              width: 160,
              render: (at: string | null) => (at ? formatTime(at) : ''),
            },
            {
              title: e('urge'),
              key: 'urge',
              width: 90,
              fixed: 'right',
              render: (_: unknown, row) => <UrgeButton request={row} size="small" />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
