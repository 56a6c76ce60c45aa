import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useList } from '../../api/lists.ts';
import { useMe } from '../../auth/session.ts';
import { LoadError } from '../../components/status.tsx';
import { mayManage } from '../../workbench/menu.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { OrganisationSelect } from '../shared/OrganisationSelect.tsx';
import type { Hall } from '../shared/types.ts';
import { useRefresh } from '../shared/useRefresh.ts';
import { HallFields, type HallValues } from './HallForm.tsx';
import { WindowsTable } from './WindowsTable.tsx';

type Filter = { organisationId?: string; active?: boolean };

/** 大厅与窗口: service halls and their windows. */
export function HallsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const manage = !!me && mayManage(me, 'halls');
  const [filter, setFilter] = useState<Filter>({});
  const halls = useList<Hall>('/api/halls', filter);
  const refresh = useRefresh('/api/halls');
  const [editing, setEditing] = useState<Hall | 'new' | null>(null);
  const [form] = Form.useForm<HallValues>();
  const [filterForm] = Form.useForm<Filter>();

  const save = async (values: HallValues) => {
    const body = {
      name: values.name.trim(),
      address: values.address.trim(),
      openingHours: values.openingHours.trim(),
      phone: values.phone?.trim() || null,
    };
    if (editing === 'new') {
      await api.post('/api/halls', { organisationId: values.organisationId, ...body });
      message.success(t('common.created'));
    } else if (editing) {
      await api.patch(`/api/halls/${editing.id}`, {
        ...body,
        active: values.active,
        version: editing.version,
      });
      message.success(t('common.saved'));
    }
    await refresh();
  };

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.halls')}</Typography.Title>
        {manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('admin.hall.create')}
          </Button>
        ) : null}
      </div>
      <Form<Filter> form={filterForm} layout="inline" className="filter-bar" onFinish={setFilter}>
        <Form.Item name="organisationId">
          <OrganisationSelect
            allowClear
            kinds={['service_centre', 'street_centre', 'community_station']}
            placeholder={t('admin.hall.organisation')}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item name="active">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 110 }}
            options={[
              { value: true, label: t('common.active') },
              { value: false, label: t('common.inactive') },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                filterForm.resetFields();
                setFilter({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {halls.isError ? (
        <LoadError error={halls.error} onRetry={() => void halls.refetch()} />
      ) : (
        <Table<Hall>
          rowKey="id"
          size="middle"
          loading={halls.isFetching}
          dataSource={halls.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={false}
          expandable={{ expandedRowRender: (hall) => <WindowsTable hall={hall} manage={manage} /> }}
          columns={[
            { title: t('admin.hall.name'), dataIndex: 'name', key: 'name' },
            {
              title: t('admin.hall.organisation'),
              dataIndex: 'organisationName',
              key: 'org',
              responsive: ['md'],
            },
            { title: t('portal.address'), dataIndex: 'address', key: 'address', responsive: ['lg'] },
            { title: t('portal.openingHours'), dataIndex: 'openingHours', key: 'hours', responsive: ['xl'] },
            { title: t('admin.hall.windowCount'), dataIndex: 'windowCount', key: 'windows' },
            {
              title: t('common.status'),
              dataIndex: 'active',
              key: 'active',
              render: (active: boolean) =>
                active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
            },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, hall: Hall) => (
                      <Button type="link" size="small" onClick={() => setEditing(hall)}>
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <FormModal<HallValues>
        open={editing !== null}
        title={editing === 'new' ? t('admin.hall.create') : t('admin.hall.edit')}
        form={form}
        initialValues={
          editing && editing !== 'new'
            ? {
                organisationId: editing.organisationId,
                name: editing.name,
                address: editing.address,
                openingHours: editing.openingHours,
                phone: editing.phone ?? undefined,
                active: editing.active,
              }
            : undefined
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        <HallFields editing={editing === 'new' ? null : editing} />
      </FormModal>
    </div>
  );
}
