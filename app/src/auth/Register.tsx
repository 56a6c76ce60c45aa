import { Alert, Button, Card, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isCreditCode, isResidentIdNumber } from '../../../common/identity.ts';
import type { SignInAnswer } from '../accounts/types.ts';
import { ApiError, api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import { ClaimAccount } from './ClaimAccount.tsx';
import { homeOf, useSession } from './session.ts';

type Values = {
  kind: 'person' | 'company';
  login: string;
  displayName: string;
  phone?: string;
  password: string;
  confirm: string;
};

export function Register() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? (params.get('as') === 'company' ? 'company' : 'person');
  /** The number belongs to an account opened at a window: offer to claim it. */
  const [claimable, setClaimable] = useState<{ values: Values; reason: string } | null>(null);
  const loginLabel = kind === 'person' ? t('login.idNumber') : t('login.creditCode');
  const nameLabel = kind === 'person' ? t('register.personName') : t('register.companyName');

  const register = useWrite<Values, SignInAnswer>({
    action: (values) =>
      api.post<SignInAnswer>('/api/auth/register', {
        kind: values.kind,
        login: values.login.trim().toUpperCase(),
        displayName: values.displayName.trim(),
        ...(values.phone ? { phone: values.phone.trim() } : {}),
        password: values.password,
      }),
    form,
    refused: (e) => {
      if (!(e instanceof ApiError && e.code === 'account.claimable')) return false;
      const values = form.getFieldsValue(true) as Values;
      setClaimable({ values, reason: e.message });
      return true;
    },
    onSuccess: (answer, values) => {
      if (answer?.user && answer.csrfToken) navigate(homeOf(signedIn(answer)), { replace: true });
      else navigate(`/login?as=${values.kind}`, { replace: true });
    },
  });
  const submit = (values: Values) => void register.run(values);
  const error = register.problem;
  const busy = register.busy;

  if (claimable) {
    const { values, reason } = claimable;
    return (
      <div className="page page-narrow">
        <Card title={t('claim.title')} className="auth-card">
          <ClaimAccount
            applicant={{
              kind: values.kind,
              login: values.login.trim().toUpperCase(),
              displayName: values.displayName.trim(),
              password: values.password,
            }}
            reason={reason}
            onBack={() => setClaimable(null)}
          />
        </Card>
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <Card title={t('register.title')} className="auth-card">
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form<Values>
          form={form}
          name="register"
          layout="vertical"
          initialValues={{ kind }}
          onFinish={submit}
          requiredMark={false}
        >
          <Form.Item name="kind" label={t('register.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'person', label: t('register.person') },
                { value: 'company', label: t('register.company') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="login"
            label={loginLabel}
            validateTrigger="onBlur"
            rules={[
              { required: true, whitespace: true, message: t('common.required', { label: loginLabel }) },
              {
                validator: async (_, value: string | undefined) => {
                  const v = (value ?? '').trim().toUpperCase();
                  if (!v) return;
                  if (kind === 'person' && !isResidentIdNumber(v))
                    throw new Error(t('login.idNumberInvalid'));
                  if (kind === 'company' && !isCreditCode(v)) throw new Error(t('login.creditCodeInvalid'));
                },
              },
            ]}
          >
            <Input maxLength={18} autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={nameLabel}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { label: nameLabel }) },
            ]}
          >
            <Input maxLength={100} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('register.phone')}
            rules={[{ pattern: /^1\d{10}$/, message: t('register.phoneInvalid') }]}
          >
            <Input maxLength={11} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('register.password')}
            rules={[
              { required: true, message: t('common.required', { label: t('register.password') }) },
              { min: 8, message: t('register.passwordRule') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('register.confirmPassword')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('common.required', { label: t('register.confirmPassword') }) },
              ({ getFieldValue }) => ({
                validator: async (_, value) => {
                  if (value && value !== getFieldValue('password'))
                    throw new Error(t('register.passwordMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('register.submit')}
          </Button>
        </Form>
        <div className="auth-foot">
          {t('login.haveAccount')} <Link to={`/login?as=${kind}`}>{t('login.signInNow')}</Link>
        </div>
      </Card>
    </div>
  );
}
