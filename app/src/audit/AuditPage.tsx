import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../common/roles.ts';
import { api } from '../api/client.ts';
import { usePagedList } from '../api/usePagedList.ts';
import { useMe } from '../auth/session.ts';
import { FilterBar } from '../components/FilterBar.tsx';
import { ListTable } from '../components/ListTable.tsx';
import { rolesOf } from '../workbench/menu.ts';
import type { AuditRecord, AuditVerification } from './types.ts';
import { VerificationAlert } from './VerificationAlert.tsx';

type FilterValues = {
  action?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null];
};
type Filter = { action?: string; targetType?: string; targetId?: string; from?: string; to?: string };

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** 审计日志: the append-only trail of every change, with a check of its hash chain. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');
  const { data: me } = useMe();
  const admin = !!me && rolesOf(me).has('system_admin');
  const { list, paging, search } = usePagedList<AuditRecord, Filter>('/api/audit');
  const verification = useQuery({
    queryKey: ['/api/audit/verify'],
    queryFn: () => api.get<AuditVerification>('/api/audit/verify'),
    enabled: false,
  });

  const applyFilter = (values: FilterValues) => {
    const [from, to] = values.range ?? [null, null];
    search({
      action: values.action?.trim() || undefined,
      targetType: values.targetType?.trim() || undefined,
      targetId: values.targetId?.trim() || undefined,
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.endOf('day').toISOString() : undefined,
    });
  };

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.audit')}</Typography.Title>
        {admin ? (
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verification.isFetching}
            onClick={() => void verification.refetch()}
          >
            {t('admin.audit.verify')}
          </Button>
        ) : null}
      </div>
      {verification.data ? (
        <VerificationAlert verification={verification.data} />
      ) : verification.isError ? (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type="error"
          title={(verification.error as Error).message}
        />
      ) : null}
      <FilterBar<FilterValues> onSearch={applyFilter} onReset={() => search({})}>
        <Form.Item name="action">
          <Input allowClear placeholder={t('admin.audit.actionHint')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="targetType">
          <Input allowClear placeholder={t('admin.audit.targetType')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="targetId">
          <Input allowClear placeholder={t('admin.audit.targetId')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      <ListTable<AuditRecord>
        list={list}
        paging={paging}
        rowKey="seq"
        size="small"
        data-testid="audit-table"
        expandable={{
          expandedRowRender: (r) => (
            <div>
              <pre className="audit-summary">{JSON.stringify(r.summary, null, 2)}</pre>
              <div className="audit-hash">
                {t('admin.audit.requestId')}: {r.requestId ?? '—'} · hash: {r.hash}
              </div>
            </div>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'seq', key: 'seq' },
          {
            title: t('admin.audit.at'),
            dataIndex: 'at',
            key: 'at',
            render: (at: string) => timeFormat.format(new Date(at)),
          },
          {
            title: t('admin.audit.actor'),
            dataIndex: 'actorName',
            key: 'actor',
            render: (n: string | null) => n ?? t('admin.audit.system'),
          },
          {
            title: t('admin.audit.role'),
            dataIndex: 'role',
            key: 'role',
            responsive: ['lg'],
            render: (role: string | null) => roleLabel(role, t),
          },
          { title: t('admin.audit.action'), dataIndex: 'action', key: 'action' },
          {
            title: t('admin.audit.target'),
            key: 'target',
            responsive: ['md'],
            render: (_, r) => `${r.targetType}${r.targetId ? ` · ${r.targetId}` : ''}`,
          },
          {
            title: t('admin.audit.clientAddress'),
            dataIndex: 'clientAddress',
            key: 'ip',
            responsive: ['xl'],
          },
        ]}
      />
    </div>
  );
}

function roleLabel(role: string | null, t: TFunction): string {
  if (!role) return '—';
  if (role === 'system') return t('admin.audit.system');
  const known = ROLES.find((r) => r === role);
  return known ? t(`roles.${known}`) : role;
}
