import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSIGNMENT_ROLE_LABELS,
  ASSIGNMENT_STATUS_LABELS,
  type AssignmentRole,
  type AssignmentStatus,
  KIND_LABELS,
  type RequestKind,
} from '../../../common/hotline/lists.ts';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { LoadError } from '../components/status.tsx';
import { ASSIGNMENTS, type InboxItem, replyAssignment, returnAssignment, useInbox, useLabel } from './api.ts';
import { DueCell } from './Tags.tsx';
import './hotline.css';

type View = 'open' | 'all';
type Acting = { item: InboxItem; step: 'reply' | 'return' };

/**
 * /workbench/hotline-tasks — 12345 工单办理: the requests assigned to my department with their due
 * days and warnings; 答复 (the primary's reply answers the request) and 退单 with a reason.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const [view, setView] = useState<View>('open');
  const inbox = useInbox(view === 'open' ? 'assigned' : undefined);
  const [acting, setActing] = useState<Acting | null>(null);
  return (
    <div data-testid="hotline-tasks">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.hotlineTasks')}</Typography.Title>
        <Segmented
          value={view}
          onChange={(v) => setView(v as View)}
          options={[
            { value: 'open', label: t('hotline.tasks.open') },
            { value: 'all', label: t('hotline.tasks.all') },
          ]}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('hotline.tasks.intro')}</Typography.Paragraph>
      <Card>
        {inbox.isError ? <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
        <Table<InboxItem>
          rowKey="id"
          size="middle"
          loading={inbox.isPending}
          dataSource={inbox.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('hotline.tasks.none') }}
          onRow={(row) =>
            ({
              'data-testid': 'hotline-task',
              'data-no': row.requestNo,
              'data-status': row.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('hotline.list.no'),
              dataIndex: 'requestNo',
              width: 180,
              render: (no: string, row) => (
                <Space orientation="vertical" size={0}>
                  <span>{no}</span>
                  <Typography.Text type="secondary">
                    {label(KIND_LABELS, row.kind as RequestKind)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('hotline.list.titleCol'),
              dataIndex: 'title',
              render: (title: string, row) => (
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong>{title}</Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} className="hotline-hit">
                    {row.content}
                  </Typography.Paragraph>
                  {row.reply ? (
                    <Typography.Text type="success">
                      {t('hotline.detail.reply')}：{row.reply}
                    </Typography.Text>
                  ) : null}
                  {row.returnReason ? (
                    <Typography.Text type="warning">
                      {t('hotline.detail.returnReason')}：{row.returnReason}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('hotline.tasks.role'),
              dataIndex: 'role',
              width: 80,
              render: (role: AssignmentRole) => label(ASSIGNMENT_ROLE_LABELS, role),
            },
            {
              title: t('hotline.list.due'),
              key: 'due',
              width: 120,
              render: (_: unknown, row) => (
                <DueCell dueDate={row.dueDate} warning={row.warning} done={row.status !== 'assigned'} />
              ),
            },
            {
              title: t('hotline.list.status'),
              dataIndex: 'status',
              width: 100,
              render: (status: AssignmentStatus) => <Tag>{label(ASSIGNMENT_STATUS_LABELS, status)}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 110,
              render: (_: unknown, row) =>
                row.status === 'assigned' ? (
                  <Space orientation="vertical" size={4}>
                    <Button
                      type="primary"
                      data-testid="task-reply"
                      onClick={() => setActing({ item: row, step: 'reply' })}
                    >
                      {t('hotline.tasks.reply')}
                    </Button>
                    <Button
                      data-testid="task-return"
                      onClick={() => setActing({ item: row, step: 'return' })}
                    >
                      {t('hotline.tasks.return')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      {acting ? <TaskDialog {...acting} onClose={() => setActing(null)} /> : null}
    </div>
  );
}

function TaskDialog({ item, step, onClose }: Acting & { onClose: () => void }) {
  const { t } = useTranslation();
  const reply = step === 'reply';
  return (
    <ReasonDialog
      title={t(reply ? 'hotline.tasks.replyTitle' : 'hotline.tasks.returnTitle')}
      okText={t(reply ? 'hotline.tasks.reply' : 'hotline.tasks.return')}
      danger={!reply}
      hint={{
        type: reply ? 'info' : 'warning',
        text: t(reply ? 'hotline.tasks.replyHint' : 'hotline.tasks.returnHint'),
      }}
      subject={`${item.requestNo} · ${item.title}`}
      reasonLabel={t(reply ? 'hotline.tasks.replyField' : 'hotline.tasks.returnField')}
      reasonRule={t(reply ? 'hotline.tasks.replyRule' : 'hotline.tasks.returnRule')}
      maxLength={2000}
      send={(text) => (reply ? replyAssignment(item.id, text) : returnAssignment(item.id, text))}
      done={t(reply ? 'hotline.tasks.replied' : 'hotline.tasks.returned')}
      refresh={[ASSIGNMENTS]}
      testId={`task-${step}`}
      onClose={onClose}
    />
  );
}
