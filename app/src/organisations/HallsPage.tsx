import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useList } from '../api/lists.ts';
import { useMe } from '../auth/session.ts';
import { activeColumn, editColumn } from '../components/columns.tsx';
import { EditorModal } from '../components/EditorModal.tsx';
import { ActiveFilter, FilterBar } from '../components/FilterBar.tsx';
import { ListTable } from '../components/ListTable.tsx';
import { useEditor } from '../components/useEditor.ts';
import { ScreenLink } from '../halls/screen/ScreenLink.tsx';
import { HallQrButton } from '../tickets/take/HallQr.tsx';
import { mayManage } from '../workbench/menu.ts';
import { HallFields, type HallValues } from './HallForm.tsx';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import type { Hall } from './types.ts';
import { WindowsTable } from './WindowsTable.tsx';
import '../halls/screen/messages.ts';

type Filter = { organisationId?: string; active?: boolean };

const hallBody = (values: HallValues) => ({
  name: values.name.trim(),
  address: values.address.trim(),
  openingHours: values.openingHours.trim(),
  phone: values.phone?.trim() || null,
  latitude: values.latitude ?? null,
  longitude: values.longitude ?? null,
});

/** 大厅与窗口: service halls and their windows. */
export function HallsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manage = !!me && mayManage(me, 'halls');
  const [filter, setFilter] = useState<Filter>({});
  const halls = useList<Hall>('/api/halls', filter);
  const editor = useEditor<Hall, HallValues>({
    create: (values) =>
      api.post('/api/halls', { organisationId: values.organisationId, ...hallBody(values) }),
    update: (hall, values) =>
      api.patch(`/api/halls/${hall.id}`, {
        ...hallBody(values),
        active: values.active,
        version: hall.version,
      }),
    invalidates: ['/api/halls'],
  });

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.halls')}</Typography.Title>
        {manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.edit('new')}>
            {t('admin.hall.create')}
          </Button>
        ) : null}
      </div>
      <FilterBar<Filter> onSearch={setFilter} onReset={() => setFilter({})}>
        <Form.Item name="organisationId">
          <OrganisationSelect
            allowClear
            kinds={['service_centre', 'street_centre', 'community_station']}
            placeholder={t('admin.hall.organisation')}
            style={{ width: 240 }}
          />
        </Form.Item>
        <ActiveFilter />
      </FilterBar>
      <ListTable<Hall>
        list={halls}
        expandable={{ expandedRowRender: (hall) => <WindowsTable hall={hall} manage={manage} /> }}
        columns={[
          { title: t('admin.hall.name'), dataIndex: 'name', key: 'name' },
          {
            title: t('admin.hall.organisation'),
            dataIndex: 'organisationName',
            key: 'org',
            responsive: ['md'],
            render: (name: string, hall) => (
              <>
                {name} <Tag>{t(`admin.orgKinds.${hall.organisationKind}`)}</Tag>
              </>
            ),
          },
          { title: t('portal.address'), dataIndex: 'address', key: 'address', responsive: ['lg'] },
          { title: t('portal.openingHours'), dataIndex: 'openingHours', key: 'hours', responsive: ['xl'] },
          { title: t('admin.hall.windowCount'), dataIndex: 'windowCount', key: 'windows' },
          activeColumn(t),
          { title: t('ticketTake.hallQr'), key: 'qr', render: (_, hall) => <HallQrButton hall={hall} /> },
          {
            title: t('hallScreen.title'),
            key: 'screen',
            render: (_, hall) => <ScreenLink hallId={hall.id} />,
          },
          ...editColumn<Hall>(t, manage, editor.edit),
        ]}
      />
      <EditorModal
        editor={editor}
        titles={{ create: t('admin.hall.create'), edit: t('admin.hall.edit') }}
        valuesOf={(hall) => ({
          organisationId: hall.organisationId,
          name: hall.name,
          address: hall.address,
          openingHours: hall.openingHours,
          phone: hall.phone ?? undefined,
          latitude: hall.latitude,
          longitude: hall.longitude,
          active: hall.active,
        })}
      >
        <HallFields editing={editor.current} />
      </EditorModal>
    </div>
  );
}
