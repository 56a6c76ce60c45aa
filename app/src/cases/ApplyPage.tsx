import './cases.css';
import { Alert, App, Button, Card, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useMe } from '../auth/session.ts';
import { useGuide } from '../catalogue/api.ts';
import { FormSheetsHint } from '../catalogue/GuideSheets.tsx';
import { useLabels } from '../catalogue/labels.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { resumedValues, useDraft, useDraftAutosave } from '../forms/drafts.ts';
import { FormBlock } from '../forms/FormBlock.tsx';
import { useFormFilling } from '../forms/filling.ts';
import { DeliveryFields, type DeliveryValues, deliveryOf } from './DeliveryFields.tsx';
import { MaterialPicker } from './MaterialPicker.tsx';
import { PrefillSummary } from './PrefillSummary.tsx';
import { formStartOf, prefilledOf, usePrefill } from './prefill.ts';
import { materialsToHandIn, useCaseSubmission } from './submission.ts';

type Values = { phone: string; remark?: string } & DeliveryValues;

/** /apply/:implementationId — the online application, generated from the published version. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { implementationId = '' } = useParams();
  const { data: me, isPending } = useMe();
  const guide = useGuide(implementationId);
  if (isPending) return <Loading />;
  if (!me) {
    // A matter for companies opens the 法人 sign-in; the guide is public, so wait for it.
    if (guide.isPending) return <Loading />;
    const as = guide.data?.document.serviceObject === 'company' ? 'company' : 'person';
    const next = encodeURIComponent(`/apply/${implementationId}`);
    return <Navigate to={`/login?next=${next}&as=${as}`} replace />;
  }
  if (me.kind === 'staff') {
    return <Result status="info" title={t('cases.apply.staffNotice')} />;
  }
  if (guide.isPending) {
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (guide.isError) return <LoadError error={guide.error} onRetry={() => void guide.refetch()} />;
  return (
    <ApplyForm implementationId={implementationId} applicantName={me.displayName} phone={me.phone ?? null} />
  );
}

type FormProps = { implementationId: string; applicantName: string; phone: string | null };

function ApplyForm({ implementationId, applicantName, phone }: FormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const guide = useGuide(implementationId);
  const [form] = Form.useForm<Values>();
  const prefill = usePrefill(implementationId);
  const prefilled = prefilledOf(prefill.data);
  const doc = guide.data!.document;
  const draft = useDraft(implementationId, !!doc.form);
  // The form starts from the prefill, with the applicant's saved draft over it.
  const { start, ready } = formStartOf(prefill, doc.form);
  const settled = !!start && ready && !(draft.isPending && draft.fetchStatus !== 'idle');
  const filling = useFormFilling(
    settled ? start : null,
    implementationId,
    start ? resumedValues(start.values, draft.data?.values) : undefined,
  );
  const { picked, setPicked, problem, busy, submit: file } = useCaseSubmission({ refused: filling.refused });
  const draftState = useDraftAutosave(
    implementationId,
    settled ? filling.values : null,
    start?.values ?? {},
    busy,
  );
  if (!doc.channels.includes('online')) {
    return <Result status="info" title={t('cases.apply.notOnline')} />;
  }
  const materials = materialsToHandIn(doc.materials, start?.definition);
  const submit = (values: Values) => {
    const checked = filling.check();
    if (!checked) return;
    return file({
      materials,
      prefilled,
      body: {
        implementationId,
        formData: { phone: values.phone, remark: values.remark ?? '', delivery: deliveryOf(values) },
        ...checked,
      },
      onFiled: (created) => {
        message.success(t('cases.apply.submitted', { caseNo: created.caseNo, code: created.queryCode }));
        navigate(`/my/cases/${created.id}`);
      },
    });
  };
  return (
    <div className="page case-page" data-testid="apply-page">
      <Typography.Title level={2} className="case-title">
        {t('cases.apply.title')} · {doc.name}
      </Typography.Title>
      <div className="case-subtitle">
        {guide.data!.department.name} · {guide.data!.region.name} · {labels.caseType[doc.caseType]}
      </div>
      <Alert
        type="info"
        showIcon
        className="case-block"
        title={t('cases.apply.promise', {
          promised: doc.promisedLimit.value,
          legal: doc.legalLimit.value,
          visits: doc.visitsRequired,
        })}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={() => filling.check()}
        initialValues={{ method: 'window_pickup', phone: phone ?? undefined }}
      >
        <Card title={t('cases.apply.applicant')} className="case-block">
          <div className="case-applicant">{applicantName}</div>
          <Form.Item
            name="phone"
            label={t('cases.apply.phone')}
            rules={[{ required: true, pattern: /^[0-9-]{7,20}$/, message: t('cases.apply.phoneRule') }]}
          >
            <Input inputMode="tel" data-testid="apply-phone" />
          </Form.Item>
          <Form.Item name="remark" label={t('cases.apply.remark')}>
            <Input.TextArea rows={2} placeholder={t('cases.apply.remarkPlaceholder')} />
          </Form.Item>
        </Card>
        {start && !settled ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {start && settled ? (
          <FormBlock
            start={start}
            filling={filling}
            draft={{ state: draftState, resumedAt: draft.data?.updatedAt ?? null }}
          />
        ) : null}
        <Card title={t('cases.material.title')} className="case-block">
          <PrefillSummary prefill={prefill} materials={materials} picked={picked} />
          <MaterialPicker
            materials={materials}
            value={picked}
            onChange={setPicked}
            prefilled={prefill.isSuccess ? prefilled : undefined}
          />
          <div className="material-hint">{t('cases.material.fileHint')}</div>
          <FormSheetsHint guide={guide.data!} />
        </Card>
        <Card title={t('cases.apply.delivery')} className="case-block">
          <DeliveryFields options={doc.delivery} />
        </Card>
        {problem ? (
          <Alert type="error" showIcon title={problem} className="case-block" data-testid="apply-error" />
        ) : null}
        <div className="case-submit">
          <Link to={`/guide/${implementationId}`}>
            <Button size="large">{t('common.cancel')}</Button>
          </Link>
          <Button type="primary" size="large" htmlType="submit" loading={busy} data-testid="apply-submit">
            {t('cases.apply.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
