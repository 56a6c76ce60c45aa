import { Alert, App, Button, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CHANNEL_LABELS,
  CONTENT_MAX,
  KIND_LABELS,
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  TITLE_MAX,
} from '../../../common/hotline/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { RegionSelect } from '../regions/RegionSelect.tsx';
import { type IntakeBody, REQUESTS, type RequestView, takeRequest, useLabel } from './api.ts';
import type { HotlineKey } from './messages.zh-CN.ts';

type Values = Omit<IntakeBody, 'kind' | 'channel'> & {
  kind: IntakeBody['kind'];
  channel: IntakeBody['channel'];
};

const trimmed = (text: string | undefined) => {
  const value = text?.trim();
  return value ? value : undefined;
};

/** The operator's form for a call or message (首接负责): kind, channel, requester, what they ask, where. */
export function TakeForm({ onTaken }: { onTaken: (request: RequestView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const f = (key: HotlineKey<'take'>) => t(`hotline.take.${key}`);
  const required = (key: HotlineKey<'take'>) => [
    { required: true, whitespace: true, message: t('hotline.take.required', { label: f(key) }) },
  ];
  const write = useWrite<IntakeBody, RequestView>({
    action: takeRequest,
    form,
    invalidates: [REQUESTS],
    onSuccess: (request) => {
      message.success(t('hotline.take.taken', { no: request.requestNo }));
      form.resetFields(['requesterName', 'requesterPhone', 'title', 'content', 'address', 'caseNo']);
      onTaken(request);
    },
  });
  const submit = (v: Values) =>
    write.run({
      kind: v.kind,
      channel: v.channel,
      requesterName: v.requesterName.trim(),
      title: v.title.trim(),
      content: v.content.trim(),
      regionCode: v.regionCode,
      ...(trimmed(v.requesterPhone) ? { requesterPhone: trimmed(v.requesterPhone) } : {}),
      ...(trimmed(v.address) ? { address: trimmed(v.address) } : {}),
      ...(trimmed(v.caseNo) ? { caseNo: trimmed(v.caseNo) } : {}),
    });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: 'consult', channel: 'phone' }}
      data-testid="hotline-take"
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={f('kind')} rules={[{ required: true }]}>
            <Select
              data-testid="take-kind"
              options={REQUEST_KINDS.map((k) => ({ value: k, label: label(KIND_LABELS, k) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="channel" label={f('channel')} rules={[{ required: true }]}>
            <Select
              data-testid="take-channel"
              options={REQUEST_CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS, c) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="requesterName" label={f('requesterName')} rules={required('requesterName')}>
            <Input maxLength={60} data-testid="take-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="requesterPhone" label={f('requesterPhone')}>
            <Input maxLength={20} data-testid="take-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={f('titleField')} rules={required('titleField')}>
        <Input maxLength={TITLE_MAX} data-testid="take-title" />
      </Form.Item>
      <Form.Item name="content" label={f('content')} rules={required('content')}>
        <Input.TextArea rows={4} maxLength={CONTENT_MAX} data-testid="take-content" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="regionCode"
            label={f('region')}
            rules={[{ required: true, message: t('hotline.take.required', { label: f('region') }) }]}
          >
            <RegionSelect id="take-region" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="address" label={f('address')}>
            <Input maxLength={200} data-testid="take-address" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="caseNo" label={f('caseNo')}>
        <Input maxLength={40} data-testid="take-case" />
      </Form.Item>
      {write.problem ? <Alert type="error" showIcon title={write.problem} className="case-block" /> : null}
      <Button type="primary" htmlType="submit" loading={write.busy} data-testid="take-submit">
        {f('submit')}
      </Button>
    </Form>
  );
}
