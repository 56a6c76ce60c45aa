import { Card, Collapse, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isResidentIdNumber, maskIdNumber, maskPhone } from '../../../common/identity.ts';
import { chinaDate } from './api.ts';
import type { CertificateStatus, CertificateView } from './types.ts';

const STATUS_COLOURS: Record<CertificateStatus, string> = {
  issued: 'green',
  changed: 'orange',
  revoked: 'red',
  expired: 'default',
};

export function CertificateStatusTag({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="certificate-status" data-status={status}>
      {t(`certificates.status.${status}`)}
    </Tag>
  );
}

/** A field's value as a page may show it: resident ID numbers and mobile numbers masked. */
export function shownValue(value: string | undefined): string {
  const text = value?.trim() ?? '';
  if (!text) return '—';
  if (isResidentIdNumber(text.toUpperCase())) return maskIdNumber(text);
  if (/^1\d{10}$/.test(text)) return maskPhone(text);
  return text;
}

/** One certificate: type, status, number, issuer, dates, its fields folded away, and the caller's actions. */
export function CertificateCard({
  certificate: c,
  actions,
}: {
  certificate: CertificateView;
  actions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t('certificates.field.number'), c.number],
    [t('certificates.field.holder'), c.holderName],
    [t('certificates.field.issuer'), c.issuerName],
    [t('certificates.field.issuedAt'), chinaDate(c.issuedAt)],
    [
      t('certificates.field.validUntil'),
      c.validUntil ? chinaDate(c.validUntil) : t('certificates.field.noLimit'),
    ],
  ];
  return (
    <Card
      className={`wallet-card${c.status === 'issued' ? '' : ' wallet-card-muted'}`}
      data-testid="certificate-card"
      data-number={c.number}
      title={<span className="wallet-card-title">{c.typeName}</span>}
      extra={<CertificateStatusTag status={c.status} />}
    >
      <dl className="verify-facts wallet-facts">
        {facts.map(([label, value]) => (
          <div className="verify-fact" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {c.fields.length > 0 ? (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'details',
              label: `${t('certificates.wallet.details')}（${t('certificates.wallet.more', { count: c.fields.length })}）`,
              children: (
                <dl className="verify-facts">
                  {c.fields.map((f) => (
                    <div className="verify-fact" key={f.key}>
                      <dt>{f.label}</dt>
                      <dd>{shownValue(c.data[f.key])}</dd>
                    </div>
                  ))}
                </dl>
              ),
            },
          ]}
        />
      ) : null}
      {actions ? <div className="wallet-actions">{actions}</div> : null}
    </Card>
  );
}
