import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  LEVEL_LABELS,
  PROBLEM_LABELS,
  type Problem,
  type RatingLevel,
} from '../../../common/ratings/lists.ts';
import { useMe } from '../auth/session.ts';
import { LoadError } from '../components/status.tsx';
import { type RevisitView, useLabel, useRevisits } from './api.ts';
import { LevelFace } from './LevelPicker.tsx';
import type { RevisitKey } from './messages.zh-CN.ts';
import { RevisitDialog, type RevisitStep } from './RevisitDialog.tsx';
import './ratings.css';

type View = 'todo' | 'done' | 'review';

const inView = (view: View, r: RevisitView) =>
  view === 'review'
    ? r.reviewStatus === 'requested'
    : view === 'done'
      ? r.status === 'rectified'
      : r.status !== 'rectified' && r.reviewStatus !== 'upheld';

/**
 * /workbench/revisits — 差评整改: the 差评 of my department (a supervisor: of my region) with their
 * contact and rectification due days and warnings; 记录回访, 录入整改结果 and 申请复核 for the
 * department, the decision on a review request for the supervisor.
 */
export function RevisitsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const supervisor = !!me?.roles.some((r) => r.role === 'supervisor');
  const department = !!me?.roles.some(
    (r) => r.role === 'department_head' || r.role === 'department_reviewer',
  );
  const [view, setView] = useState<View>(supervisor && !department ? 'review' : 'todo');
  const list = useRevisits({});
  const [acting, setActing] = useState<{ revisit: RevisitView; step: RevisitStep } | null>(null);
  const rows = (list.data?.items ?? []).filter((r) => inView(view, r));
  const act = (revisit: RevisitView, step: RevisitStep) => setActing({ revisit, step });
  return (
    <div data-testid="revisits-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.revisits')}</Typography.Title>
        <Segmented
          value={view}
          onChange={(v) => setView(v as View)}
          options={[
            { value: 'todo', label: t('ratings.revisits.open') },
            { value: 'done', label: t('ratings.revisits.done') },
            { value: 'review', label: t('ratings.revisits.review') },
          ]}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('ratings.revisits.intro')}</Typography.Paragraph>
      <Card>
        {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <RevisitTable
          rows={rows}
          loading={list.isPending}
          department={department}
          supervisor={supervisor}
          onAct={act}
        />
      </Card>
      {acting ? <RevisitDialog {...acting} onClose={() => setActing(null)} /> : null}
    </div>
  );
}

type TableProps = {
  rows: RevisitView[];
  loading: boolean;
  department: boolean;
  supervisor: boolean;
  onAct: (r: RevisitView, step: RevisitStep) => void;
};

