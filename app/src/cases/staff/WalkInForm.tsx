import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isCreditCode, isResidentIdNumber } from '../../../../common/identity.ts';
import { api } from '../../api/client.ts';
import type { ListAnswer } from '../../api/lists.ts';
import { useGuide } from '../../catalogue/api.ts';
import type { MatterSummary } from '../../catalogue/types.ts';
import { FormBlock } from '../../forms/FormBlock.tsx';
import { useFormFilling } from '../../forms/filling.ts';
import { DeliveryFields, type DeliveryValues, deliveryOf } from '../DeliveryFields.tsx';
import { MaterialPicker } from '../MaterialPicker.tsx';
import { PrefillSummary } from '../PrefillSummary.tsx';
import { formStartOf, prefilledOf, usePrefill } from '../prefill.ts';
import { materialsToHandIn, useCaseSubmission } from '../submission.ts';

type Values = DeliveryValues & {
  kind: 'person' | 'company';
  login: string;
  displayName: string;
  phone: string;
  implementationId: string;
  remark?: string;
};

type Props = {
  /** Cards after the applicant's, e.g. the agent's record of the applicant's consent. */
  extra?: React.ReactNode;
  /** Initial values of the extra fields. */
  extraValues?: Record<string, unknown>;
  /** What the submission adds from the form's values (e.g. the consent). */
  extraBody?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** The list the filed case counts as opened from (keeps its menu entry selected). */
  from?: string;
  submitLabel?: string;
  submittedMessage?: (caseNo: string) => string;
};

/**
 * 窗口收件: an applicant identified in person by ID card or licence, a matter, the materials
 * scanned. The agent's application (帮办代办) is the same form with the consent added.
 */
