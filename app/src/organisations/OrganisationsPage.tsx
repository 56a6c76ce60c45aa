import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../common/roles.ts';
import { api } from '../api/client.ts';
import { usePagedList } from '../api/usePagedList.ts';
import { useMe } from '../auth/session.ts';
import { activeColumn } from '../components/columns.tsx';
import { EditorModal } from '../components/EditorModal.tsx';
import { ActiveFilter, FilterBar } from '../components/FilterBar.tsx';
import { ListTable } from '../components/ListTable.tsx';
import { useAction, useEditor } from '../components/useEditor.ts';
import { RegionSelect } from '../regions/RegionSelect.tsx';
import { mayManage } from '../workbench/menu.ts';
import { OrganisationFields, type OrganisationValues, organisationBody } from './OrganisationForm.tsx';
import type { Organisation } from './types.ts';

type Filter = { q?: string; kind?: OrganisationKind; region?: string; active?: boolean };

/** 机构管理: departments, service centres, street centres and community stations. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manage = !!me && mayManage(me, 'organisations');
  const { list, paging, search } = usePagedList<Organisation, Filter>('/api/organisations', (filter) => ({
    subtree: filter.region ? true : undefined,
  }));
  const editor = useEditor<Organisation, OrganisationValues>({
    create: (values) => api.post('/api/organisations', organisationBody(values)),
    update: (org, values) =>
      api.patch(`/api/organisations/${org.id}`, { ...organisationBody(values), version: org.version }),
    invalidates: ['/api/organisations'],
  });
  const run = useAction(['/api/organisations']);
  const setActive = (org: Organisation, active: boolean) =>
    run(() =>
      api.post(`/api/organisations/${org.id}/${active ? 'activate' : 'deactivate'}`, {
        version: org.version,
      }),
    );

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
    activeColumn(t),
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, org: Organisation) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => editor.edit(org)}>
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
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.edit('new')}>
            {t('admin.org.create')}
          </Button>
        ) : null}
      </div>
      <FilterBar<Filter>
        onSearch={(values) => search({ ...values, q: values.q?.trim() || undefined })}
        onReset={() => search({})}
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
        <ActiveFilter />
      </FilterBar>
      <ListTable<Organisation>
        list={list}
        paging={paging}
        columns={columns}
        data-testid="organisations-table"
      />
      <EditorModal
        editor={editor}
        titles={{ create: t('admin.org.create'), edit: t('admin.org.edit') }}
        valuesOf={(org) => ({
          name: org.name,
          shortName: org.shortName ?? undefined,
          kind: org.kind,
          regionCode: org.regionCode,
          parentId: org.parentId ?? undefined,
          creditCode: org.creditCode ?? undefined,
          phone: org.phone ?? undefined,
          address: org.address ?? undefined,
        })}
        blank={{ kind: 'department' }}
      >
        <OrganisationFields editing={editor.current} />
      </EditorModal>
    </div>
  );
}
