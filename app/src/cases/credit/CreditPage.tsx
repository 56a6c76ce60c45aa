import '../cases.css';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Wire } from '../../../../common/api.ts';
import type { CreditRecord as CreditRecordSchema } from '../../../../common/cases/api.ts';
import { api } from '../../api/client.ts';
import type { ListAnswer } from '../../api/lists.ts';
import { ReasonDialog } from '../../components/ReasonDialog.tsx';
import { LoadError } from '../../components/status.tsx';
import { formatTime } from '../CaseTags.tsx';

const CREDIT = '/api/credit-records';
const PAGE_SIZE = 20;
type State = 'open' | 'lifted' | 'all';

/** One credit record as GET /api/credit-records lists it (the applicant's ID number masked). */
export type CreditRecord = Wire<typeof CreditRecordSchema>;

/** 信用记录: the credit records of the user's department or region, and 信用修复 with a reason. */
export function CreditPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [state, setState] = useState<State>('open');
  const [page, setPage] = useState(1);
  const [lifting, setLifting] = useState<CreditRecord | null>(null);
  const query = { state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const records = useQuery({
    queryKey: [CREDIT, query],
    queryFn: () => api.get<ListAnswer<CreditRecord>>(CREDIT, query),
  });
  const columns: ColumnsType<CreditRecord> = [
    {
      title: t('credit.applicant'),
      dataIndex: 'applicantName',
      width: 190,
      render: (name: string, r) => (
        <>
          <div data-testid="credit-applicant">{name}</div>
          <div className="case-table-login">{r.applicantLogin}</div>
        </>
      ),
    },
    {
      title: t('credit.caseNo'),
      dataIndex: 'caseNo',
      width: 180,
      render: (caseNo: string, r) => (
        <Link to={`/workbench/cases/${r.caseId}`} state={{ from: pathname }} className="case-table-no">
          {caseNo}
        </Link>
      ),
    },
    { title: t('credit.matter'), dataIndex: 'matterName', width: 120 },
    { title: t('credit.reason'), dataIndex: 'reason' },
    {
      title: t('credit.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string, r) => (
        <>
          <div>{formatTime(at)}</div>
          {r.createdByName ? <div className="case-table-login">{r.createdByName}</div> : null}
        </>
      ),
    },
    {
      title: t('credit.state'),
      key: 'state',
      width: 120,
      render: (_: unknown, r) =>
        r.liftedAt ? (
          <>
            <Tag color="green">{t('credit.lifted')}</Tag>
            <div className="case-table-login">
              {t('credit.liftedInfo', { name: r.liftedByName ?? '—', at: formatTime(r.liftedAt) })}
            </div>
            <div className="case-table-login">
              {t('credit.liftReason')}：{r.liftReason}
            </div>
          </>
        ) : (
          <Button danger size="small" onClick={() => setLifting(r)} data-testid="credit-lift">
            {t('credit.lift')}
          </Button>
        ),
    },
  ];
  return (
    <div data-testid="credit-page">
      <Typography.Title level={3}>{t('credit.title')}</Typography.Title>
      <p className="case-subtitle">{t('credit.intro')}</p>
      <Card>
        <Segmented<State>
          className="case-block"
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={[
            { value: 'open', label: t('credit.open') },
            { value: 'lifted', label: t('credit.lifted') },
            { value: 'all', label: t('credit.all') },
          ]}
          data-testid="credit-state"
        />
        {records.isError ? (
          <LoadError error={records.error} onRetry={() => void records.refetch()} />
        ) : (
          <Table<CreditRecord>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={records.data?.items ?? []}
            loading={records.isPending}
            locale={{ emptyText: t('credit.empty') }}
            scroll={{ x: 960 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: records.data?.total,
              onChange: setPage,
              hideOnSinglePage: true,
            }}
            onRow={(r) =>
              ({ 'data-testid': 'credit-row', 'data-case-no': r.caseNo }) as React.HTMLAttributes<HTMLElement>
            }
          />
        )}
      </Card>
      {lifting ? <LiftDialog record={lifting} onClose={() => setLifting(null)} /> : null}
    </div>
  );
}

/** 信用修复: the reason is required; the list refreshes after. */
function LiftDialog({ record, onClose }: { record: CreditRecord; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('credit.liftTitle', { name: record.applicantName })}
      okText={t('common.confirm')}
      hint={{ type: 'info', text: t('credit.liftHint') }}
      subject={`${record.caseNo} · ${record.reason}`}
      reasonLabel={t('credit.liftReason')}
      reasonRule={t('credit.liftReasonRule')}
      maxLength={2000}
      send={(reason) => api.post(`${CREDIT}/${record.id}/lift`, { reason })}
      done={t('credit.liftDone')}
      refresh={[CREDIT]}
      testId="credit-lift"
      onClose={onClose}
    />
  );
}
