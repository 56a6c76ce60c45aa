import type { UseQueryResult } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Prefill } from './prefill.ts';

/** How many materials were filled in automatically and how many are left to upload. */
export function PrefillSummary({ prefill }: { prefill: UseQueryResult<Prefill> }) {
  const { t } = useTranslation();
  if (prefill.isPending && prefill.fetchStatus === 'idle') return null;
  if (prefill.isPending)
    return <Alert type="info" showIcon className="case-block" title={t('cases.prefill.loading')} />;
  if (!prefill.data) return null;
  const { found, toUpload } = prefill.data;
  return (
    <Alert
      type={found > 0 ? 'success' : 'info'}
      showIcon
      className="case-block"
      data-testid="prefill-summary"
      title={found > 0 ? t('cases.prefill.summary', { found, toUpload }) : t('cases.prefill.none')}
    />
  );
}
