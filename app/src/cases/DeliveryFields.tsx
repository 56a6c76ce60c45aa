import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../catalogue/labels.ts';
import type { DeliveryChoice } from './types.ts';

export type DeliveryValues = {
  method: 'window_pickup' | 'post';
  recipient?: string;
  deliveryPhone?: string;
  address?: string;
};

/** Window pickup or post, with the address for post. Lives inside a Form. */
export function DeliveryFields({ options }: { options?: readonly string[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const methods = (['window_pickup', 'post'] as const).filter((m) => !options || options.includes(m));
  const shown = methods.length ? methods : (['window_pickup'] as const);
  const method = Form.useWatch('method');
  const required = (label: string) => [{ required: true, message: t('common.required', { label }) }];
  return (
    <>
      <Form.Item name="method" label={t('cases.field.delivery')}>
        <Radio.Group data-testid="delivery-method">
          {shown.map((m) => (
            <Radio key={m} value={m} data-testid={`delivery-${m}`}>
              {labels.delivery[m]}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {method === 'post' ? (
        <>
          <Form.Item
            name="recipient"
            label={t('cases.apply.recipient')}
            rules={required(t('cases.apply.recipient'))}
          >
            <Input data-testid="delivery-recipient" />
          </Form.Item>
          <Form.Item
            name="deliveryPhone"
            label={t('cases.apply.phone')}
            rules={required(t('cases.apply.phone'))}
          >
            <Input inputMode="tel" data-testid="delivery-phone" />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('cases.apply.address')}
            rules={required(t('cases.apply.address'))}
          >
            <Input.TextArea rows={2} data-testid="delivery-address" />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

export function deliveryOf(values: DeliveryValues): DeliveryChoice {
  if (values.method !== 'post') return { method: 'window_pickup' };
  return {
    method: 'post',
    recipient: values.recipient?.trim(),
    phone: values.deliveryPhone?.trim(),
    address: values.address?.trim(),
  };
}
