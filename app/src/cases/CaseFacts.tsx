import { Descriptions, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../catalogue/labels.ts';
import { formatTime, StatusTag, WarningTag } from './CaseTags.tsx';
import { Revealable } from './staff/Revealable.tsx';
import type { CaseDetail } from './types.ts';

/**
 * The ticket the case was filed from at the counter: how long the person waited and was served
 * (an item of the facts' Descriptions, which reads its items' props directly).
 */
function ticketTimes(t: TFunction, ticket: NonNullable<CaseDetail['ticket']>) {
  const time = (s: number | null) =>
    s === null
      ? '—'
      : s < 60
        ? t('cases.facts.underMinute')
        : t('cases.facts.minutes', { count: Math.floor(s / 60) });
  return (
    <Descriptions.Item label={t('cases.facts.ticket')}>
      <span data-testid="case-ticket">
        {ticket.code} · {t('cases.facts.waitTime')}{' '}
        <span data-testid="case-wait-time">{time(ticket.waitSeconds)}</span> · {t('cases.facts.handleTime')}{' '}
        <span data-testid="case-handle-time">{time(ticket.handleSeconds)}</span>
        {ticket.finishedAt ? '' : t('cases.facts.handling')}
      </span>
    </Descriptions.Item>
  );
}

/** Number, matter, status, deadlines (promised against legal) and visits against the promise. */
export function CaseFacts({ detail, staff = false }: { detail: CaseDetail; staff?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { promise } = detail;
  const overTime = detail.workingDaysUsed !== null && detail.workingDaysUsed > promise.promisedLimit.value;
  const overVisits = detail.visits > promise.visitsRequired;
  return (
    <Descriptions
      column={
        staff ? { xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 } : { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }
      }
      size="small"
      bordered
      className="case-facts"
      data-testid="case-facts"
    >
      <Descriptions.Item label={t('cases.field.caseNo')}>
        <span data-testid="case-no">{detail.caseNo}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.field.status')}>
        <StatusTag status={detail.status} />
        <WarningTag warning={detail.warning} />
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.field.matter')}>{detail.matterName}</Descriptions.Item>
      <Descriptions.Item label={t('cases.field.department')}>{detail.departmentName}</Descriptions.Item>
      {staff ? (
        <Descriptions.Item label={t('cases.staff.applicant')}>
          <span data-testid="case-applicant">{detail.applicantName || '—'}</span>
          {detail.applicantLogin ? (
            <span className="case-table-login">
              {' '}
              <Revealable detail={detail} field="applicantIdNumber" masked={detail.applicantLogin} />
            </span>
          ) : null}
        </Descriptions.Item>
      ) : (
        <Descriptions.Item label={t('cases.field.queryCode')}>
          <span data-testid="query-code">{detail.queryCode}</span>
        </Descriptions.Item>
      )}
      {staff && ['in_review', 'suspended'].includes(detail.status) ? (
        <Descriptions.Item label={t('cases.staff.assignee')}>
          <span data-testid="case-assignee">{detail.assigneeName ?? t('cases.staff.unassigned')}</span>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('cases.field.channel')}>
        {t(`cases.channel.${detail.channel}`)} · {labels.caseType[detail.caseType]}
      </Descriptions.Item>
      {staff && detail.ticket ? ticketTimes(t, detail.ticket) : null}
      <Descriptions.Item label={t('cases.field.submittedAt')}>
        {formatTime(detail.submittedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.field.acceptedOn')}>
        {detail.acceptedOn ?? t('cases.facts.notAccepted')}
        {detail.clockStartsOn && detail.clockStartsOn !== detail.acceptedOn ? (
          <span data-testid="clock-starts-on">
            {t('cases.facts.clockStartsOn', { day: detail.clockStartsOn })}
          </span>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.field.promisedDeadline')}>
        <span data-testid="promised-deadline">
          {detail.promisedDeadline ?? '—'}（{t('cases.facts.days', { count: promise.promisedLimit.value })}）
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.field.legalDeadline')}>
        {detail.legalDeadline ?? '—'}（{t('cases.facts.days', { count: promise.legalLimit.value })}）
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.field.visits')}>
        <span data-testid="case-visits" data-visits={detail.visits}>
          {t('cases.facts.visitsOf', { visits: detail.visits, promised: promise.visitsRequired })}
        </span>{' '}
        {overVisits ? <Tag color="red">!</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.field.workingDays')}>
        {detail.workingDaysUsed === null ? (
          '—'
        ) : (
          <>
            {t('cases.facts.workingDaysOf', {
              used: detail.workingDaysUsed,
              promised: promise.promisedLimit.value,
            })}{' '}
            <Tag color={overTime ? 'red' : 'green'} data-testid="on-time">
              {overTime ? t('cases.facts.overTime') : t('cases.facts.inTime')}
            </Tag>
          </>
        )}
      </Descriptions.Item>
      {detail.gapDeadline ? (
        <Descriptions.Item label={t('cases.field.gapDeadline')}>{detail.gapDeadline}</Descriptions.Item>
      ) : null}
      {detail.delivery ? (
        <Descriptions.Item label={t('cases.field.delivery')}>
          {labels.delivery[detail.delivery]}
          {detail.trackingNo ? (
            <span data-testid="tracking-no"> · {t('cases.detail.tracking', { no: detail.trackingNo })}</span>
          ) : null}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
