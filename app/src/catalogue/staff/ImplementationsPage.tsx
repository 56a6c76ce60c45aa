import '../catalogue.css';
import './catalogue-workbench.css';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { VERSION_STATUSES } from '../../../../common/catalogue/elements.ts';
import { useMe } from '../../auth/session.ts';
import { LoadError } from '../../components/status.tsx';
import { useLabels } from '../labels.ts';
import { STAFF_PAGE_SIZE, useImplementations } from './api.ts';
import { CreateImplementation } from './CreateImplementation.tsx';
import { ImportExcel } from './ImportExcel.tsx';
import { StatusTag } from './StatusTag.tsx';
import type { ImplementationRow } from './types.ts';

/** 事项管理: the implementations the user may see, drafts included. */
export function ImplementationsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useImplementations({ status, q, page });
  const mayEdit = me?.roles.some((r) => r.role === 'catalogue_editor' || r.role === 'system_admin') ?? false;
  return (
    <div data-testid="catalogue-implementations">
      <div className="catalogue-toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('catalogue.staff.listTitle')}
        </Typography.Title>
        <Space wrap>
          {mayEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('catalogue.staff.newImplementation')}
            </Button>
          ) : null}
          {mayEdit ? <ImportExcel /> : null}
        </Space>
      </div>
      <Space wrap className="catalogue-filters">
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('catalogue.staff.anyStatus')}
          aria-label={t('catalogue.staff.status')}
          data-testid="status-filter"
          value={status ?? null}
          options={VERSION_STATUSES.map((s) => ({ value: s, label: labels.versionStatus[s] }))}
          onChange={(value: string | null | undefined) => {
            setStatus(value ?? undefined);
            setPage(1);
          }}
        />
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('catalogue.staff.searchPlaceholder')}
          onSearch={(value) => {
            setQ(value.trim() || undefined);
            setPage(1);
          }}
        />
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ImplementationRow>
          rowKey="id"
          size="middle"
          scroll={{ x: 'max-content' }}
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(row) => ({ onDoubleClick: () => navigate(`/workbench/catalogue/${row.id}`) })}
          pagination={{
            current: page,
            pageSize: STAFF_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
          columns={[
            {
              title: t('catalogue.staff.name'),
              dataIndex: 'name',
              render: (name: string, row) => <Link to={`/workbench/catalogue/${row.id}`}>{name}</Link>,
            },
            { title: t('catalogue.staff.code'), dataIndex: 'code' },
            { title: t('catalogue.staff.department'), dataIndex: 'departmentName' },
            { title: t('catalogue.staff.region'), dataIndex: 'regionName' },
            {
              title: t('catalogue.staff.status'),
              dataIndex: 'status',
              render: (_: unknown, row) => <StatusTag status={row.status} />,
            },
            { title: t('catalogue.staff.version'), dataIndex: 'versionNo', render: (v: number) => `v${v}` },
            {
              title: t('catalogue.staff.updatedAt'),
              dataIndex: 'updatedAt',
              render: (v: string) => new Date(v).toLocaleString('zh-CN'),
            },
          ]}
        />
      )}
      {creating ? <CreateImplementation onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
