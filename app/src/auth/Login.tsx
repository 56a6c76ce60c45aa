import { IdcardOutlined, LockOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isCreditCode, isResidentIdNumber } from '../../../common/identity.ts';
import { safeNextPath } from '../../../common/next-path.ts';
import type { Me } from '../accounts/types.ts';
import { useWrite } from '../api/mutation.ts';
import { homeOf, useSession } from './session.ts';

type Kind = 'person' | 'company' | 'staff';
const KINDS: readonly Kind[] = ['person', 'company', 'staff'];

export function Login() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const asParam = params.get('as');
  const kind: Kind = KINDS.find((k) => k === asParam) ?? 'person';

  const done = (me: Me) => {
    navigate(safeNextPath(params.get('next')) ?? homeOf(me), { replace: true });
  };

  return (
    <div className="page page-narrow">
      <Card title={t('login.title')} className="auth-card">
        <Tabs
          activeKey={kind}
          centered
          onChange={(key) => {
            const nextParams = new URLSearchParams(params);
            nextParams.set('as', key);
            setParams(nextParams, { replace: true });
          }}
          items={[
            {
              key: 'person',
              label: t('login.person'),
              icon: <IdcardOutlined />,
              children: <SignInForm kind="person" onDone={done} />,
            },
            {
              key: 'company',
              label: t('login.company'),
              icon: <ShopOutlined />,
              children: <SignInForm kind="company" onDone={done} />,
            },
            {
              key: 'staff',
              label: t('login.staff'),
              icon: <UserOutlined />,
              children: <SignInForm kind="staff" onDone={done} />,
            },
          ]}
        />
        {kind !== 'staff' ? (
          <div className="auth-foot">
            {t('login.noAccount')} <Link to={`/register?as=${kind}`}>{t('login.registerNow')}</Link>
          </div>
        ) : null}
      </Card>
    </div>
  );
}

type Values = { login: string; password: string };

function SignInForm({ kind, onDone }: { kind: Kind; onDone: (me: Me) => void }) {
  const { t } = useTranslation();
  const { signInStaff, signInApplicant } = useSession();
  const signIn = useWrite<Values, Me>({
    action: ({ login, password }) =>
      kind === 'staff'
        ? signInStaff(login.trim(), password)
        : signInApplicant(kind, login.trim().toUpperCase(), password),
    onSuccess: onDone,
  });

  const loginLabel =
    kind === 'person'
      ? t('login.idNumber')
      : kind === 'company'
        ? t('login.creditCode')
        : t('login.username');
  const placeholder =
    kind === 'person'
      ? t('login.idNumberPlaceholder')
      : kind === 'company'
        ? t('login.creditCodePlaceholder')
        : t('login.username');

  return (
    <Form<Values>
      name={`sign-in-${kind}`}
      layout="vertical"
      onFinish={(values) => void signIn.run(values)}
      requiredMark={false}
      data-testid={`sign-in-${kind}`}
    >
      {signIn.problem ? (
        <Alert
          type="error"
          showIcon
          title={signIn.problem}
          style={{ marginBottom: 16 }}
          data-testid="sign-in-error"
        />
      ) : null}
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
              if (kind === 'person' && !isResidentIdNumber(v)) throw new Error(t('login.idNumberInvalid'));
              if (kind === 'company' && !isCreditCode(v)) throw new Error(t('login.creditCodeInvalid'));
            },
          },
        ]}
      >
        <Input
          size="large"
          prefix={kind === 'staff' ? <UserOutlined /> : <IdcardOutlined />}
          placeholder={placeholder}
          autoComplete="username"
          maxLength={kind === 'staff' ? 64 : 18}
          name="login"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('common.required', { label: t('login.password') }) }]}
      >
        <Input.Password
          size="large"
          prefix={<LockOutlined />}
          autoComplete="current-password"
          name="password"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={signIn.busy}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