function RevisitTable({ rows, loading, department, supervisor, onAct }: TableProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const r = (key: RevisitKey) => t(`ratings.revisits.${key}`);
  return (
    <Table<RevisitView>
      rowKey="id"
      size="middle"
      loading={loading}
      pagination={false}
      dataSource={rows}
      scroll={{ x: 900 }}
      locale={{ emptyText: r('none') }}
      onRow={(row) =>
        ({
          'data-testid': 'revisit',
          'data-case-no': row.caseNo,
          'data-status': row.status,
          'data-warning': row.warning,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: r('caseNo'),
          dataIndex: 'caseNo',
          render: (caseNo: string, row) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/workbench/cases/${row.caseId}`}>{caseNo}</Link>
              <span>{row.matterName}</span>
              <Typography.Text type="secondary">{row.departmentName}</Typography.Text>
              {row.hotlineRequestNo ? (
                <Tag color="blue" data-testid="revisit-hotline-request">
                  {t('ratings.revisits.hotlineRequest', { no: row.hotlineRequestNo })}
                </Tag>
              ) : null}
            </Space>
          ),
        },
        {
          title: r('level'),
          dataIndex: 'level',
          width: 220,
          render: (level: number, row) => (
            <Space orientation="vertical" size={2}>
              <span className="rating-given-level rating-small">
                <LevelFace level={level} /> {label(LEVEL_LABELS[level as RatingLevel])}
              </span>
              <span>{row.problems.map((p) => label(PROBLEM_LABELS[p as Problem]) || p).join('、')}</span>
              {row.comment ? <Typography.Text type="secondary">{row.comment}</Typography.Text> : null}
            </Space>
          ),
        },
        {
          title: r('due'),
          key: 'due',
          width: 170,
          render: (_: unknown, row) => (
            <Space orientation="vertical" size={2}>
              <span>
                {r('contactDue')} {row.contactDue}
              </span>
              <span>
                {r('rectifyDue')} {row.rectifyDue}
              </span>
              {row.warning !== 'none' ? (
                <Tag color={row.warning === 'red' ? 'red' : 'gold'} data-testid="revisit-warning">
                  {r(row.warning === 'red' ? 'warningRed' : 'warningYellow')}
                </Tag>
              ) : null}
            </Space>
          ),
        },
        {
          title: r('status'),
          dataIndex: 'status',
          width: 240,
          render: (status: RevisitView['status'], row) => <RevisitProgress row={row} status={status} />,
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 150,
          render: (_: unknown, row) => (
            <Space orientation="vertical" size={4}>
              {department && row.status === 'open' ? (
                <Button type="primary" data-testid="revisit-contact" onClick={() => onAct(row, 'contact')}>
                  {r('contact')}
                </Button>
              ) : null}
              {department && row.status === 'contacted' && row.reviewStatus !== 'upheld' ? (
                <Button type="primary" data-testid="revisit-rectify" onClick={() => onAct(row, 'rectify')}>
                  {r('rectify')}
                </Button>
              ) : null}
              {department && row.status !== 'rectified' && row.reviewStatus === 'none' ? (
                <Button data-testid="revisit-request" onClick={() => onAct(row, 'request')}>
                  {r('requestReview')}
                </Button>
              ) : null}
              {supervisor && row.reviewStatus === 'requested' ? (
                <>
                  <Button danger data-testid="revisit-uphold" onClick={() => onAct(row, 'uphold')}>
                    {r('uphold')}
                  </Button>
                  <Button data-testid="revisit-reject" onClick={() => onAct(row, 'reject')}>
                    {r('reject')}
                  </Button>
                </>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

const STATUS_KEYS = {
  open: 'statusOpen',
  contacted: 'statusContacted',
  rectified: 'statusRectified',
} as const;
const REVIEW_KEYS = {
  requested: 'reviewRequested',
  upheld: 'reviewUpheld',
  rejected: 'reviewRejected',
} as const;

function RevisitProgress({ row, status }: { row: RevisitView; status: RevisitView['status'] }) {
  const { t } = useTranslation();
  const r = (key: RevisitKey) => t(`ratings.revisits.${key}`);
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        <Tag
          color={status === 'rectified' ? 'green' : status === 'contacted' ? 'blue' : 'orange'}
          data-testid="revisit-status"
        >
          {r(STATUS_KEYS[status])}
        </Tag>
        {row.reviewStatus !== 'none' ? (
          <Tag color={row.reviewStatus === 'upheld' ? 'default' : 'purple'} data-testid="revisit-review">
            {r(REVIEW_KEYS[row.reviewStatus])}
          </Tag>
        ) : null}
      </Space>
      {row.contactNote ? (
        <span>{t('ratings.revisits.contactNoteShown', { note: row.contactNote })}</span>
      ) : null}
      {row.outcome ? <span>{t('ratings.revisits.outcomeShown', { outcome: row.outcome })}</span> : null}
      {row.reviewReason ? (
        <Typography.Text type="secondary">
          {r('reviewReason')}：{row.reviewReason}
        </Typography.Text>
      ) : null}
      {row.reviewDecisionReason ? (
        <Typography.Text type="secondary">
          {r('decisionReason')}：{row.reviewDecisionReason}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
