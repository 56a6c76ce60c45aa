import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_MAX } from '../../../common/hotline/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { OrganisationSelect } from '../organisations/OrganisationSelect.tsx';
import { RegionSelect } from '../regions/RegionSelect.tsx';
import { FAQ, type FaqBody, type FaqView, KNOWLEDGE, saveFaq } from './api.ts';
import type { HotlineKey } from './messages.zh-CN.ts';

type Values = {
  question: string;
  answer: string;
  keywords?: string;
  regionCode: string;
  departmentId?: string | null;
  active: boolean;
};

/** The body of an entry as the server takes it, from the form's values. */
export const faqBody = (v: Values): FaqBody => ({
  question: v.question.trim(),
  answer: v.answer.trim(),
  keywords: (v.keywords ?? '').trim(),
  regionCode: v.regionCode,
  departmentId: v.departmentId ?? null,
  active: v.active,
});

/** Adds (no `entry`) or changes a knowledge-base entry; the server's refusal shows at its field. */
export function FaqEditor(props: {
  entry: FaqView | null;
  departmentName: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const f = (key: HotlineKey<'faq'>) => t(`hotline.faq.${key}`);
  const [form] = Form.useForm<Values>();
  const [opened, setOpened] = useState(false);
  const write = useWrite<FaqBody, FaqView>({
    action: (body) => saveFaq(body, props.entry?.id),
    form,
    invalidates: [FAQ, KNOWLEDGE],
    onSuccess: () => {
      message.success(f('saved'));
      props.onClose();
    },
  });
  const entry = props.entry;
  return (
    <Modal
      open
      title={f(entry ? 'editTitle' : 'addTitle')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'faq-save' }}
      cancelText={t('common.cancel')}
      confirmLoading={write.busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={640}
      afterOpenChange={setOpened}
      wrapProps={{ 'data-testid': 'faq-dialog', 'data-opened': opened }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="faq-form"
        initialValues={
          entry
            ? {
                question: entry.question,
                answer: entry.answer,
                keywords: entry.keywords,
                regionCode: entry.regionCode,
                departmentId: entry.departmentId,
                active: entry.active,
              }
            : { active: true }
        }
        onFinish={(v) => write.run(faqBody(v))}
      >
        <Form.Item
          name="question"
          label={f('question')}
          rules={[{ required: true, whitespace: true, message: f('questionRule') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="faq-question" />
        </Form.Item>
        <Form.Item
          name="answer"
          label={f('answer')}
          rules={[{ required: true, whitespace: true, message: f('answerRule') }]}
        >
          <Input.TextArea rows={5} maxLength={TEXT_MAX} data-testid="faq-answer" />
        </Form.Item>
        <Form.Item name="keywords" label={f('keywords')}>
          <Input maxLength={200} data-testid="faq-keywords" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={f('region')}
          rules={[{ required: true, message: f('regionRule') }]}
        >
          <RegionSelect id="faq-region" />
        </Form.Item>
        <Form.Item name="departmentId" label={f('department')}>
          <OrganisationSelect
            id="faq-department"
            kinds={['department']}
            currentName={props.departmentName}
            allowClear
          />
        </Form.Item>
        <Form.Item name="active" label={f('active')} valuePropName="checked">
          <Switch data-testid="faq-active" />
        </Form.Item>
      </Form>
      {write.problem ? <Alert type="error" showIcon title={write.problem} /> : null}
    </Modal>
  );
}