export function WalkInForm({ extra, extraValues, extraBody, from = '/workbench/intake', ...labels }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const kind = Form.useWatch('kind', form) ?? 'company';
  const implementationId = Form.useWatch('implementationId', form);
  const matters = useQuery({
    queryKey: ['/api/catalogue/search', q],
    queryFn: () => api.get<ListAnswer<MatterSummary>>('/api/catalogue/search', { q, limit: 20 }),
    enabled: q.trim().length > 0,
  });
  const guide = useGuide(implementationId ?? '');
  const doc = implementationId && guide.data ? guide.data.document : null;
  // The same prefill the applicant sees online, once the number read from the ID card or licence is valid.
  const login = (Form.useWatch('login', form) ?? '').trim().toUpperCase();
  const identified = kind === 'person' ? isResidentIdNumber(login) : isCreditCode(login);
  const prefill = usePrefill(doc ? implementationId : undefined, identified ? { kind, login } : null);
  const prefilled = identified ? prefilledOf(prefill.data) : {};
  // The application form, filled in for the applicant once identified; another applicant starts it again.
  const { start, ready } = formStartOf(prefill, doc?.form);
  const formReady = !!start && identified && ready;
  const filling = useFormFilling(formReady ? start : null, `${implementationId}|${kind}|${login}`);
  const {
    picked,
    setPicked,
    problem,
    busy,
    submit: file,
  } = useCaseSubmission({
    form,
    refused: filling.refused,
  });
  const materials = doc ? materialsToHandIn(doc.materials, start?.definition) : [];

  const submit = async (values: Values) => {
    if (!doc) return;
    const checked = filling.check();
    if (!checked) return;
    await file({
      materials,
      prefilled,
      body: {
        implementationId: values.implementationId,
        applicant: {
          kind: values.kind,
          login: values.login.trim().toUpperCase(),
          displayName: values.displayName.trim(),
          phone: values.phone.trim(),
        },
        formData: {
          phone: values.phone.trim(),
          remark: values.remark ?? '',
          delivery: deliveryOf(values),
          applicant: { name: values.displayName.trim(), kind: values.kind },
        },
        ...checked,
        ...extraBody?.(values),
      },
      renewKey: true,
      onFiled: (created) => {
        message.success(
          labels.submittedMessage?.(created.caseNo) ?? t('cases.staff.submitted', { caseNo: created.caseNo }),
        );
        navigate(`/workbench/cases/${created.id}`, { state: { from } });
      },
    });
  };

  const required = (label: string) => [
    { required: true, whitespace: true, message: t('common.required', { label }) },
  ];
  const loginLabel = kind === 'person' ? t('cases.staff.idNumber') : t('cases.staff.creditCode');
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      onFinishFailed={() => filling.check()}
      initialValues={{ kind: 'company', method: 'window_pickup', ...extraValues }}
      data-testid="walk-in-form"
    >
      <Card title={t('cases.staff.applicant')} className="case-block">
        <Form.Item name="kind" label={t('cases.staff.applicantKind')}>
          <Radio.Group>
            <Radio value="company">{t('cases.staff.company')}</Radio>
            <Radio value="person">{t('cases.staff.person')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="login"
              label={loginLabel}
              rules={[
                ...required(loginLabel),
                {
                  validator: async (_, v: string | undefined) => {
                    const text = (v ?? '').trim().toUpperCase();
                    if (!text) return;
                    const ok = kind === 'person' ? isResidentIdNumber(text) : isCreditCode(text);
                    if (!ok) {
                      throw new Error(
                        kind === 'person' ? t('login.idNumberInvalid') : t('login.creditCodeInvalid'),
                      );
                    }
                  },
                },
              ]}
            >
              <Input maxLength={18} data-testid="walk-in-login" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="displayName"
              label={kind === 'person' ? t('cases.staff.name') : t('cases.staff.companyName')}
              rules={required(t('cases.staff.name'))}
            >
              <Input data-testid="walk-in-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('cases.staff.phone')} rules={required(t('cases.staff.phone'))}>
              <Input data-testid="walk-in-phone" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {extra}
      <Card title={t('cases.staff.matter')} className="case-block">
        <Form.Item
          name="implementationId"
          rules={[{ required: true, message: t('cases.staff.matterPlaceholder') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('cases.staff.matterPlaceholder')}
            notFoundContent={matters.isFetching ? <Spin size="small" /> : null}
            options={(matters.data?.items ?? []).map((m) => ({
              value: m.implementationId,
              label: `${m.name} · ${m.departmentName} · ${m.regionName}`,
            }))}
            onChange={() => setPicked({})}
            data-testid="walk-in-matter"
          />
        </Form.Item>
        {implementationId && guide.isPending ? <Spin /> : null}
        {doc ? (
          <>
            <div className="action-label">{t('cases.staff.receivedMaterials')}</div>
            {identified ? <PrefillSummary prefill={prefill} materials={materials} picked={picked} /> : null}
            <MaterialPicker
              materials={materials}
              value={picked}
              onChange={setPicked}
              scan
              prefilled={identified && prefill.isSuccess ? prefilled : undefined}
            />
          </>
        ) : null}
      </Card>
      {doc && start ? (
        <Card className="case-block">
          {formReady ? (
            <FormBlock start={start} filling={filling} />
          ) : identified ? (
            <Spin />
          ) : (
            <Alert type="info" showIcon title={t('forms.identifyFirst')} data-testid="form-identify-first" />
          )}
        </Card>
      ) : null}
      {doc ? (
        <Card title={t('cases.apply.delivery')} className="case-block">
          <DeliveryFields options={doc.delivery} />
          <Form.Item name="remark" label={t('cases.apply.remark')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Card>
      ) : null}
      {problem ? (
        <Alert type="error" showIcon title={problem} className="case-block" data-testid="walk-in-error" />
      ) : null}
      <Button
        type="primary"
        size="large"
        htmlType="submit"
        loading={busy}
        disabled={!doc}
        data-testid="walk-in-submit"
      >
        {labels.submitLabel ?? t('cases.staff.submit')}
      </Button>
    </Form>
  );
}
