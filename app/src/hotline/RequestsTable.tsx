import { Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  KIND_LABELS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  type RequestKind,
  type RequestStatus,
  STATUS_LABELS,
} from '../../../common/hotline/lists.ts';
import { LoadError } from '../components/status.tsx';
import { type RequestSummary, useLabel, useRequests } from './api.ts';
import { useRequestColumns } from './RequestColumns.tsx';

/** The operator's list of requests: filters by status, kind and text; each opens its detail. */
export function RequestsTable() {
  const { t } = useTranslation();
  const label = useLabel();
  const [status, setStatus] = useState<RequestStatus | undefined>();
  const [kind, setKind] = useState<RequestKind | undefined>();
  const [q, setQ] = useState('');
  const list = useRequests({ status, kind, q: q || undefined });
  const columns = useRequestColumns({ detailPath: '/workbench/hotline', underTitle: 'department' });
  return (
    <div data-testid="hotline-requests">
      <Space wrap className="hotline-filters">
        <Select<RequestStatus>
          allowClear
          placeholder={t('hotline.list.status')}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={REQUEST_STATUSES.map((s) => ({ value: s, label: label(STATUS_LABELS, s) }))}
          data-testid="requests-status"
        />
        <Select<RequestKind>
          allowClear
          placeholder={t('hotline.list.kind')}
          value={kind}
          onChange={setKind}
          style={{ width: 120 }}
          options={REQUEST_KINDS.map((k) => ({ value: k, label: label(KIND_LABELS, k) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('hotline.list.search')}
          onSearch={(text) => setQ(text.trim())}
          style={{ width: 240 }}
          data-testid="requests-q"
        />
      </Space>
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<RequestSummary>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('hotline.list.none') }}
        onRow={(row) =>
          ({
            'data-testid': 'hotline-request',
            'data-no': row.requestNo,
            'data-status': row.status,
            'data-warning': row.warning,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[columns.no, columns.kind, columns.title, columns.requester, columns.status, columns.due]}
      />
    </div>
  );
}
