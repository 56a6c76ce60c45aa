import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../common/cases/state-machine.ts';
import type { Warning } from './types.ts';

const STATUS_COLORS: Partial<Record<CaseStatus, string>> = {
  submitted: 'blue',
  needs_supplement: 'orange',
  not_accepted: 'default',
  accepted: 'cyan',
  accepted_with_gaps: 'gold',
  in_review: 'processing',
  suspended: 'purple',
  escalated: 'geekblue',
  approved: 'green',
  approved_on_promise: 'green',
  verified: 'green',
  revoked: 'red',
  denied: 'red',
  concluded: 'success',
  delivered: 'success',
  withdrawn: 'default',
  terminated: 'default',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="case-status" data-status={status}>
      {t(`cases.status.${status}`)}
    </Tag>
  );
}

/** The yellow or red time-limit tag; nothing when the case is on time. */
export function WarningTag({ warning }: { warning: Warning }) {
  const { t } = useTranslation();
  if (warning === 'none') return null;
  return (
    <Tag color={warning === 'red' ? 'red' : 'gold'} data-testid="case-warning" data-warning={warning}>
      {t(`cases.warning.${warning}`)}
    </Tag>
  );
}

/** ISO timestamp → "2026-03-15 14:05" in China time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
