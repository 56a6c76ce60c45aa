import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/roles.ts';
import { useLabels } from '../catalogue/labels.ts';
import { formatTime } from './CaseTags.tsx';
import { fieldLabels, type Problem, problemSubject } from './supplement.ts';
import type { CaseDetail, TimelineEvent } from './types.ts';

type Props = { detail: CaseDetail; full?: boolean };

/** Every step of the case: when, who (in which role), from → to, what was said, visits marked. */
export function CaseTimeline({ detail, full = false }: Props) {
  const { t } = useTranslation();
  const names = new Map(detail.materials.map((m) => [m.key, m.name]));
  const items = detail.timeline.map((event) => ({
    key: event.seq,
    color: colorOf(event),
    content: (
      <div className="case-event" data-testid="timeline-event" data-action={event.action}>
        <div className="case-event-head">
          <Typography.Text strong>{t(`cases.action.${event.action}`)}</Typography.Text>
          {event.visit ? (
            <Tag color="volcano" data-testid="visit-mark">
              {t('cases.detail.visitMark')}
            </Tag>
          ) : null}
        </div>
        <div className="case-event-meta">
          {formatTime(event.at)} · <Who event={event} />
          {full && event.fromStatus ? (
            <>
              {' · '}
              {t('cases.staff.fromTo', {
                from: t(`cases.status.${event.fromStatus}`),
                to: t(`cases.status.${event.toStatus}`),
              })}
            </>
          ) : (
            <> · {t(`cases.status.${event.toStatus}`)}</>
          )}
        </div>
        <EventDetails details={event.details} names={names} detail={detail} />
      </div>
    ),
  }));
  return <Timeline items={items} data-testid="case-timeline" />;
}

function colorOf(event: TimelineEvent): string {
  if (['not_accept', 'deny', 'revoke', 'terminate'].includes(event.action)) return 'red';
  if (['request_supplement', 'accept_with_gaps', 'suspend'].includes(event.action)) return 'orange';
  if (['approve', 'conclude', 'deliver', 'approve_on_promise'].includes(event.action)) return 'green';
  return 'blue';
}

function Who({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const role = event.actorRole ? t(`roles.${event.actorRole as Role}`) : t('cases.detail.system');
  return <span>{event.actorName ? `${event.actorName}（${role}）` : role}</span>;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

type DetailsProps = { details: Record<string, unknown>; names: Map<string, string>; detail: CaseDetail };

function EventDetails({ details, names, detail }: DetailsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const lines: string[] = [];
  const name = (key: unknown) => names.get(String(key)) ?? String(key);
  if (details.assigneeName) lines.push(`${t('cases.staff.assignee')}：${str(details.assigneeName)}`);
  if (details.reason) lines.push(`${t('cases.detail.reason')}：${str(details.reason)}`);
  if (details.legalBasis) lines.push(`${t('cases.detail.legalBasis')}：${str(details.legalBasis)}`);
  if (Array.isArray(details.gaps) && details.gaps.length) {
    lines.push(`${t('cases.staff.gaps')}：${details.gaps.map(name).join('、')}`);
  }
  if (details.gapDeadline) lines.push(`${t('cases.staff.gapDeadline')}：${str(details.gapDeadline)}`);
  if (Array.isArray(details.supplied) && details.supplied.length) {
    lines.push(`${t('cases.detail.supplied')}：${details.supplied.map(name).join('、')}`);
  }
  if (details.procedure) {
    const procedure = str(details.procedure) as keyof typeof labels.specialProcedure;
    lines.push(`${t('cases.staff.procedure')}：${labels.specialProcedure[procedure] ?? procedure}`);
  }
  if (details.expectedEnd) lines.push(`${t('cases.staff.expectedEnd')}：${str(details.expectedEnd)}`);
  if (details.method) {
    const method = str(details.method) as 'window_pickup' | 'post';
    const tracking = details.trackingNo
      ? ` · ${t('cases.detail.tracking', { no: str(details.trackingNo) })}`
      : '';
    lines.push(`${t('cases.field.delivery')}：${labels.delivery[method] ?? method}${tracking}`);
  } else if (details.trackingNo) {
    const carrier = details.carrier ? ` · ${str(details.carrier)}` : '';
    lines.push(`${t('cases.originals.timeline', { no: str(details.trackingNo) })}${carrier}`);
  }
  if (details.note) lines.push(`${t('cases.originals.note')}：${str(details.note)}`);
  if (Array.isArray(details.fields) && details.fields.length) {
    const labels = fieldLabels(detail);
    lines.push(
      t('cases.fix.corrected', { fields: details.fields.map((k) => labels.get(String(k)) ?? k).join('、') }),
    );
  }
  if (typeof details.workingDaysUsed === 'number') {
    lines.push(
      `${t('cases.field.workingDays')}：${t('cases.facts.days', { count: details.workingDaysUsed })}`,
    );
  }
  const problems = Array.isArray(details.problems) ? (details.problems as Problem[]) : [];
  return (
    <>
      {lines.map((line) => (
        <div key={line} className="case-event-detail">
          {line}
        </div>
      ))}
      {problems.length ? (
        <ol className="case-problems" data-testid="timeline-problems">
          {problems.map((p) => (
            <li key={`${p.materialKey ?? p.fieldKey ?? ''}-${p.problem}`}>
              {t('cases.detail.problemOf', { material: problemSubject(detail, p, t), problem: p.problem })}
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
