import { Alert, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS, CHANNEL_LABELS } from '../../../common/inspectors/lists.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { type FindingView, useLabel } from './api.ts';
import type { InspectorsKey } from './messages.zh-CN.ts';
import { DueCell, FindingStatusTag, FindingTimeline, Screenshots } from './Tags.tsx';

/**
 * What everyone who may see a finding sees: its facts, description, screenshots, the department's
 * rectification, the 体验官's note and the steps so far.
 */
export function FindingDetails({ finding }: { finding: FindingView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const d = (key: InspectorsKey<'detail'>) => t(`inspectors.detail.${key}`);
  return (
    <div data-testid="finding-detail" data-status={finding.status} data-no={finding.findingNo}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" className="inspector-block">
        <Descriptions.Item label={d('no')}>
          <span data-testid="finding-no">{finding.findingNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={d('status')}>
          <FindingStatusTag status={finding.status} />
        </Descriptions.Item>
        <Descriptions.Item label={d('category')}>
          {label(CATEGORY_LABELS, finding.category)}
        </Descriptions.Item>
        <Descriptions.Item label={d('channel')}>{label(CHANNEL_LABELS, finding.channel)}</Descriptions.Item>
        {finding.matterName ? (
          <Descriptions.Item label={d('matter')}>{finding.matterName}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={d('inspector')}>{finding.inspectorName}</Descriptions.Item>
        <Descriptions.Item label={d('reportedAt')}>{formatTime(finding.createdAt)}</Descriptions.Item>
        {finding.departmentName ? (
          <Descriptions.Item label={d('department')}>
            <span data-testid="finding-department">{finding.departmentName}</span>
          </Descriptions.Item>
        ) : null}
        {finding.dueDate ? (
          <Descriptions.Item label={d('due')}>
            <DueCell
              dueDate={finding.dueDate}
              warning={finding.status === 'assigned' ? finding.warning : 'none'}
            />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={5}>{d('description')}</Typography.Title>
      <div className="inspector-text inspector-block" data-testid="finding-description-text">
        {finding.description}
      </div>
      <Typography.Title level={5}>{d('screenshots')}</Typography.Title>
      <div className="inspector-block">
        <Screenshots findingId={finding.id} hashes={finding.screenshots} />
      </div>
      {finding.rectification ? (
        <Alert
          type="success"
          showIcon
          className="inspector-block"
          data-testid="finding-rectification"
          title={`${d('rectification')}（${formatTime(finding.rectifiedAt)}）`}
          description={<div className="inspector-text">{finding.rectification}</div>}
        />
      ) : null}
      {finding.rejectReason ? (
        <Alert
          type="warning"
          showIcon
          className="inspector-block"
          title={d('rejectReason')}
          description={finding.rejectReason}
        />
      ) : null}
      {finding.confirmNote ? (
        <Alert
          type="info"
          showIcon
          className="inspector-block"
          title={d('confirmNote')}
          description={finding.confirmNote}
        />
      ) : null}
      <Typography.Title level={5}>{d('timeline')}</Typography.Title>
      <FindingTimeline events={finding.events} />
    </div>
  );
}
