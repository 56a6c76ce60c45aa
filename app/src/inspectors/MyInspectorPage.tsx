import { BugOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, List, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { CATEGORY_LABELS, CHANNEL_LABELS } from '../../../common/inspectors/lists.ts';
import { useMe } from '../auth/session.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import { finishTask, INSPECTORS, type MeAnswer, type TaskView, useLabel, useMine } from './api.ts';
import { FindingStatusTag, TaskStatusTag } from './Tags.tsx';
import './inspectors.css';

/** /my/inspector — the 体验官's tasks and findings, and 我要找茬. */
export function MyInspectorPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const mine = useMine(me?.kind === 'person');
  if (isPending) return <Loading />;
  if (!me) return <Navigate to="/login?as=person&next=/my/inspector" replace />;
  if (me.kind !== 'person') return <Navigate to="/inspectors" replace />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.isPending) return <Loading />;
  const inspector = mine.data.inspector;
  if (!inspector) return <Navigate to="/inspectors" replace />;
  const active = inspector.status === 'approved';
  return (
    <div className="page inspector-page" data-testid="my-inspector">
      <div className="inspector-head">
        <Typography.Title level={2} className="section-title">
          {t('inspectors.mine.title')}
        </Typography.Title>
        {active ? (
          <Link to="/my/inspector/report" data-testid="inspector-report">
            <Button type="primary" icon={<BugOutlined />}>
              {t('inspectors.form.title')}
            </Button>
          </Link>
        ) : null}
      </div>
      {active ? null : (
        <Alert
          type="warning"
          showIcon
          className="inspector-block"
          title={t('inspectors.mine.inactive')}
          action={<Link to="/inspectors">{t('inspectors.about.title')}</Link>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t('inspectors.mine.tasks')}>
            <Tasks tasks={mine.data.tasks} active={active} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('inspectors.mine.findings')}>
            <Findings findings={mine.data.findings} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Tasks({ tasks, active }: { tasks: TaskView[]; active: boolean }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [finishing, setFinishing] = useState<TaskView | null>(null);
  if (tasks.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspectors.mine.noTasks')} />;
  return (
    <>
      <List
        dataSource={tasks}
        renderItem={(task) => (
          <List.Item data-testid="my-task" data-status={task.status}>
            <Space orientation="vertical" size={4} className="inspector-full">
              <Space wrap>
                <Typography.Text strong>{task.title}</Typography.Text>
                <TaskStatusTag status={task.status} />
              </Space>
              <Typography.Text type="secondary">
                {task.matterName ? `${task.matterName} · ` : ''}
                {label(CHANNEL_LABELS, task.channel)} · {t('inspectors.mine.due', { date: task.dueDate })}
              </Typography.Text>
              {task.instructions ? <div className="inspector-text">{task.instructions}</div> : null}
              {task.report ? (
                <Typography.Text type="success">
                  {t('inspectors.mine.report')}：{task.report}
                </Typography.Text>
              ) : null}
              {active && task.status === 'open' ? (
                <Space wrap>
                  {task.implementationId ? (
                    <Link to={`/guide/${task.implementationId}`} data-testid="task-try">
                      <Button>{t('inspectors.mine.try')}</Button>
                    </Link>
                  ) : null}
                  <Link
                    to={`/my/inspector/report?task=${encodeURIComponent(task.id)}`}
                    data-testid="task-find"
                  >
                    <Button icon={<BugOutlined />}>{t('inspectors.form.title')}</Button>
                  </Link>
                  <Button type="primary" data-testid="task-done" onClick={() => setFinishing(task)}>
                    {t('inspectors.mine.done')}
                  </Button>
                </Space>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      {finishing ? (
        <ReasonDialog
          title={t('inspectors.mine.doneTitle')}
          okText={t('inspectors.mine.done')}
          hint={{ type: 'info', text: t('inspectors.mine.doneHint') }}
          subject={finishing.title}
          reasonLabel={t('inspectors.mine.report')}
          reasonRule={t('inspectors.mine.reportRule')}
          maxLength={2000}
          send={(report) => finishTask(finishing.id, report)}
          done={t('inspectors.mine.finished')}
          refresh={[INSPECTORS]}
          testId="task-done"
          onClose={() => setFinishing(null)}
        />
      ) : null}
    </>
  );
}

function Findings({ findings }: { findings: MeAnswer['findings'] }) {
  const { t } = useTranslation();
  const label = useLabel();
  if (findings.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspectors.mine.noFindings')} />;
  }
  return (
    <List
      dataSource={findings}
      renderItem={(finding) => (
        <List.Item data-testid="my-finding" data-no={finding.findingNo} data-status={finding.status}>
          <Space orientation="vertical" size={4} className="inspector-full">
            <Space wrap>
              <Link to={`/my/inspector/findings/${finding.id}`} data-testid="my-finding-link">
                <Typography.Text strong>{finding.title}</Typography.Text>
              </Link>
              <FindingStatusTag status={finding.status} />
            </Space>
            <Typography.Text type="secondary">
              {finding.findingNo} · {label(CATEGORY_LABELS, finding.category)} ·{' '}
              {formatTime(finding.createdAt)}
            </Typography.Text>
            {finding.status === 'rectified' ? (
              <Typography.Text type="warning">{t('inspectors.mine.toConfirm')}</Typography.Text>
            ) : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
