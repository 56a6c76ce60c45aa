import '../../cases/cases.css';
import { Card, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../../../common/cases/state-machine.ts';
import { useCases } from '../../cases/api.ts';
import { LoadError } from '../../components/status.tsx';
import { CaseTable } from './CaseTable.tsx';
import { WalkInForm } from './WalkInForm.tsx';

const PAGE_SIZE = 20;

/** 综合受理: receive a walk-in application; the hall's cases to accept, conclude and hand out. */
export function IntakePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('walk-in');
  return (
    <div data-testid="intake-page">
      <Typography.Title level={3}>{t('cases.staff.intakeTitle')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'walk-in', label: t('cases.staff.walkIn'), children: <WalkInForm /> },
          { key: 'hall', label: t('cases.staff.hallCases'), children: <HallCases /> },
        ]}
      />
    </div>
  );
}

function HallCases() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const cases = useCases({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <Card>
      <Select
        allowClear
        className="case-block"
        style={{ width: 220 }}
        placeholder={t('cases.staff.allStatuses')}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
      />
      {cases.isError ? (
        <LoadError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <CaseTable
          items={cases.data?.items ?? []}
          loading={cases.isPending}
          total={cases.data?.total}
          page={page}
          onPage={setPage}
          pageSize={PAGE_SIZE}
          testId="hall-cases"
        />
      )}
    </Card>
  );
}
