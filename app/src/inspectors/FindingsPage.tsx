import { Button, Card, Drawer, Grid, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORY_LABELS,
  FINDING_STATUS_LABELS,
  FINDING_STATUSES,
  type FindingStatus,
  WARNING_LABELS,
  WARNINGS,
  type Warning,
} from '../../../common/inspectors/lists.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError } from '../components/status.tsx';
import { type FindingSummary, useFinding, useFindings, useLabel } from './api.ts';
import { FindingDetails } from './FindingDetails.tsx';
import { type Acting, FindingDialog, type Step } from './FindingDialog.tsx';
import { DueCell, FindingStatusTag } from './Tags.tsx';
import './inspectors.css';

type Scope = 'region' | 'inbox';
type View = FindingStatus | 'all';

/** What each list may do to a finding in a status. */
const STEPS: Record<Scope, Partial<Record<FindingStatus, Step[]>>> = {
  region: { submitted: ['assign', 'reject'] },
  inbox: { assigned: ['rectify'] },
};

/** /workbench/inspector-findings — 找茬问题 of the supervisor's region. */
export const RegionFindingsPage = () => <FindingsPage scope="region" />;

/** /workbench/inspector-rectify — 找茬整改 of my department. */
export const RectifyPage = () => <FindingsPage scope="inbox" />;

/**
 * 找茬问题 (`region`: the supervisor's findings, assigned to a department or not accepted) and
 * 找茬整改 (`inbox`: those assigned to my department, rectified), with each finding's screenshots
 * and steps in a drawer.
 */
export function FindingsPage({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [view, setView] = useState<View>(scope === 'region' ? 'submitted' : 'assigned');
  const [warning, setWarning] = useState<Warning | undefined>();
  const list = useFindings(scope, {
    ...(view === 'all' ? {} : { status: view }),
    ...(warning ? { warning } : {}),
  });
  const [open, setOpen] = useState<string | null>(null);
  const [acting, setActing] = useState<Acting | null>(null);
  const statuses = scope === 'region' ? FINDING_STATUSES : (['assigned', 'rectified', 'closed'] as const);
  const f = (key: 'no' | 'titleCol' | 'inspector' | 'department' | 'due' | 'status' | 'reportedAt') =>
    t(`inspectors.findings.${key}`);
  const actions = (row: FindingSummary) => (
    <Space orientation="vertical" size={4}>
      <Button size="small" onClick={() => setOpen(row.id)} data-testid="finding-open">
        {t('common.view')}
      </Button>
      {(STEPS[scope][row.status] ?? []).map((step) => (
        <Button
          key={step}
          type={step === 'reject' ? 'default' : 'primary'}
          danger={step === 'reject'}
          data-testid={`finding-${step}`}
          onClick={() => setActing({ finding: row, step })}
        >
          {t(`inspectors.findings.${step}`)}
        </Button>
      ))}
    </Space>
  );
  return (
    <div data-testid={scope === 'region' ? 'inspector-findings' : 'inspector-rectify'}>
      <div className="page-head">
        <Typography.Title level={3}>
          {t(scope === 'region' ? 'workbench.inspectorFindings' : 'workbench.inspectorRectify')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">
        {t(scope === 'region' ? 'inspectors.findings.intro' : 'inspectors.findings.inboxIntro')}
      </Typography.Paragraph>
      <Card>
        <Space wrap className="inspector-block">
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[...statuses, 'all' as const].map((v) => ({
              value: v,
              label: v === 'all' ? t('inspectors.manage.all') : label(FINDING_STATUS_LABELS, v),
            }))}
          />
          <Select<Warning>
            allowClear
            value={warning}
            onChange={setWarning}
            placeholder={t('inspectors.findings.warning')}
            style={{ width: 140 }}
            options={WARNINGS.filter((w) => w !== 'none').map((w) => ({
              value: w,
              label: label(WARNING_LABELS, w),
            }))}
          />
        </Space>
        {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<FindingSummary>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('inspectors.findings.none') }}
          onRow={(row) =>
            ({
              'data-testid': 'finding-row',
              'data-no': row.findingNo,
              'data-status': row.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: f('no'),
              dataIndex: 'findingNo',
              width: 150,
              render: (no: string, row) => (
                <Space orientation="vertical" size={0}>
                  <span>{no}</span>
                  <Typography.Text type="secondary">{formatTime(row.createdAt)}</Typography.Text>
                </Space>
              ),
            },
            {
              title: f('titleCol'),
              dataIndex: 'title',
              render: (title: string, row) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link strong onClick={() => setOpen(row.id)}>
                    {title}
                  </Typography.Link>
                  <Typography.Text type="secondary">
                    {label(CATEGORY_LABELS, row.category)}
                    {row.matterName ? ` · ${row.matterName}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: f('inspector'), dataIndex: 'inspectorName', width: 90 },
            {
              title: f('department'),
              dataIndex: 'departmentName',
              width: 160,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: f('due'),
              key: 'due',
              width: 120,
              render: (_: unknown, row) => (
                <DueCell dueDate={row.dueDate} warning={row.status === 'assigned' ? row.warning : 'none'} />
              ),
            },
            {
              title: f('status'),
              dataIndex: 'status',
              width: 90,
              render: (status: FindingStatus) => <FindingStatusTag status={status} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 110,
              render: (_: unknown, row) => actions(row),
            },
          ]}
        />
      </Card>
      <FindingDrawer findingId={open} onClose={() => setOpen(null)} />
      {acting ? <FindingDialog {...acting} onClose={() => setActing(null)} /> : null}
    </div>
  );
}

function FindingDrawer({ findingId, onClose }: { findingId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const finding = useFinding(findingId);
  return (
    <Drawer
      open={Boolean(findingId)}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={
        finding.data ? `${finding.data.findingNo} · ${finding.data.title}` : t('inspectors.detail.title')
      }
      destroyOnHidden
      data-testid="finding-drawer"
    >
      {finding.isError ? <LoadError error={finding.error} onRetry={() => void finding.refetch()} /> : null}
      {finding.data ? <FindingDetails finding={finding.data} /> : null}
    </Drawer>
  );
}
