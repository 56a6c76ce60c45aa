import '../cases.css';
import { Card, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../../../common/cases/state-machine.ts';
import { LoadError } from '../../components/status.tsx';
import { useCases } from '../api.ts';
import type { Warning } from '../types.ts';
import { CaseTable } from './CaseTable.tsx';

const PAGE_SIZE = 20;
type WarningFilter = 'all' | Exclude<Warning, 'none'>;

/** 审核队列: the department's open cases by promised deadline, with the yellow/red state. */
export function QueuePage() {
  const { t } = useTranslation();
  const [warning, setWarning] = useState<WarningFilter>('all');
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const cases = useCases({
    queue: true,
    status,
    warning: warning === 'all' ? undefined : warning,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return (
    <div data-testid="review-queue-page">
      <Typography.Title level={3}>{t('cases.staff.queueTitle')}</Typography.Title>
      <p className="case-subtitle">{t('cases.staff.queueIntro')}</p>
      <Card>
        <Space wrap className="case-block">
          <Segmented<WarningFilter>
            value={warning}
            onChange={(v) => {
              setWarning(v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'yellow', label: t('cases.warning.yellow') },
              { value: 'red', label: t('cases.warning.red') },
            ]}
            data-testid="queue-warning"
          />
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('cases.staff.allStatuses')}
            data-testid="queue-status"
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
          />
        </Space>
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
            testId="review-queue"
          />
        )}
      </Card>
    </div>
  );
}

/** 预警督办: the yellow and red cases the user oversees (department head, hall manager), nearest deadline first. */
export function WarningsPage() {
  const { t } = useTranslation();
  const [warning, setWarning] = useState<WarningFilter>('all');
  const red = useCases({ warning: 'red', queue: true, limit: 100 }, warning !== 'yellow');
  const yellow = useCases({ warning: 'yellow', queue: true, limit: 100 }, warning !== 'red');
  const items = [
    ...(warning !== 'yellow' ? (red.data?.items ?? []) : []),
    ...(warning !== 'red' ? (yellow.data?.items ?? []) : []),
  ];
  const error = red.error ?? yellow.error;
  return (
    <div data-testid="warnings-page">
      <Typography.Title level={3}>{t('cases.staff.warningsTitle')}</Typography.Title>
      <p className="case-subtitle">{t('cases.staff.warningsIntro')}</p>
      <Card>
        <Segmented<WarningFilter>
          className="case-block"
          value={warning}
          onChange={setWarning}
          options={[
            { value: 'all', label: t('cases.staff.allWarnings') },
            { value: 'yellow', label: t('cases.warning.yellow') },
            { value: 'red', label: t('cases.warning.red') },
          ]}
        />
        {error ? (
          <LoadError error={error} />
        ) : (
          <CaseTable items={items} loading={red.isLoading || yellow.isLoading} testId="warning-cases" />
        )}
      </Card>
    </div>
  );
}
