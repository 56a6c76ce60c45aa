import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useList } from '../../api/lists.ts';
import { LoadError } from '../../components/status.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import type { Hall, HallWindow } from '../shared/types.ts';
import { useRefresh } from '../shared/useRefresh.ts';
import { WindowFields, type WindowValues } from './HallForm.tsx';

/** The windows of one hall, with create and edit. */
export function WindowsTable({ hall, manage }: { hall: Hall; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const path = `/api/halls/${hall.id}/windows`;
  const windows = useList<HallWindow>(path);
  const refresh = useRefresh(path, '/api/halls');
  const [editing, setEditing] = useState<HallWindow | 'new' | null>(null);
  const [form] = Form.useForm<WindowValues>();

  const save = async (values: WindowValues) => {
    const body = {
      number: values.number.trim(),
      name: values.name.trim(),
      kind: values.kind,
      departmentId: values.kind === 'dedicated' ? (values.departmentId ?? null) : null,
    };
    if (editing === 'new') {
      await api.post(path, body);
      message.success(t('common.created'));
    } else if (editing) {
      await api.patch(`${path}/${editing.id}`, { ...body, active: values.active, version: editing.version });
      message.success(t('common.saved'));
    }
    await refresh();
  };

  if (windows.isError) return <LoadError error={windows.error} onRetry={() => void windows.refetch()} />;
  return (
    <div>
      {manage ? (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          style={{ marginBottom: 8 }}
        >
          {t('admin.window.create')}
        </Button>
      ) : null}
      <Table<HallWindow>
        rowKey="id"
        size="small"
        pagination={false}
        loading={windows.isFetching}
        dataSource={windows.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('admin.window.number'), dataIndex: 'number', key: 'number' },
          { title: t('admin.window.name'), dataIndex: 'name', key: 'name' },
          {
            title: t('admin.window.kind'),
            key: 'kind',
            render: (_, w) =>
              w.kind === 'dedicated'
                ? `${t('admin.windowKinds.dedicated')} · ${w.departmentName ?? ''}`
                : t('admin.windowKinds.comprehensive'),
          },
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
                  render: (_: unknown, w: HallWindow) => (
                    <Button type="link" size="small" onClick={() => setEditing(w)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<WindowValues>
        open={editing !== null}
        title={editing === 'new' ? t('admin.window.create') : t('admin.window.edit')}
        form={form}
        initialValues={
          editing && editing !== 'new'
            ? {
                number: editing.number,
                name: editing.name,
                kind: editing.kind,
                departmentId: editing.departmentId ?? undefined,
                active: editing.active,
              }
            : { kind: 'comprehensive' }
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        <WindowFields editing={editing === 'new' ? null : editing} />
      </FormModal>
    </div>
  );
}
