import { Alert, Button, Descriptions, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  CHANNEL_LABELS,
  isBadLevel,
  LEVEL_LABELS,
  PROBLEM_LABELS,
  type Problem,
  type RatingLevel,
  STAGE_LABELS,
} from '../../../common/ratings/lists.ts';
import { api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import { LoadError } from '../components/status.tsx';
import { HOTLINE_CASE, type HotlineCase, rateByPhone, useHotlineCase, useLabel } from '../ratings/api.ts';
import { LevelFace } from '../ratings/LevelPicker.tsx';
import type { DeskKey } from '../ratings/messages.zh-CN.ts';
import { RatingForm } from '../ratings/RatingForm.tsx';
import { REQUESTS } from './api.ts';
import '../ratings/later-messages.ts';
import '../ratings/ratings.css';
import './case-rating.css';

type Stage = HotlineCase['stages'][number];

/**
 * 办件评价 at the 12345 desk: a case by number with its matter, department and the ratings of
 * each stage; a rating given by phone entered for a stage not rated yet, and a 差评 turned into a
 * 投诉 request about the case. With `caseNo` given the case is shown without the search box.
 */
export function CaseRatingPanel({ caseNo: fixed }: { caseNo?: string }) {
  const { t } = useTranslation();
  const d = (key: DeskKey) => t(`ratings.desk.${key}`);
  const [caseNo, setCaseNo] = useState(fixed ?? '');
  const found = useHotlineCase(caseNo);
  return (
    <div data-testid="desk-case-rating">
      {fixed ? null : (
        <Input.Search
          aria-label={d('caseNo')}
          placeholder={d('caseNoPlaceholder')}
          enterButton={d('find')}
          allowClear
          data-testid="desk-case-no"
          onSearch={(value) => setCaseNo(value.trim())}
          loading={found.isFetching}
        />
      )}
      {found.isError ? (
        <div style={{ marginTop: 12 }}>
          <LoadError error={found.error} onRetry={() => void found.refetch()} />
        </div>
      ) : null}
      {found.data ? <CaseFound found={found.data} /> : null}
    </div>
  );
}

function CaseFound({ found }: { found: HotlineCase }) {
  const { t } = useTranslation();
  const d = (key: DeskKey) => t(`ratings.desk.${key}`);
  return (
    <div className="desk-case" data-testid="desk-case" data-case-no={found.caseNo}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={d('caseNo')}>{found.caseNo}</Descriptions.Item>
        <Descriptions.Item label={d('matter')}>{found.matterName}</Descriptions.Item>
        <Descriptions.Item label={d('department')}>{found.departmentName}</Descriptions.Item>
        {found.hallName ? <Descriptions.Item label={d('hall')}>{found.hallName}</Descriptions.Item> : null}
        <Descriptions.Item label={d('applicant')}>{found.applicantName}</Descriptions.Item>
      </Descriptions>
      {found.stages.map((stage) => (
        <StageRating key={stage.stage} found={found} stage={stage} />
      ))}
    </div>
  );
}

function StageRating({ found, stage }: { found: HotlineCase; stage: Stage }) {
  const { t } = useTranslation();
  const label = useLabel();
  const d = (key: DeskKey) => t(`ratings.desk.${key}`);
  const [entering, setEntering] = useState(false);
  const rating = stage.rating;
  return (
    <div className="desk-stage" data-testid="desk-stage" data-stage={stage.stage}>
      <div className="desk-stage-name">
        <Typography.Text strong>{label(STAGE_LABELS[stage.stage])}</Typography.Text>
      </div>
      {!stage.reached ? (
        <Typography.Text type="secondary">{d('notReached')}</Typography.Text>
      ) : rating ? (
        <div data-testid="desk-rating" data-level={rating.level}>
          <Space wrap>
            <LevelFace level={rating.level} />
            <span data-testid="desk-rating-level">{label(LEVEL_LABELS[rating.level as RatingLevel])}</span>
            <Tag data-testid="desk-rating-channel">{label(CHANNEL_LABELS[rating.channel])}</Tag>
            {rating.isDefault ? <Tag>{t('ratings.given.default')}</Tag> : null}
            {rating.status === 'voided' ? <Tag>{t('ratings.revisits.reviewUpheld')}</Tag> : null}
          </Space>
          {rating.problems.length ? (
            <div>{rating.problems.map((p) => label(PROBLEM_LABELS[p as Problem]) || p).join('、')}</div>
          ) : null}
          {rating.comment ? (
            <div>
              <Typography.Text type="secondary">{rating.comment}</Typography.Text>
            </div>
          ) : null}
          <div className="desk-request">
            <RequestOfRating rating={rating} />
          </div>
        </div>
      ) : entering ? (
        <PhoneRating found={found} stage={stage} onDone={() => setEntering(false)} />
      ) : (
        <Space>
          <Typography.Text type="secondary">{d('notRated')}</Typography.Text>
          <Button onClick={() => setEntering(true)} data-testid="desk-enter">
            {d('enter')}
          </Button>
        </Space>
      )}
    </div>
  );
}

function RequestOfRating({ rating }: { rating: NonNullable<Stage['rating']> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const d = (key: DeskKey) => t(`ratings.desk.${key}`);
  const write = useWrite<void, { id: string }>({
    action: () => api.post<{ id: string }>(`/api/hotline/from-rating/${encodeURIComponent(rating.id)}`),
    invalidates: [HOTLINE_CASE, REQUESTS],
    toast: true,
    onSuccess: (created) => navigate(`/workbench/hotline/${created.id}`),
  });
  if (rating.requestId)
    return (
      <div>
        {d('request')}：
        <Link to={`/workbench/hotline/${rating.requestId}`} data-testid="desk-request-link">
          {rating.requestNo}
        </Link>
      </div>
    );
  if (!isBadLevel(rating.level) || rating.status !== 'valid') return null;
  return (
    <Button danger loading={write.busy} onClick={() => void write.run()} data-testid="desk-to-request">
      {d('toRequest')}
    </Button>
  );
}

function PhoneRating({ found, stage, onDone }: { found: HotlineCase; stage: Stage; onDone: () => void }) {
  const { t } = useTranslation();
  const d = (key: DeskKey) => t(`ratings.desk.${key}`);
  const [set, setSet] = useState<'online' | 'window'>(found.atWindow ? 'window' : 'online');
  return (
    <div className="desk-phone-rating" data-testid="desk-phone-rating">
      <Space style={{ margin: '8px 0' }}>
        <span>{d('subScoreSet')}</span>
        <Segmented
          value={set}
          onChange={(v) => setSet(v as 'online' | 'window')}
          options={[
            { value: 'online', label: d('setOnline') },
            { value: 'window', label: d('setWindow') },
          ]}
        />
      </Space>
      <Alert
        type="info"
        showIcon
        title={`${found.caseNo} · ${found.matterName}`}
        style={{ marginBottom: 8 }}
      />
      <RatingForm
        key={set}
        channel={set === 'window' ? 'window' : 'hotline'}
        send={(body) => rateByPhone({ ...body, caseNo: found.caseNo, stage: stage.stage, subScoreSet: set })}
        invalidates={[HOTLINE_CASE]}
        onSent={onDone}
      />
    </div>
  );
}
