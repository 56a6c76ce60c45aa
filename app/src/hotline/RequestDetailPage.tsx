import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  CHANNEL_LABELS,
  EVENT_LABELS,
  KIND_LABELS,
  SATISFACTION_LABELS,
} from '../../../common/hotline/lists.ts';
import { ApiError } from '../api/client.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import { AssignmentsTable } from './AssignmentsTable.tsx';
import { type EventView, type RequestView, useLabel, useRequest } from './api.ts';
import { CaseRatingPanel } from './CaseRatingPanel.tsx';
import { DispatchCard } from './DispatchCard.tsx';
import { KnowledgePanel } from './KnowledgePanel.tsx';
import type { HotlineKey } from './messages.zh-CN.ts';
import { MergeForm, RevisitForm } from './OfficeActions.tsx';
import { DueCell, isDone, StatusTag } from './Tags.tsx';
import { UrgeButton } from './UrgeButton.tsx';
import './hotline.css';

/**
 * /workbench/hotline/:id — one request for the hotline office: what was asked, its steps, the
 * departments with their returns and replies; 派单/改派 with suggested departments, the review of
 * a 退单, merging a duplicate, an immediate answer of a 咨询 and the 回访. `readOnly` (a supervisor's
 * /workbench/hotline-escalated/:id) shows the request without the office's actions, with 督办
 * while it is escalated and still open.
 */
