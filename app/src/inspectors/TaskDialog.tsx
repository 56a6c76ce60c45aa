import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  TEXT_MAX,
  TITLE_MAX,
} from '../../../common/inspectors/lists.ts';
import { FormModal } from '../components/FormModal.tsx';
import { createTask, INSPECTORS, type InspectorView, useLabel, useMatterOptions } from './api.ts';

type Values = {
  implementationId?: string;
  title: string;
  channel: Channel;
  instructions?: string;
  dueDate: Dayjs;
};

/** 派发任务: a matter of the region to try through a channel by a day, with instructions. */
export function TaskDialog({ inspector, onClose }: { inspector: InspectorView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const k = (key: 'matter' | 'taskTitle' | 'channel' | 'instructions' | 'dueDate') =>
    t(`inspectors.manage.${key}`);
  const required = (key: 'taskTitle' | 'channel' | 'dueDate') => ({
    required: true,
    message: t('inspectors.required', { label: k(key) }),
  });
  return (
    <FormModal<Values>
      open
      title={`${t('inspectors.manage.assignTask')} · ${inspector.name}`}
      form={form}
      initialValues={{ channel: 'online', dueDate: dayjs().add(14, 'day') }}
      invalidates={[INSPECTORS]}
      onSubmit={(v) =>
        createTask({
          inspectorId: inspector.id,
          ...(v.implementationId ? { implementationId: v.implementationId } : {}),
          title: v.title.trim(),
          channel: v.channel,
          instructions: v.instructions?.trim() ?? '',
          dueDate: v.dueDate.format('YYYY-MM-DD'),
        })
      }
      onSaved={() => message.success(t('inspectors.manage.taskCreated'))}
      onClose={onClose}
      testId="task-dialog"
    >
      <Form.Item name="implementationId" label={k('matter')}>
        <MatterPicker
          onPicked={(name) => {
            if (name && !form.getFieldValue('title'))
              form.setFieldValue('title', t('inspectors.manage.tryTitle', { name }));
          }}
        />
      </Form.Item>
      <Form.Item name="title" label={k('taskTitle')} rules={[{ ...required('taskTitle'), whitespace: true }]}>
        <Input maxLength={TITLE_MAX} data-testid="task-title" />
      </Form.Item>
      <Form.Item name="channel" label={k('channel')} rules={[required('channel')]}>
        <Select options={CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS, c) }))} />
      </Form.Item>
      <Form.Item name="instructions" label={k('instructions')}>
        <Input.TextArea rows={3} maxLength={TEXT_MAX} data-testid="task-instructions" />
      </Form.Item>
      <Form.Item name="dueDate" label={k('dueDate')} rules={[required('dueDate')]}>
        <DatePicker
          allowClear={false}
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          data-testid="task-due"
        />
      </Form.Item>
    </FormModal>
  );
}

/** A published matter of the supervisor's region, searched by name. */
function MatterPicker(props: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  onPicked: (name: string | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useMatterOptions(q);
  const items = found.data?.items ?? [];
  return (
    <Select
      id="task-matter"
      value={props.value}
      allowClear
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      loading={found.isFetching}
      placeholder={t('inspectors.manage.matterHint')}
      notFoundContent={t('common.noData')}
      options={items.map((m) => ({
        value: m.id,
        label: m.departmentName ? `${m.name}（${m.departmentName}）` : m.name,
      }))}
      onChange={(v) => {
        props.onChange?.(v ?? undefined);
        props.onPicked(items.find((m) => m.id === v)?.name ?? null);
      }}
      data-testid="task-matter"
    />
  );
}
