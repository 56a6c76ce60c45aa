import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Table, Tabs, Typography, Upload } from 'antd';
import './registries.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { importProblemsOf } from '../api/form-errors.ts';
import { useWrite } from '../api/mutation.ts';
import { usePagedList } from '../api/usePagedList.ts';
import { FilterBar } from '../components/FilterBar.tsx';
import { ListTable } from '../components/ListTable.tsx';
import './messages.ts';

type Kind = 'persons' | 'companies';
type Problem = { row: number; column: string; problem: string };
type ImportAnswer = { imported: number; created: number; updated: number };

type PersonRow = {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthYear: string;
  address: string;
  phone: string | null;
  regionCode: string;
  source: string;
};
type CompanyRow = {
  creditCode: string;
  name: string;
  legalRepresentative: string;
  companyType: string;
  registeredAddress: string;
  establishedOn: string;
  status: string;
  regionCode: string;
  source: string;
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 人口库 / 法人库: the shared data sources applications are filled in from; browsing (masked) and import. */
export function RegistriesPage() {
  const { t } = useTranslation();
  const counts = useQuery({
    queryKey: ['/api/registries'],
    queryFn: () => api.get<{ persons: number; companies: number }>('/api/registries'),
  });
  return (
    <div data-testid="registries-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.registries')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('registries.intro')}</Typography.Paragraph>
      <Tabs
        items={(['persons', 'companies'] as const).map((kind) => ({
          key: kind,
          label: `${t(`registries.${kind}`)}（${counts.data?.[kind] ?? '…'}）`,
          children: <RegistryTab kind={kind} />,
        }))}
      />
    </div>
  );
}

function RegistryTab({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const { list, paging, search } = usePagedList<PersonRow | CompanyRow, { q?: string }>(
    `/api/registries/${kind}`,
  );
  const columns =
    kind === 'persons'
      ? [
          { title: t('registries.idNumber'), dataIndex: 'idNumber' },
          { title: t('registries.name'), dataIndex: 'name' },
          {
            title: t('registries.sex'),
            dataIndex: 'sex',
            render: (v: string) => t(`registries.${v === 'male' ? 'male' : 'female'}`),
          },
          { title: t('registries.birthYear'), dataIndex: 'birthYear' },
          { title: t('registries.address'), dataIndex: 'address' },
          { title: t('registries.phone'), dataIndex: 'phone' },
          { title: t('registries.regionCode'), dataIndex: 'regionCode' },
        ]
      : [
          { title: t('registries.creditCode'), dataIndex: 'creditCode' },
          { title: t('registries.companyName'), dataIndex: 'name' },
          { title: t('registries.legalRepresentative'), dataIndex: 'legalRepresentative' },
          { title: t('registries.companyType'), dataIndex: 'companyType' },
          { title: t('registries.establishedOn'), dataIndex: 'establishedOn' },
          { title: t('registries.status'), dataIndex: 'status' },
          { title: t('registries.registeredAddress'), dataIndex: 'registeredAddress' },
        ];
  return (
    <>
      <div className="registry-toolbar">
        <a href={`/api/registries/${kind}/template.xlsx`} download>
          <Button icon={<DownloadOutlined />}>{t('registries.template')}</Button>
        </a>
        <ImportButton kind={kind} />
      </div>
      <FilterBar<{ q?: string }>
        onSearch={(v) => search({ q: v.q?.trim() || undefined })}
        onReset={() => search({})}
      >
        <Form.Item name="q">
          <Input
            allowClear
            placeholder={t(kind === 'persons' ? 'registries.searchPersons' : 'registries.searchCompanies')}
            style={{ width: 280 }}
            data-testid="registry-search"
          />
        </Form.Item>
      </FilterBar>
      <ListTable<PersonRow | CompanyRow>
        list={list}
        paging={paging}
        rowKey={(r) => ('idNumber' in r ? r.idNumber : r.creditCode)}
        columns={columns}
        data-testid={`registry-${kind}`}
      />
    </>
  );
}

/** Import of a CSV or xlsx file: all rows or none, with each row's problems listed. */
function ImportButton({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [fileName, setFileName] = useState('');
  const write = useWrite<File, ImportAnswer>({
    action: (file) =>
      api.upload<ImportAnswer>(
        `/api/registries/${kind}/import?fileName=${encodeURIComponent(file.name)}`,
        file,
        file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv',
      ),
    invalidates: ['/api/registries', `/api/registries/${kind}`],
    onSuccess: (answer) => message.success(t('registries.imported', answer)),
    refused: (error) => {
      const found = importProblemsOf<Problem>(error);
      if (found) setProblems(found);
      else message.error(error instanceof Error ? error.message : String(error));
      return true;
    },
  });
  const upload = (file: File) => {
    setProblems(null);
    setFileName(file.name);
    return write.run(file);
  };
  return (
    <>
      <Upload
        accept=".csv,.xlsx,text/csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={write.busy}
          data-testid={`registry-import-${kind}`}
        >
          {t('registries.import')}
        </Button>
      </Upload>
      {problems ? (
        <div className="registry-import-errors">
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setProblems(null)}
            title={t('registries.importErrors', { file: fileName, count: problems.length })}
            style={{ margin: '12px 0' }}
          />
          <Table<Problem>
            data-testid="registry-import-errors"
            size="small"
            rowKey={(p) => `${p.row}-${p.column}-${p.problem}`}
            dataSource={problems}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('registries.row'), dataIndex: 'row', width: 80 },
              { title: t('registries.column'), dataIndex: 'column', width: 180 },
              { title: t('registries.problem'), dataIndex: 'problem' },
            ]}
          />
        </div>
      ) : null}
    </>
  );
}
