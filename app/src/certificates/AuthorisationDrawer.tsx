import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Popconfirm,
  Segmented,
  Select,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList } from '../api/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { useCases } from '../cases/api.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import type { PublicOrganisation } from '../organisations/types.ts';
import { authorise, MY_CERTIFICATES, revokeAuthorisation, useAuthorisations } from './api.ts';
import type {
  AuthorisationState,
  AuthorisationView,
  CertificateView,
  NewAuthorisation as Grant,
} from './types.ts';

type Target = 'case' | 'organisation';
type Values = { caseId?: string; organisationId?: string; expiresOn: Dayjs };

const STATE_COLOURS: Record<AuthorisationState, string> = {
  active: 'green',
  expired: 'default',
  revoked: 'red',
};

/** Thirty days from today, or the certificate's last valid day when that comes first. */
function defaultExpiry(certificate: CertificateView): Dayjs {
  const month = dayjs().add(30, 'day');
  return certificate.validUntil && dayjs(certificate.validUntil).isBefore(month)
    ? dayjs(certificate.validUntil)
    : month;
}

/** 用证授权 of one certificate: the authorisations given so far (revocable) and a form to give one. */
export function AuthorisationDrawer({
  certificate,
  onClose,
}: {
  certificate: CertificateView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open
      onClose={onClose}
      size={480}
      title={t('certificates.authorise.title', { type: certificate.typeName })}
      data-testid="authorisation-drawer"
    >
      <Alert type="info" showIcon title={t('certificates.authorise.intro')} style={{ marginBottom: 16 }} />
      <NewAuthorisation certificate={certificate} />
      <h4>{t('certificates.wallet.authorisations')}</h4>
      <Authorisations certificate={certificate} />
    </Drawer>
  );
}

function NewAuthorisation({ certificate }: { certificate: CertificateView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [target, setTarget] = useState<Target>('case');
  const [search, setSearch] = useState('');
  const grant = useWrite<Grant>({
    action: (body) => authorise(certificate.id, body),
    form,
    invalidates: [[MY_CERTIFICATES, certificate.id, 'authorisations']],
    onSuccess: () => {
      message.success(t('certificates.authorise.done'));
      form.resetFields(['caseId', 'organisationId']);
    },
  });
  const cases = useCases({ limit: 50 }, target === 'case');
  const organisations = useList<PublicOrganisation>(
    '/api/organisations',
    { active: true, limit: 20, q: search || undefined },
    target === 'organisation',
  );
  const required = (label: string) => [{ required: true, message: t('common.required', { label }) }];

  const submit = async (values: Values) => {
    const expiresOn = values.expiresOn.format('YYYY-MM-DD');
    await grant.run(
      target === 'case'
        ? { caseId: values.caseId!, expiresOn }
        : { organisationId: values.organisationId!, expiresOn },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ expiresOn: defaultExpiry(certificate) }}
      onFinish={submit}
      data-testid="authorisation-form"
    >
      <Form.Item label={t('certificates.authorise.target')}>
        <Segmented<Target>
          block
          value={target}
          onChange={setTarget}
          options={[
            { value: 'case', label: t('certificates.authorise.toCase') },
            { value: 'organisation', label: t('certificates.authorise.toOrganisation') },
          ]}
          data-testid="authorisation-target"
        />
      </Form.Item>
      {target === 'case' ? (
        <Form.Item
          name="caseId"
          label={t('certificates.authorise.case')}
          rules={required(t('certificates.authorise.case'))}
        >
          <Select
            placeholder={t('certificates.authorise.casePlaceholder')}
            loading={cases.isPending}
            options={(cases.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.matterName || c.caseNo} · ${c.caseNo}`,
            }))}
            data-testid="authorisation-case"
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="organisationId"
          label={t('certificates.authorise.organisation')}
          rules={required(t('certificates.authorise.organisation'))}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('certificates.authorise.organisationPlaceholder')}
            loading={organisations.isFetching}
            options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="authorisation-organisation"
          />
        </Form.Item>
      )}
      <Form.Item
        name="expiresOn"
        label={t('certificates.authorise.expiresOn')}
        rules={required(t('certificates.authorise.expiresOn'))}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) =>
            d.isBefore(dayjs(), 'day') ||
            (certificate.validUntil ? d.isAfter(dayjs(certificate.validUntil), 'day') : false)
          }
          data-testid="authorisation-expires"
        />
      </Form.Item>
      {grant.problem ? (
        <Alert type="error" showIcon title={grant.problem} style={{ marginBottom: 12 }} />
      ) : null}
      <Button type="primary" htmlType="submit" block loading={grant.busy} data-testid="authorisation-submit">
        {t('certificates.authorise.submit')}
      </Button>
    </Form>
  );
}

function Authorisations({ certificate }: { certificate: CertificateView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAuthorisations(certificate.id);
  const revoke = useWrite<AuthorisationView>({
    action: (a) => revokeAuthorisation(certificate.id, a.id),
    invalidates: [[MY_CERTIFICATES, certificate.id, 'authorisations']],
    toast: true,
    onSuccess: () => message.success(t('certificates.authorise.revoked')),
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <Empty description={t('certificates.authorise.none')} />;
  return (
    <div data-testid="authorisations">
      {list.data.items.map((a) => {
        const state = a.state;
        return (
          <div className="authorisation-row" key={a.id} data-testid="authorisation" data-state={state}>
            <div>
              <div>
                {a.caseId
                  ? `${t('certificates.authorise.case')}：${a.caseNo || a.caseId}`
                  : `${t('certificates.authorise.organisation')}：${a.organisationName ?? a.organisationId}`}
              </div>
              <div className="authorisation-meta">
                {t('certificates.authorise.until', { date: a.expiresOn })} ·{' '}
                {t('certificates.authorise.createdAt', { time: formatTime(a.createdAt) })}
              </div>
            </div>
            <div>
              <Tag color={STATE_COLOURS[state]}>{t(`certificates.authorise.state.${state}`)}</Tag>
              {state === 'active' ? (
                <Popconfirm title={t('certificates.authorise.revokeConfirm')} onConfirm={() => revoke.run(a)}>
                  <Button size="small" danger data-testid="authorisation-revoke">
                    {t('certificates.authorise.revoke')}
                  </Button>
                </Popconfirm>
              ) : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}
