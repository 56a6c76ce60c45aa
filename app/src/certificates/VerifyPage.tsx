import './certificates.css';
import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  QuestionCircleFilled,
  StopFilled,
  SwapOutlined,
} from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import { chinaDate, useVerification, verifyPath } from './api.ts';
import type { PublicVerification, VerificationResult } from './types.ts';

const LOOK: Record<VerificationResult, { tone: string; icon: React.ReactNode }> = {
  authentic: { tone: 'good', icon: <CheckCircleFilled /> },
  revoked: { tone: 'bad', icon: <StopFilled /> },
  expired: { tone: 'warn', icon: <ClockCircleFilled /> },
  changed: { tone: 'warn', icon: <SwapOutlined /> },
  not_authentic: { tone: 'bad', icon: <CloseCircleFilled /> },
  not_found: { tone: 'none', icon: <QuestionCircleFilled /> },
};

/** /verify/:code — what the QR code on a certificate opens: the public check, no sign-in, phone first. */
export function VerifyPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const verification = useVerification(code.trim());
  return (
    <div className="page verify-page" data-testid="verify-page">
      <Typography.Title level={3} className="verify-title">
        {t('certificates.verify.title')}
      </Typography.Title>
      {code ? null : <CodeForm />}
      {verification.isFetching && !verification.data ? <Loading /> : null}
      {verification.isError ? (
        <LoadError error={verification.error} onRetry={() => void verification.refetch()} />
      ) : null}
      {verification.data ? <Outcome answer={verification.data} /> : null}
      {code ? (
        <div className="verify-again">
          <Link to="/verify">{t('certificates.verify.again')}</Link>
        </div>
      ) : null}
    </div>
  );
}

function CodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card className="verify-card">
      <p className="verify-intro">{t('certificates.verify.intro')}</p>
      <Form layout="vertical" onFinish={(v: { code: string }) => navigate(verifyPath(v.code.trim()))}>
        <Form.Item
          name="code"
          label={t('certificates.verify.code')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { label: t('certificates.verify.code') }),
            },
          ]}
        >
          <Input
            size="large"
            placeholder={t('certificates.verify.codePlaceholder')}
            data-testid="verify-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block>
          {t('certificates.verify.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function Outcome({ answer }: { answer: PublicVerification }) {
  const { t } = useTranslation();
  const look = LOOK[answer.result];
  const c = answer.certificate;
  return (
    <>
      <div
        className={`verify-result verify-${look.tone}`}
        data-testid="verify-result"
        data-result={answer.result}
      >
        <span className="verify-result-icon" aria-hidden>
          {look.icon}
        </span>
        <div className="verify-result-text">{t(`certificates.verify.result.${answer.result}`)}</div>
        <div className="verify-result-explain">{t(`certificates.verify.explain.${answer.result}`)}</div>
      </div>
      {c ? (
        <Card className="verify-card" data-testid="verify-certificate">
          <div className="verify-type">{c.typeName}</div>
          <dl className="verify-facts">
            <Fact label={t('certificates.field.number')} value={c.number} />
            <Fact label={t('certificates.field.issuer')} value={c.issuerName} />
            <Fact label={t('certificates.field.issuedAt')} value={chinaDate(c.issuedAt)} />
            <Fact
              label={t('certificates.field.validUntil')}
              value={c.validUntil ? chinaDate(c.validUntil) : t('certificates.field.noLimit')}
            />
          </dl>
          {c.publicFields.length > 0 ? (
            <>
              <div className="verify-section">{t('certificates.verify.publicFields')}</div>
              <dl className="verify-facts" data-testid="verify-public-fields">
                {c.publicFields.map((f) => (
                  <Fact key={f.label} label={f.label} value={f.value} />
                ))}
              </dl>
            </>
          ) : null}
        </Card>
      ) : null}
      <p className="verify-note">
        {t('certificates.verify.checkedAt', { time: formatTime(new Date().toISOString()) })}
        <br />
        {t('certificates.verify.note')}
      </p>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="verify-fact">
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
}
