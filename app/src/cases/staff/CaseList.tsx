import { Card, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../../../common/cases/state-machine.ts';
import { LoadError } from '../../components/status.tsx';
import { useCases } from '../api.ts';
import { CaseTable } from './CaseTable.tsx';

const PAGE_SIZE = 20;

/** The cases the user may see (the server scopes them: a hall's, an agent's own), by status, page by page. */
export function CaseList({ testId }: { testId: string }) {
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
          testId={testId}
        />
      )}
    </Card>
  );
}
