import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { maskIdNumber } from '../../../common/identity.ts';
import type { SignInAnswer } from '../accounts/types.ts';
import { ApiError, api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import { homeOf, useSession } from './session.ts';

type Applicant = { kind: 'person' | 'company'; login: string; displayName: string; password?: string };
type Claim = { claimId: string; phone: string; expiresAt: string };
type CodeValues = { code: string; password: string; confirm: string };

const RESEND_SECONDS = 60;
const CODE_MINUTES = 10;
/** Answers after which the code cannot be used any more: ask for a new one. */
const CODE_GONE = ['account.claim_code_expired', 'account.claim_attempts_exhausted', 'account.claim_failed'];

/**
 * 认领账号: the holder of an account opened at a window confirms the name recorded there, receives
 * a code by SMS at the phone recorded there, sets a password and is signed in.
 */
export function ClaimAccount({
  applicant,
  reason,
  onBack,
}: {
  applicant: Applicant;
  reason: string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [claim, setClaim] = useState<Claim | null>(null);
  const [problem, setProblem] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const [wait, setWait] = useState(0);
  const [name, setName] = useState(applicant.displayName);
  const [form] = Form.useForm<CodeValues>();

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const failed = (error: unknown) => {
    const code = error instanceof ApiError ? error.code : '';
    const text = error instanceof Error ? error.message : String(error);
    if (code === 'account.claim_code_invalid') {
      form.setFields([{ name: 'code', errors: [text] }]);
      return true;
    }
    if (CODE_GONE.includes(code)) {
      setClaim(null);
      setWait(0);
    }
    setProblem({ type: code === 'account.claim_no_phone' ? 'warning' : 'error', text });
    return true;
  };

  const send = useWrite({
    action: () =>
      api.post<Claim>('/api/auth/claim', {
        kind: applicant.kind,
        login: applicant.login,
        displayName: name.trim(),
      }),
    refused: failed,
    onSuccess: (answer) => {
      setClaim(answer);
      setWait(RESEND_SECONDS);
    },
  });
  const finish = useWrite<{ claimId: string; values: CodeValues }, SignInAnswer>({
    action: ({ claimId, values }) =>
      api.post<SignInAnswer>(`/api/auth/claim/${claimId}/complete`, {
        code: values.code.trim(),
        password: values.password,
      }),
    refused: failed,
    onSuccess: (answer) => navigate(homeOf(signedIn(answer)), { replace: true }),
  });
  const busy = send.busy || finish.busy;
  const sendCode = () => {
    setProblem(null);
    void send.run();
  };
  const complete = (values: CodeValues) => {
    if (!claim) return;
    setProblem(null);
    void finish.run({ claimId: claim.claimId, values });
  };

  const shownNumber = applicant.kind === 'person' ? maskIdNumber(applicant.login) : applicant.login;
  return (
    <div data-testid="claim-account">
      <Alert type="info" showIcon title={reason} style={{ marginBottom: 16 }} />
      {problem ? (
        <Alert
          type={problem.type}
          showIcon
          title={problem.text}
          style={{ marginBottom: 16 }}
          data-testid="claim-problem"
        />
      ) : null}
      <Typography.Paragraph>{t('claim.intro')}</Typography.Paragraph>
      <Form layout="vertical" requiredMark={false} onFinish={sendCode}>
        <Form.Item label={t('claim.number')}>
          <Typography.Text strong>{shownNumber}</Typography.Text>
        </Form.Item>
        <Form.Item label={t('claim.name')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              disabled={!!claim}
              data-testid="claim-name"
            />
            <Button
              htmlType="submit"
              loading={busy && !claim}
              disabled={!name.trim() || wait > 0}
              data-testid="claim-send"
            >
              {wait > 0
                ? t('claim.resendIn', { seconds: wait })
                : claim
                  ? t('claim.resend')
                  : t('claim.sendCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      {claim ? (
        <Form<CodeValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={complete}
          initialValues={{ password: applicant.password ?? '', confirm: applicant.password ?? '' }}
          data-testid="claim-code-form"
        >
          <Alert
            type="success"
            showIcon
            title={t('claim.sent', { phone: claim.phone, minutes: CODE_MINUTES })}
            style={{ marginBottom: 16 }}
            data-testid="claim-sent"
          />
          <Form.Item
            name="code"
            label={t('claim.code')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('claim.codeRule') }]}
          >
            <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" data-testid="claim-code" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('claim.password')}
            rules={[
              { required: true, message: t('common.required', { label: t('claim.password') }) },
              { min: 8, message: t('register.passwordRule') },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="claim-password" />
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
            <Input.Password autoComplete="new-password" data-testid="claim-confirm" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={busy}
            data-testid="claim-submit"
          >
            {t('claim.confirm')}
          </Button>
        </Form>
      ) : null}
      <div className="auth-foot">
        <Typography.Link onClick={onBack}>{t('claim.back')}</Typography.Link>
      </div>
    </div>
  );
}
