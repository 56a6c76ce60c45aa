import { App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';
import { useMe } from '../auth/session.ts';
import { LoadError } from '../components/status.tsx';
import { finishHelp, HELP, type HelpRequest, takeHelp, useStaffHelpRequests } from './api.ts';

/** /workbench/help-requests — 帮办请求: the requests of my halls, oldest first; 接单, then 完成 with the outcome. */
export function HelpRequestsPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<'active' | 'done'>('active');
  const list = useStaffHelpRequests(view);
  const [finishing, setFinishing] = useState<HelpRequest | null>(null);
  return (
    <div data-testid="help-requests">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.helpRequests')}</Typography.Title>
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'active' | 'done')}
          options={[
            { value: 'active', label: t('assistance.staff.active') },
            { value: 'done', label: t('assistance.staff.done') },
          ]}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('assistance.staff.intro')}</Typography.Paragraph>
      <Card>
        {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <RequestTable rows={list.data ?? []} loading={list.isPending} onFinish={setFinishing} />
      </Card>
      <FinishDialog request={finishing} onClose={() => setFinishing(null)} />
    </div>
  );
}

/** How long a request has waited, in whole minutes. */
function Waited({ seconds }: { seconds: number | null }) {
  const { t } = useTranslation();
  if (seconds === null) return <>—</>;
  const minutes = Math.floor(seconds / 60);
  return (
    <>{minutes < 1 ? t('assistance.staff.justNow') : t('assistance.staff.minutes', { count: minutes })}</>
  );
}

type TableProps = { rows: HelpRequest[]; loading: boolean; onFinish: (r: HelpRequest) => void };

function RequestTable({ rows, loading, onFinish }: TableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const manager = !!me?.roles.some((r) => r.role === 'hall_manager');
  const take = useWrite<string, HelpRequest>({
    action: takeHelp,
    invalidates: [HELP],
    toast: true,
    refreshOnError: true,
    onSuccess: () => message.success(t('assistance.staff.taken')),
  });
  return (
    <Table<HelpRequest>
      rowKey="id"
      size="middle"
      loading={loading}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('assistance.staff.none') }}
      onRow={(r) =>
        ({ 'data-testid': 'help-request', 'data-name': r.name }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('assistance.staff.waiting'),
          dataIndex: 'waitingSeconds',
          width: 100,
          render: (s: number | null) => <Waited seconds={s} />,
        },
        {
          title: t('assistance.staff.person'),
          dataIndex: 'name',
          render: (name: string, r) => (
            <Space orientation="vertical" size={0}>
              <strong>{name}</strong>
              <span data-testid="help-phone">{r.phone}</span>
            </Space>
          ),
        },
        { title: t('assistance.staff.hall'), dataIndex: 'hallName' },
        {
          title: t('assistance.staff.matter'),
          dataIndex: 'matterName',
          render: (name: string | null, r) => (
            <Space orientation="vertical" size={0}>
              {name ? <span>{name}</span> : null}
              {r.note ? <Typography.Text type="secondary">{r.note}</Typography.Text> : null}
              {r.outcome ? <Typography.Text>{r.outcome}</Typography.Text> : null}
            </Space>
          ),
        },
        {
          title: t('assistance.staff.channel'),
          dataIndex: 'channel',
          width: 90,
          render: (c: string) => t(`assistance.staff.channels.${c}`, { defaultValue: c }),
        },
        {
          title: t('assistance.staff.status'),
          dataIndex: 'status',
          render: (s: HelpRequest['status'], r) => (
            <Space orientation="vertical" size={0}>
              <Tag
                color={s === 'open' ? 'orange' : s === 'taken' ? 'green' : 'default'}
                data-testid="help-status"
              >
                {t(`assistance.status.${s}`)}
              </Tag>
              {r.takenByName ? <small>{t('assistance.staff.takenBy', { name: r.takenByName })}</small> : null}
            </Space>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 110,
          render: (_: unknown, r) =>
            r.status === 'open' ? (
              <Button type="primary" data-testid="help-take" onClick={() => void take.run(r.id)}>
                {t('assistance.staff.take')}
              </Button>
            ) : r.status === 'taken' && (r.takenByMe || manager) ? (
              <Button data-testid="help-finish" onClick={() => onFinish(r)}>
                {t('assistance.staff.finish')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

function FinishDialog({ request, onClose }: { request: HelpRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: string }>();
  const finish = useWrite<{ outcome: string }, HelpRequest>({
    action: ({ outcome }) => finishHelp(request!.id, outcome),
    form,
    invalidates: [HELP],
    onSuccess: () => {
      message.success(t('assistance.staff.finished'));
      onClose();
    },
  });
  return (
    <Modal
      open={request !== null}
      title={request ? t('assistance.staff.finishTitle', { name: request.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('assistance.staff.finish')}
      okButtonProps={{ 'data-testid': 'help-finish-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={finish.busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void finish.run(v)}>
        {finish.problem ? <Typography.Text type="danger">{finish.problem}</Typography.Text> : null}
        <Form.Item
          name="outcome"
          label={t('assistance.staff.outcome')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { label: t('assistance.staff.outcome') }),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('assistance.staff.outcomePlaceholder')}
            data-testid="help-outcome"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
