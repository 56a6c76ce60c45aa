import { Button, Card, Segmented, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskPhone } from '../../../common/identity.ts';
import {
  CHANNEL_LABELS,
  INSPECTOR_STATUS_LABELS,
  type InspectorStatus,
} from '../../../common/inspectors/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { LoadError } from '../components/status.tsx';
import {
  cancelTask,
  decide,
  INSPECTORS,
  type InspectorView,
  type TaskView,
  useApplications,
  useLabel,
  useTasks,
} from './api.ts';
import { InspectorStatusTag, TaskStatusTag } from './Tags.tsx';
import { TaskDialog } from './TaskDialog.tsx';
import './inspectors.css';

type Acting = { inspector: InspectorView; step: 'reject' | 'suspend' | 'task' };

/** /workbench/inspectors — 体验官管理: applications to decide, 体验官 to give tasks, and the tasks. */
export function ManagePage() {
  const { t } = useTranslation();
  return (
    <div data-testid="inspectors-manage">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.inspectors')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('inspectors.manage.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'applications', label: t('inspectors.manage.applications'), children: <Applications /> },
          { key: 'tasks', label: t('inspectors.manage.tasks'), children: <Tasks /> },
        ]}
      />
    </div>
  );
}

type View = InspectorStatus | 'all';

function Applications() {
  const { t } = useTranslation();
  const label = useLabel();
  const [view, setView] = useState<View>('pending');
  const list = useApplications(view === 'all' ? {} : { status: view });
  const [acting, setActing] = useState<Acting | null>(null);
  const approve = useWrite<InspectorView>({
    action: (inspector) => decide(inspector.id, { decision: 'approve', version: inspector.version }),
    invalidates: [INSPECTORS],
    toast: true,
    refreshOnError: true,
  });
  const m = (key: 'name' | 'phone' | 'region' | 'occupation' | 'motivation' | 'appliedAt' | 'status') =>
    t(`inspectors.manage.${key}`);
  return (
    <Card>
      <Segmented<View>
        className="inspector-block"
        value={view}
        onChange={setView}
        options={(['pending', 'approved', 'rejected', 'suspended', 'all'] as const).map((v) => ({
          value: v,
          label: v === 'all' ? t('inspectors.manage.all') : label(INSPECTOR_STATUS_LABELS, v),
        }))}
      />
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<InspectorView>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('inspectors.manage.noApplications') }}
        onRow={(row) =>
          ({ 'data-testid': 'inspector-row', 'data-status': row.status }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: m('name'), dataIndex: 'name', width: 100 },
          { title: m('phone'), dataIndex: 'phone', width: 130, render: (phone: string) => maskPhone(phone) },
          { title: m('region'), dataIndex: 'regionName', width: 110 },
          {
            title: m('occupation'),
            dataIndex: 'occupation',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: m('motivation'),
            dataIndex: 'motivation',
            render: (v: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }}>{v}</Typography.Paragraph>
            ),
          },
          { title: m('appliedAt'), dataIndex: 'createdAt', width: 150, render: formatTime },
          {
            title: m('status'),
            key: 'status',
            width: 140,
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={2}>
                <InspectorStatusTag status={row.status} />
                {row.decisionReason ? (
                  <Typography.Text type="secondary">{row.decisionReason}</Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={4}>
                {row.status === 'pending' ? (
                  <>
                    <Button
                      type="primary"
                      data-testid="inspector-approve"
                      onClick={() => void approve.run(row)}
                    >
                      {t('inspectors.manage.approve')}
                    </Button>
                    <Button
                      danger
                      data-testid="inspector-reject"
                      onClick={() => setActing({ inspector: row, step: 'reject' })}
                    >
                      {t('inspectors.manage.reject')}
                    </Button>
                  </>
                ) : null}
                {row.status === 'approved' ? (
                  <>
                    <Button
                      type="primary"
                      data-testid="inspector-task"
                      onClick={() => setActing({ inspector: row, step: 'task' })}
                    >
                      {t('inspectors.manage.assignTask')}
                    </Button>
                    <Button
                      data-testid="inspector-suspend"
                      onClick={() => setActing({ inspector: row, step: 'suspend' })}
                    >
                      {t('inspectors.manage.suspend')}
                    </Button>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {acting?.step === 'task' ? (
        <TaskDialog inspector={acting.inspector} onClose={() => setActing(null)} />
      ) : null}
      {acting && acting.step !== 'task' ? (
        <DecisionDialog inspector={acting.inspector} step={acting.step} onClose={() => setActing(null)} />
      ) : null}
    </Card>
  );
}

function DecisionDialog(props: {
  inspector: InspectorView;
  step: 'reject' | 'suspend';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { inspector, step } = props;
  const reject = step === 'reject';
  return (
    <ReasonDialog
      title={t(reject ? 'inspectors.manage.rejectTitle' : 'inspectors.manage.suspendTitle')}
      okText={t(reject ? 'inspectors.manage.reject' : 'inspectors.manage.suspend')}
      danger
      hint={{ type: 'warning', text: t('inspectors.manage.reasonHint') }}
      subject={`${inspector.name} · ${inspector.regionName}`}
      reasonLabel={t('inspectors.manage.reason')}
      reasonRule={t('inspectors.manage.reasonRule')}
      maxLength={500}
      send={(reason) => decide(inspector.id, { decision: step, reason, version: inspector.version })}
      done={t('inspectors.manage.decided')}
      refresh={[INSPECTORS]}
      testId={`inspector-${step}`}
      onClose={props.onClose}
    />
  );
}

function Tasks() {
  const { t } = useTranslation();
  const label = useLabel();
  const tasks = useTasks({});
  const cancel = useWrite<TaskView>({
    action: (task) => cancelTask(task.id),
    invalidates: [INSPECTORS],
    toast: true,
    refreshOnError: true,
  });
  const m = (key: 'taskTitle' | 'inspector' | 'matter' | 'channel' | 'dueDate' | 'status' | 'report') =>
    t(`inspectors.manage.${key}`);
  return (
    <Card>
      {tasks.isError ? <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      <Table<TaskView>
        rowKey="id"
        size="middle"
        loading={tasks.isPending}
        dataSource={tasks.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('inspectors.manage.noTasks') }}
        onRow={(row) =>
          ({ 'data-testid': 'task-row', 'data-status': row.status }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: m('taskTitle'), dataIndex: 'title' },
          { title: m('inspector'), dataIndex: 'inspectorName', width: 100 },
          { title: m('matter'), dataIndex: 'matterName', render: (v: string | null) => v ?? '—' },
          {
            title: m('channel'),
            dataIndex: 'channel',
            width: 110,
            render: (v: string) => label(CHANNEL_LABELS, v),
          },
          { title: m('dueDate'), dataIndex: 'dueDate', width: 110 },
          {
            title: m('status'),
            key: 'status',
            width: 180,
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={2}>
                <TaskStatusTag status={row.status} />
                {row.report ? <Typography.Text type="secondary">{row.report}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, row) =>
              row.status === 'open' ? (
                <Button size="small" onClick={() => void cancel.run(row)} data-testid="task-cancel">
                  {t('inspectors.manage.cancelTask')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
