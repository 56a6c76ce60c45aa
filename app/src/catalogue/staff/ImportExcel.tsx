import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importProblemsOf } from '../../api/form-errors.ts';
import { useWrite } from '../../api/mutation.ts';
import { catalogueApi, IMPLEMENTATIONS } from './api.ts';
import type { ImportProblem } from './types.ts';

/** Import (all or nothing, with the problems listed by sheet, row and column) and export of the catalogue. */
export function ImportExcel({ departmentId }: { departmentId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const exportUrl = `/api/catalogue/export.xlsx${departmentId ? `?departmentId=${encodeURIComponent(departmentId)}` : ''}`;
  const upload = useWrite<File, { imported: number }>({
    action: (file) => catalogueApi.importWorkbook(file),
    invalidates: [IMPLEMENTATIONS],
    onSuccess: (answer) => message.success(t('catalogue.staff.imported', { count: answer.imported })),
    refused: (error) => {
      const found = importProblemsOf<ImportProblem>(error);
      if (found) setProblems(found);
      else message.error(error instanceof Error ? error.message : String(error));
      return true;
    },
  });
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload.run(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.busy} data-testid="catalogue-import">
          {t('catalogue.staff.importExcel')}
        </Button>
      </Upload>
      <a href={exportUrl} download>
        <Button icon={<DownloadOutlined />}>{t('catalogue.staff.exportExcel')}</Button>
      </a>
      <a href="/api/catalogue/import-template.xlsx" download>
        <Button type="link">{t('catalogue.staff.template')}</Button>
      </a>
      <Modal
        open={problems !== null}
        title={t('catalogue.staff.importErrors')}
        width={820}
        footer={null}
        onCancel={() => setProblems(null)}
      >
        <Table<ImportProblem>
          data-testid="import-errors"
          size="small"
          rowKey={(p) => `${p.sheet}-${p.row}-${p.column}-${p.problem}`}
          dataSource={problems ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('catalogue.staff.sheet'), dataIndex: 'sheet' },
            { title: t('catalogue.staff.row'), dataIndex: 'row', width: 70 },
            { title: t('catalogue.staff.column'), dataIndex: 'column' },
            { title: t('catalogue.staff.problem'), dataIndex: 'problem' },
          ]}
        />
      </Modal>
    </>
  );
}