export function RequestDetailPage({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const found = useRequest(id);
  if (found.isPending) return <Loading />;
  if (found.isError) {
    if (found.error instanceof ApiError && found.error.status === 404) {
      return (
        <Result status="404" title={t('hotline.detail.notFound')} extra={<BackLink readOnly={readOnly} />} />
      );
    }
    return <LoadError error={found.error} onRetry={() => void found.refetch()} />;
  }
  const request = found.data;
  const waiting = !readOnly && request.status === 'received';
  const open = !readOnly && (waiting || request.status === 'dispatched');
  const dispatched = request.assignments.length > 0;
  return (
    <div data-testid="hotline-detail" data-status={request.status}>
      <div className="page-head">
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="hotline-detail-no">
            {request.requestNo}
          </Typography.Title>
          <StatusTag status={request.status} />
        </Space>
        <Space>
          {readOnly && request.escalatedAt && waitingOrWith(request.status) ? (
            <UrgeButton request={request} />
          ) : null}
          <BackLink readOnly={readOnly} />
        </Space>
      </div>
      {readOnly ? (
        <Alert type="info" showIcon title={t('hotline.escalated.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <RequestFacts request={request} />
          {request.caseNo && request.caseId ? (
            <Card
              title={t('ratings.desk.linked')}
              style={{ marginTop: 16 }}
              data-testid="hotline-linked-case"
            >
              <Link to={`/workbench/cases/${request.caseId}`}>{request.caseNo}</Link>
              {readOnly ? null : <CaseRatingPanel caseNo={request.caseNo} />}
            </Card>
          ) : null}
          <Card title={t('hotline.detail.assignments')} style={{ marginTop: 16 }}>
            <AssignmentsTable rows={request.assignments} requestNo={request.requestNo} readOnly={readOnly} />
          </Card>
          {!readOnly && request.status === 'replied' ? (
            <Card title={t('hotline.revisit.title')} style={{ marginTop: 16 }}>
              <RevisitForm request={request} />
            </Card>
          ) : null}
          {open ? (
            <Card title={t('hotline.merge.title')} style={{ marginTop: 16 }}>
              <MergeForm request={request} />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={10}>
          {waiting && request.kind === 'consult' && !dispatched ? (
            <Card title={t('hotline.knowledge.title')} style={{ marginBottom: 16 }}>
              <KnowledgePanel
                target={{ id: request.id, requestNo: request.requestNo }}
                initialQuery={request.title}
              />
            </Card>
          ) : null}
          {open ? (
            <Card
              title={t(dispatched ? 'hotline.dispatch.redispatchTitle' : 'hotline.dispatch.title')}
              style={{ marginBottom: 16 }}
            >
              <DispatchCard key={request.assignments.length} request={request} again={dispatched} />
            </Card>
          ) : null}
          <Card title={t('hotline.detail.steps')}>
            <Steps events={request.events} assignments={request.assignments} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** Still with the hotline or the departments: what can be urged. */
const waitingOrWith = (status: RequestView['status']) => status === 'received' || status === 'dispatched';

function BackLink({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to={readOnly ? '/workbench/hotline-escalated' : '/workbench/hotline'}>
      <Button>{t(readOnly ? 'hotline.escalated.back' : 'hotline.detail.back')}</Button>
    </Link>
  );
}

function RequestFacts({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const d = (key: HotlineKey<'detail'>) => t(`hotline.detail.${key}`);
  return (
    <Card title={`${label(KIND_LABELS, request.kind)} · ${request.title}`}>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label={d('requester')}>
          {request.requesterName} {request.requesterPhone ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={d('channel')}>{label(CHANNEL_LABELS, request.channel)}</Descriptions.Item>
        <Descriptions.Item label={d('received')}>{formatTime(request.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={d('due')}>
          <DueCell
            dueDate={request.dueDate}
            warning={request.warning}
            escalated={!!request.escalatedAt}
            done={isDone(request.status)}
          />
        </Descriptions.Item>
        <Descriptions.Item label={d('region')}>
          <span data-testid="hotline-region">
            {request.regionName ? `${request.regionName}（${request.regionCode}）` : request.regionCode}
          </span>
        </Descriptions.Item>
        {request.address ? (
          <Descriptions.Item label={d('address')}>{request.address}</Descriptions.Item>
        ) : null}
        {request.caseNo ? <Descriptions.Item label={d('caseNo')}>{request.caseNo}</Descriptions.Item> : null}
      </Descriptions>
      <Typography.Paragraph className="hotline-text hotline-content" data-testid="hotline-content">
        {request.content}
      </Typography.Paragraph>
      {request.answer ? (
        <Typography.Paragraph className="hotline-text">
          <Typography.Text strong>{d('answer')}：</Typography.Text>
          {request.answer}
        </Typography.Paragraph>
      ) : null}
      {request.reply ? (
        <Typography.Paragraph className="hotline-text" data-testid="hotline-reply">
          <Typography.Text strong>{d('reply')}：</Typography.Text>
          {request.reply}
        </Typography.Paragraph>
      ) : null}
      {request.satisfaction ? (
        <Typography.Paragraph data-testid="hotline-satisfaction">
          <Typography.Text strong>{d('satisfaction')}：</Typography.Text>
          {label(SATISFACTION_LABELS, request.satisfaction)}
          {request.revisitNote ? `（${request.revisitNote}）` : ''}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

const TEXT_KEYS = ['reason', 'note', 'reply', 'answer', 'intoNo', 'fromNo'] as const;

/** What an event says for people: its reason, note, reply or answer, the departments it went to. */
function detailText(
  event: EventView,
  names: Map<string, string>,
  satisfaction: (v: string) => string,
): string {
  const d = event.detail;
  const departments = [
    d.primaryDepartmentId,
    ...(Array.isArray(d.assistingDepartmentIds) ? d.assistingDepartmentIds : []),
  ]
    .filter((v): v is string => typeof v === 'string')
    .map((id) => names.get(id) ?? '')
    .filter(Boolean);
  const texts = TEXT_KEYS.map((key) => d[key]).filter((v): v is string => typeof v === 'string' && v !== '');
  const said = typeof d.satisfaction === 'string' ? [satisfaction(d.satisfaction)] : [];
  return [...departments, ...said, ...texts].join('；');
}

function Steps({ events, assignments }: { events: EventView[]; assignments: RequestView['assignments'] }) {
  const label = useLabel();
  const names = new Map(assignments.map((a) => [a.departmentId, a.departmentName]));
  const text = (e: EventView) => detailText(e, names, (v) => label(SATISFACTION_LABELS, v));
  return (
    <Timeline
      data-testid="hotline-steps"
      items={events.map((e) => ({
        key: e.id,
        children: (
          <div data-testid="hotline-step" data-kind={e.kind}>
            <Typography.Text strong>{label(EVENT_LABELS, e.kind)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatTime(e.at)} {e.actorName ?? ''}
            </Typography.Text>
            {text(e) ? <div className="hotline-text">{text(e)}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

/** /workbench/hotline-escalated/:id — a supervisor reads an escalated request. */
export function EscalatedRequestPage() {
  return <RequestDetailPage readOnly />;
}
