import { Alert, App, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  SATISFACTION_LABELS,
  SATISFACTIONS,
  type Satisfaction,
  TEXT_MAX,
} from '../../../common/hotline/lists.ts';
import { api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import {
  merge,
  REQUESTS,
  type RequestSummary,
  type RequestView,
  type RevisitBody,
  revisit,
  useLabel,
} from './api.ts';

/** 回访: the operator calls the requester back and records what they said and how satisfied they are. */
export function RevisitForm({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<{ note: string; satisfaction: Satisfaction }>();
  const write = useWrite<RevisitBody>({
    action: (body) => revisit(request.id, body),
    form,
    invalidates: [REQUESTS],
    onSuccess: () => message.success(t('hotline.revisit.done')),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="hotline-revisit"
      onFinish={(v) => write.run({ note: v.note.trim(), satisfaction: v.satisfaction })}
    >
      <Alert type="info" showIcon title={t('hotline.revisit.reopenHint')} className="case-block" />
      <Form.Item
        name="satisfaction"
        label={t('hotline.revisit.satisfaction')}
        rules={[{ required: true, message: t('hotline.revisit.satisfactionRule') }]}
      >
        <Radio.Group
          data-testid="revisit-satisfaction"
          options={SATISFACTIONS.map((s) => ({ value: s, label: label(SATISFACTION_LABELS, s) }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('hotline.revisit.note')}
        rules={[{ required: true, whitespace: true, message: t('hotline.revisit.noteRule') }]}
      >
        <Input.TextArea rows={3} maxLength={TEXT_MAX} data-testid="revisit-note" />
      </Form.Item>
      {write.problem ? <Alert type="error" showIcon title={write.problem} className="case-block" /> : null}
      <Button type="primary" htmlType="submit" loading={write.busy} data-testid="revisit-submit">
        {t('hotline.revisit.submit')}
      </Button>
    </Form>
  );
}

/** 合并: a duplicate is merged into the request with the number the operator gives. */
export function MergeForm({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ intoNo: string }>();
  const write = useWrite<string>({
    action: async (intoNo) => {
      const found = await api.get<{ items: RequestSummary[] }>(REQUESTS, { q: intoNo });
      const into = found.items.find((r) => r.requestNo === intoNo && r.id !== request.id);
      if (!into) {
        form.setFields([{ name: 'intoNo', errors: [t('hotline.merge.notFound')] }]);
        throw new Error(t('hotline.merge.notFound'));
      }
      return merge(request.id, into.id);
    },
    invalidates: [REQUESTS],
    onSuccess: () => message.success(t('hotline.merge.done')),
  });
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(v) => write.run(v.intoNo.trim())}
      data-testid="hotline-merge"
    >
      <Form.Item
        name="intoNo"
        label={t('hotline.merge.into')}
        rules={[{ required: true, whitespace: true, message: t('hotline.merge.intoRule') }]}
      >
        <Input maxLength={20} style={{ width: 200 }} />
      </Form.Item>
      <Button htmlType="submit" loading={write.busy}>
        {t('hotline.merge.submit')}
      </Button>
      {write.problem ? <Alert type="error" showIcon title={write.problem} style={{ marginTop: 8 }} /> : null}
    </Form>
  );
}
