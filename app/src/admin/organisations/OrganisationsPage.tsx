import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../../common/roles.ts';
import { api } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';
import { useList } from '../../api/lists.ts';
import { useMe } from '../../auth/session.ts';
import { LoadError } from '../../components/status.tsx';
import { mayManage } from '../../workbench/menu.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { RegionSelect } from '../shared/RegionSelect.tsx';
import type { Organisation } from '../shared/types.ts';
import { useRefresh } from '../shared/useRefresh.ts';
import { OrganisationFields, type OrganisationValues, organisationBody } from './OrganisationForm.tsx';

type Filter = { q?: string; kind?: OrganisationKind; region?: string; active?: boolean };
const PAGE_SIZE = 20;

/** 机构管理: departments, service centres, street centres and community stations. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const manage = !!me && mayManage(me, 'organisations');
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const list = useList<Organisation>('/api/organisations', {
    ...filter,
    subtree: filter.region ? true : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const refresh = useRefresh('/api/organisations');
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [form] = Form.useForm<OrganisationValues>();
  const [filterForm] = Form.useForm<Filter>();

  const save = async (values: OrganisationValues) => {
    const body = organisationBody(values);
    if (editing === 'new') {
      await api.post('/api/organisations', body);
      message.success(t('common.created'));
    } else if (editing) {
      await api.patch(`/api/organisations/${editing.id}`, { ...body, version: editing.version });
      message.success(t('common.saved'));
    }
    await refresh();
  };

  const setActive = async (org: Organisation, active: boolean) => {
    try {
      await api.post(`/api/organisations/${org.id}/${active ? 'activate' : 'deactivate'}`, {
        version: org.version,
      });
      message.success(t('common.saved'));
    } catch (e) {
      message.error(messageOf(e, t('common.conflict')));
    }
    await refresh();
  };

  const columns = [
    { title: t('admin.org.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('admin.org.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: OrganisationKind) => t(`admin.orgKinds.${kind}`),
      responsive: ['md' as const],
    },
    { title: t('admin.org.region'), dataIndex: 'regionName', key: 'region', responsive: ['md' as const] },
    {
      title: t('admin.org.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      responsive: ['lg' as const],
    },
    { title: t('admin.org.phone'), dataIndex: 'phone', key: 'phone', responsive: ['xl' as const] },
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
            render: (_: unknown, org: Organisation) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(org)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={org.active ? t('admin.org.deactivateConfirm') : t('admin.org.activateConfirm')}
                  onConfirm={() => setActive(org, !org.active)}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="link" size="small" danger={org.active}>
                    {org.active ? t('admin.deactivate') : t('admin.activate')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={3}>
          {manage ? t('workbench.organisations') : t('workbench.organisationsRead')}
        </Typography.Title>
        {manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('admin.org.create')}
          </Button>
        ) : null}
      </div>
      <Form<Filter>
        form={filterForm}
        layout="inline"
        className="filter-bar"
        onFinish={(values) => {
          setPage(1);
          setFilter({ ...values, q: values.q?.trim() || undefined });
        }}
      >
        <Form.Item name="q">
          <Input placeholder={t('admin.org.searchName')} allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            allowClear
            placeholder={t('admin.org.kind')}
            style={{ width: 170 }}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`admin.orgKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="region">
          <RegionSelect allowClear style={{ width: 200 }} />
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
                setPage(1);
                setFilter({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Organisation>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          data-testid="organisations-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
        />
      )}
      <FormModal<OrganisationValues>
        open={editing !== null}
        title={editing === 'new' ? t('admin.org.create') : t('admin.org.edit')}
        form={form}
        initialValues={
          editing && editing !== 'new'
            ? {
                name: editing.name,
                shortName: editing.shortName ?? undefined,
                kind: editing.kind,
                regionCode: editing.regionCode,
                parentId: editing.parentId ?? undefined,
                creditCode: editing.creditCode ?? undefined,
                phone: editing.phone ?? undefined,
                address: editing.address ?? undefined,
              }
            : { kind: 'department' }
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        <OrganisationFields editing={editing === 'new' ? null : editing} />
      </FormModal>
    </div>
  );
}
