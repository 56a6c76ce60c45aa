import { Card, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export const CONSENT_METHODS = ['written_authorisation', 'on_site_signature', 'e_signature'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** The consent as the form holds it (under `consent`). */
type ConsentValues = { signedBy: string; signedAt: Dayjs; method: ConsentMethod; note?: string };

/** The consent as the server records it with the case. */
export function consentOf(values: Record<string, unknown>) {
  const c = values.consent as ConsentValues;
  const note = c.note?.trim();
  return {
    consent: {
      signedBy: c.signedBy.trim(),
      signedAt: c.signedAt.format('YYYY-MM-DD'),
      method: c.method,
      ...(note ? { note } : {}),
    },
  };
}

/** A new consent: signed today, in writing. */
export const consentDefaults = () => ({ consent: { method: 'written_authorisation', signedAt: dayjs() } });

/** 申请人授权: who signed, when, in which form; a note on where the original is kept. */
export function ConsentFields() {
  const { t } = useTranslation();
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('common.required', { label }) },
  ];
  return (
    <Card title={t('agent.consent')} className="case-block" data-testid="consent-fields">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['consent', 'signedBy']}
            label={t('agent.signedBy')}
            extra={t('agent.signedByHint')}
            rules={required(t('agent.signedBy'))}
          >
            <Input maxLength={100} data-testid="consent-signed-by" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['consent', 'signedAt']}
            label={t('agent.signedAt')}
            rules={[
              { required: true, message: t('common.required', { label: t('agent.signedAt') }) },
              {
                validator: async (_, v: Dayjs | undefined) => {
                  if (v?.isAfter(dayjs(), 'day')) throw new Error(t('agent.futureDate'));
                },
              },
            ]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="consent-signed-at"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['consent', 'method']} label={t('agent.method')} rules={required(t('agent.method'))}>
        <Radio.Group data-testid="consent-method">
          {CONSENT_METHODS.map((m) => (
            <Radio key={m} value={m}>
              {t(`agent.methods.${m}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name={['consent', 'note']} label={t('agent.note')}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('agent.notePlaceholder')} />
      </Form.Item>
    </Card>
  );
}
