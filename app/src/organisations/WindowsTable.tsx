import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useList } from '../api/lists.ts';
import { activeColumn, editColumn } from '../components/columns.tsx';
import { EditorModal } from '../components/EditorModal.tsx';
import { ListTable } from '../components/ListTable.tsx';
import { LoadError } from '../components/status.tsx';
import { useEditor } from '../components/useEditor.ts';
import { WindowFields, type WindowValues } from './HallForm.tsx';
import type { Hall, HallWindow } from './types.ts';

const windowBody = (values: WindowValues) => ({
  number: values.number.trim(),
  name: values.name.trim(),
  kind: values.kind,
  departmentId: values.kind === 'dedicated' ? (values.departmentId ?? null) : null,
});

/** The windows of one hall, with create and edit. */
export function WindowsTable({ hall, manage }: { hall: Hall; manage: boolean }) {
  const { t } = useTranslation();
  const path = `/api/halls/${hall.id}/windows`;
  const windows = useList<HallWindow>(path);
  const editor = useEditor<HallWindow, WindowValues>({
    create: (values) => api.post(path, windowBody(values)),
    update: (w, values) =>
      api.patch(`${path}/${w.id}`, { ...windowBody(values), active: values.active, version: w.version }),
    invalidates: [path, '/api/halls'],
  });

  if (windows.isError) return <LoadError error={windows.error} onRetry={() => void windows.refetch()} />;
  return (
    <div>
      {manage ? (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => editor.edit('new')}
          style={{ marginBottom: 8 }}
        >
          {t('admin.window.create')}
        </Button>
      ) : null}
      <ListTable<HallWindow>
        list={windows}
        size="small"
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
          activeColumn(t),
          ...editColumn<HallWindow>(t, manage, editor.edit),
        ]}
      />
      <EditorModal
        editor={editor}
        titles={{ create: t('admin.window.create'), edit: t('admin.window.edit') }}
        valuesOf={(w) => ({
          number: w.number,
          name: w.name,
          kind: w.kind,
          departmentId: w.departmentId ?? undefined,
          active: w.active,
        })}
        blank={{ kind: 'comprehensive' }}
      >
        <WindowFields editing={editor.current} />
      </EditorModal>
    </div>
  );
}
