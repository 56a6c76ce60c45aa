import '../cases/cases.css';
import { Alert, Button, Form, Input, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeliveryFields, type DeliveryValues, deliveryOf } from '../cases/DeliveryFields.tsx';
import { MaterialPicker } from '../cases/MaterialPicker.tsx';
import { formStartOf, usePrefill } from '../cases/prefill.ts';
import { materialsToHandIn, useCaseSubmission } from '../cases/submission.ts';
import type { CaseDetail } from '../cases/types.ts';
import { useGuide } from '../catalogue/api.ts';
import type { Guide } from '../catalogue/types.ts';
import { LoadError } from '../components/status.tsx';
import { FormBlock } from '../forms/FormBlock.tsx';
import { useFormFilling } from '../forms/filling.ts';
import type { KioskSession } from './api.ts';
import './messages.ts';

type Values = { phone: string; remark?: string } & DeliveryValues;

type Props = {
  implementationId: string;
  session: KioskSession;
  onBack: () => void;
  onSubmitted: (created: CaseDetail, guide: Guide) => void;
};

/** A person applies at a kiosk for matters with a kiosk or online channel. */
const offeredAtKiosk = (guide: Guide) =>
  guide.document.serviceObject !== 'company' &&
  (guide.document.channels.includes('kiosk') || guide.document.channels.includes('online'));

/** The application generated from the matter's published version, with the online form's parts. */
export function FormScreen({ implementationId, session, onBack, onSubmitted }: Props) {
  const { t } = useTranslation();
  const guide = useGuide(implementationId);
  const [form] = Form.useForm<Values>();
  const offered = !!guide.data && offeredAtKiosk(guide.data);
  // The form filled in for the applicant whose ID card was read.
  const prefill = usePrefill(offered && guide.data?.document.form ? implementationId : undefined);
  const { start, ready } = formStartOf(prefill, guide.data?.document.form);
  const filling = useFormFilling(start && ready ? start : null, implementationId);
  const { picked, setPicked, problem, busy, submit: file } = useCaseSubmission({ refused: filling.refused });
  if (guide.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (guide.isError) return <LoadError error={guide.error} onRetry={() => void guide.refetch()} />;
  const data = guide.data;
  const doc = data.document;
  if (!offered) {
    return (
      <Result
        status="info"
        title={doc.serviceObject === 'company' ? t('kiosk.form.forCompanies') : t('kiosk.form.notAtKiosk')}
        subTitle={
          <div className="kiosk-places">
            <div>{t('kiosk.form.notAtKioskHint')}</div>
            {doc.places.map((p) => (
              <div key={`${p.name}${p.window}`}>
                {p.name} {p.window} · {p.address}
              </div>
            ))}
          </div>
        }
        extra={
          <Button size="large" onClick={onBack}>
            {t('kiosk.back')}
          </Button>
        }
      />
    );
  }
  const materials = materialsToHandIn(doc.materials, start?.definition);
  const submit = (values: Values) => {
    const checked = filling.check();
    if (!checked) return;
    return file({
      materials,
      body: {
        implementationId,
        formData: { phone: values.phone, remark: values.remark ?? '', delivery: deliveryOf(values) },
        ...checked,
      },
      onFiled: (created) => onSubmitted(created, data),
    });
  };
  return (
    <div className="kiosk-form" data-testid="kiosk-form">
      <h1 className="kiosk-form-title">{doc.name}</h1>
      <div className="kiosk-form-subtitle">
        {data.department.name} · {data.region.name}
      </div>
      <Alert
        type="info"
        showIcon
        className="kiosk-block"
        title={t('cases.apply.promise', {
          promised: doc.promisedLimit.value,
          legal: doc.legalLimit.value,
          visits: doc.visitsRequired,
        })}
      />
      <Form
        form={form}
        layout="vertical"
        size="large"
        onFinish={submit}
        onFinishFailed={() => filling.check()}
        initialValues={{ method: 'window_pickup' }}
      >
        <section className="kiosk-block kiosk-section">
          <h2>{t('kiosk.form.applicant')}</h2>
          <div className="kiosk-applicant">
            {session.applicant.displayName} · {session.applicant.idNumber}
          </div>
          <Form.Item
            name="phone"
            label={t('kiosk.form.phone')}
            rules={[{ required: true, pattern: /^[0-9-]{7,20}$/, message: t('kiosk.form.phoneRule') }]}
          >
            <Input inputMode="tel" autoComplete="off" data-testid="kiosk-phone" />
          </Form.Item>
          <Form.Item name="remark" label={t('kiosk.form.remark')}>
            <Input.TextArea rows={2} autoComplete="off" />
          </Form.Item>
        </section>
        {start && !ready ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {start && ready ? (
          <section className="kiosk-block kiosk-section">
            <FormBlock start={start} filling={filling} size="large" level={3} />
          </section>
        ) : null}
        {materials.length ? (
          <section className="kiosk-block kiosk-section">
            <h2>{t('kiosk.form.materials')}</h2>
            <MaterialPicker materials={materials} value={picked} onChange={setPicked} scan />
          </section>
        ) : null}
        <section className="kiosk-block kiosk-section">
          <DeliveryFields options={doc.delivery} />
        </section>
        {problem ? (
          <Alert
            type="error"
            showIcon
            title={problem}
            className="kiosk-block"
            data-testid="kiosk-form-error"
          />
        ) : null}
        <div className="kiosk-actions">
          <Button size="large" onClick={onBack}>
            {t('kiosk.back')}
          </Button>
          <Button type="primary" size="large" htmlType="submit" loading={busy} data-testid="kiosk-submit">
            {t('kiosk.form.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
