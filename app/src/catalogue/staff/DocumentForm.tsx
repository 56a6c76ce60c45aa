import { Card, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CASE_TYPES,
  CHANNELS,
  COMPANY_THEMES,
  DELIVERY_OPTIONS,
  LIMIT_UNITS,
  PERSON_THEMES,
  REALISATION_MODES,
  RESULT_TYPES,
  SERVICE_OBJECTS,
} from '../../../../common/catalogue/elements.ts';
import { useLabels } from '../labels.ts';
import { FeesList, PlacesList, SpecialProceduresList, StepsList } from './ListSections.tsx';
import { MaterialsTable } from './MaterialsTable.tsx';
import type { staffZh } from './messages.zh-CN.ts';

export type FieldKey = keyof typeof staffZh.field;

/** The form fields of an ImplementationDocument, in sections; used inside a parent <Form>. */
export function DocumentFields({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = (key: FieldKey) => t(`catalogue.staff.field.${key}`);
  const required = (label: string) => [{ required: true, message: t('common.required', { label }) }];
  const opts = <K extends keyof typeof labels>(kind: K, codes: readonly (keyof (typeof labels)[K])[]) =>
    codes.map((c) => ({ value: c as string, label: labels[kind][c] as string }));
  const limit = (name: 'legalLimit' | 'promisedLimit') => (
    <Form.Item label={f(name)} required>
      <div className="limit-input">
        <Form.Item name={[name, 'value']} noStyle rules={required(f(name))}>
          <InputNumber min={0} max={3650} precision={0} aria-label={f(name)} disabled={disabled} />
        </Form.Item>
        <Form.Item name={[name, 'unit']} noStyle>
          <Select style={{ width: 110 }} options={opts('limitUnit', LIMIT_UNITS)} disabled={disabled} />
        </Form.Item>
      </div>
    </Form.Item>
  );
  return (
    <>
      <Card size="small" title={t('catalogue.staff.sections.basic')} className="editor-section">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={f('name')} rules={required(f('name'))}>
              <Input maxLength={200} disabled={disabled} data-testid="field-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="serviceObject" label={f('serviceObject')}>
              <Select options={opts('serviceObject', SERVICE_OBJECTS)} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="caseType" label={f('caseType')}>
              <Select options={opts('caseType', CASE_TYPES)} disabled={disabled} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="acceptanceConditions" label={f('acceptanceConditions')}>
          <Input.TextArea rows={3} maxLength={4000} disabled={disabled} data-testid="field-conditions" />
        </Form.Item>
      </Card>
      <Card size="small" title={t('catalogue.staff.sections.limits')} className="editor-section">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            {limit('legalLimit')}
          </Col>
          <Col xs={24} md={8}>
            {limit('promisedLimit')}
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="visitsRequired" label={f('visitsRequired')}>
              <InputNumber min={0} max={10} precision={0} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="promiseAllowed" label={f('promiseAllowed')} valuePropName="checked">
              <Switch disabled={disabled} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="realisationMode" label={f('realisationMode')}>
              <Select options={opts('realisationMode', REALISATION_MODES)} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="channels" label={f('channels')} rules={required(f('channels'))}>
              <Select mode="multiple" options={opts('channel', CHANNELS)} disabled={disabled} />
            </Form.Item>
          </Col>
        </Row>
        <SpecialProceduresList disabled={disabled} />
      </Card>
      <Card size="small" title={t('catalogue.staff.sections.materials')} className="editor-section">
        <MaterialsTable disabled={disabled} />
      </Card>
      <Card size="small" title={t('catalogue.staff.sections.steps')} className="editor-section">
        <StepsList disabled={disabled} />
      </Card>
      <Card size="small" title={t('catalogue.staff.sections.fees')} className="editor-section">
        <FeesList disabled={disabled} />
      </Card>
      <Card size="small" title={t('catalogue.staff.sections.places')} className="editor-section">
        <PlacesList disabled={disabled} />
      </Card>
      <Card size="small" title={t('catalogue.staff.sections.service')} className="editor-section">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="consultation" label={f('consultation')}>
              <Input maxLength={300} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="complaint" label={f('complaint')}>
              <Input maxLength={300} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['result', 'type']} label={f('resultType')}>
              <Select options={opts('resultType', RESULT_TYPES)} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['result', 'name']} label={f('resultName')}>
              <Input maxLength={200} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="delivery" label={f('delivery')}>
              <Select mode="multiple" options={opts('delivery', DELIVERY_OPTIONS)} disabled={disabled} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('catalogue.staff.sections.tags')} className="editor-section">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="themes" label={f('themes')}>
              <Select
                mode="multiple"
                maxCount={8}
                disabled={disabled}
                options={[
                  { label: t('catalogue.browse.person'), options: opts('theme', PERSON_THEMES) },
                  { label: t('catalogue.browse.company'), options: opts('theme', COMPANY_THEMES) },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="keywords" label={f('keywords')} extra={t('catalogue.staff.keywordsHint')}>
              <Select mode="tags" maxCount={30} open={false} disabled={disabled} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </>
  );
}
