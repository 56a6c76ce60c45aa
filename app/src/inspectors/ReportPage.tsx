import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  FINDING_CATEGORIES,
  type FindingCategory,
  TEXT_MAX,
  TITLE_MAX,
} from '../../../common/inspectors/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { useMe } from '../auth/session.ts';
import { LoadError, Loading } from '../components/status.tsx';
import {
  type FindingBody,
  type FindingView,
  INSPECTORS,
  reportFinding,
  type TaskView,
  useCatalogueSearch,
  useLabel,
  useMatterName,
  useMine,
} from './api.ts';
import { ScreenshotPicker } from './ScreenshotPicker.tsx';
import './inspectors.css';

type Values = {
  category: FindingCategory;
  channel: Channel;
  title: string;
  description: string;
  implementationId?: string;
};

/**
 * /my/inspector/report — 我要找茬: the category, channel, title and description of a fault, the
 * matter (from the task or the guide it was opened from, or searched) and up to six screenshots.
 */
export function ReportPage() {
  const { data: me, isPending } = useMe();
  const mine = useMine(me?.kind === 'person');
  const [params] = useSearchParams();
  if (isPending) return <Loading />;
  if (!me) {
    const next = `/my/inspector/report${params.size ? `?${params}` : ''}`;
    return <Navigate to={`/login?as=person&next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.kind !== 'person') return <Navigate to="/inspectors" replace />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.isPending) return <Loading />;
  if (mine.data.inspector?.status !== 'approved') return <Navigate to="/inspectors" replace />;
  const taskId = params.get('task');
  const task = mine.data.tasks.find((t) => t.id === taskId && t.status === 'open') ?? null;
  return <ReportForm task={task} matterId={task?.implementationId ?? params.get('matter')} />;
}

function ReportForm({ task, matterId }: { task: TaskView | null; matterId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const [shots, setShots] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const onShots = useCallback((hashes: string[]) => setShots(hashes), []);
  const onBusy = useCallback((busy: boolean) => setUploading(busy), []);
  const guideName = useMatterName(task ? null : matterId);
  const matterName = task?.matterName ?? guideName.data ?? null;
  const write = useWrite<FindingBody, FindingView>({
    action: reportFinding,
    form,
    invalidates: [INSPECTORS],
    onSuccess: (finding) => {
      message.success(t('inspectors.form.sent', { no: finding.findingNo }));
      navigate(`/my/inspector/findings/${finding.id}`, { replace: true });
    },
  });
  const required = (key: 'category' | 'channel' | 'titleField' | 'description') => ({
    required: true,
    whitespace: key === 'titleField' || key === 'description',
    message: t('inspectors.required', { label: t(`inspectors.form.${key}`) }),
  });
  const submit = (v: Values) =>
    write.run({
      ...(task ? { taskId: task.id } : {}),
      category: v.category,
      channel: v.channel,
      title: v.title.trim(),
      description: v.description.trim(),
      ...(v.implementationId ? { implementationId: v.implementationId } : {}),
      screenshots: shots,
    });
  return (
    <div className="page inspector-page" data-testid="inspector-report-page">
      <Typography.Title level={2} className="section-title">
        {t('inspectors.form.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('inspectors.form.intro')}</Typography.Paragraph>
      <Card>
        {task ? (
          <Alert
            type="info"
            showIcon
            className="inspector-block"
            title={t('inspectors.form.fromTask', { title: task.title })}
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            category: matterId ? 'guide' : undefined,
            channel: task?.channel ?? 'online',
            ...(matterId ? { implementationId: matterId } : {}),
          }}
          onFinish={submit}
          data-testid="finding-form"
        >
          <Form.Item name="category" label={t('inspectors.form.category')} rules={[required('category')]}>
            <Select
              data-testid="finding-category"
              options={FINDING_CATEGORIES.map((c) => ({ value: c, label: label(CATEGORY_LABELS, c) }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('inspectors.form.channel')} rules={[required('channel')]}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS, c) }))} />
          </Form.Item>
          <Form.Item name="implementationId" label={t('inspectors.form.matter')}>
            <MatterSearch currentName={matterName} />
          </Form.Item>
          <Form.Item name="title" label={t('inspectors.form.titleField')} rules={[required('titleField')]}>
            <Input maxLength={TITLE_MAX} data-testid="finding-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('inspectors.form.description')}
            rules={[required('description')]}
          >
            <Input.TextArea
              rows={5}
              maxLength={TEXT_MAX}
              placeholder={t('inspectors.form.descriptionHint')}
              data-testid="finding-description"
            />
          </Form.Item>
          <Form.Item label={t('inspectors.form.screenshots')}>
            <ScreenshotPicker onChange={onShots} onBusy={onBusy} />
          </Form.Item>
          {write.problem ? (
            <Alert type="error" showIcon title={write.problem} className="inspector-block" />
          ) : null}
          <div className="inspector-actions">
            <Link to="/my/inspector">
              <Button>{t('common.cancel')}</Button>
            </Link>
            <Button
              type="primary"
              htmlType="submit"
              loading={write.busy}
              disabled={uploading}
              data-testid="finding-submit"
            >
              {t(uploading ? 'inspectors.form.uploading' : 'inspectors.form.submit')}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

/** A published matter chosen by typing part of its name. */
function MatterSearch(props: {
  currentName: string | null;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useCatalogueSearch(q);
  const options = (found.data?.items ?? []).map((m) => ({
    value: m.implementationId,
    label: `${m.name}（${m.departmentName}）`,
  }));
  if (props.value && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.currentName ?? props.value });
  }
  return (
    <Select
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      allowClear
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      loading={found.isFetching}
      placeholder={t('inspectors.form.matterHint')}
      notFoundContent={q ? t('common.noData') : null}
      options={options}
      data-testid="finding-matter"
    />
  );
}
