import {
  CarOutlined,
  FilePdfOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseStatus } from '../../../common/cases/state-machine.ts';
import { useLabels } from '../catalogue/labels.ts';
import { chinaDate, pdfUrl, useMyCertificates, verifyPath } from '../certificates/api.ts';
import { CertificateStatusTag } from '../certificates/CertificateCard.tsx';
import { noticeUrl } from './api.ts';
import { noticesOf } from './CaseNotices.tsx';
import type { CaseDetail } from './types.ts';

/** Statuses after 办结: the result is out. */
const RESULT_STATUSES: readonly CaseStatus[] = ['concluded', 'delivered'];
/** The notices that state the decision. */
const DECISIONS = ['approval', 'denial'];

/**
 * 办理结果 on the applicant's case page once the case is concluded: the certificate it issued (in
 * the wallet, its PDF, its public check), the decision notice, and how the result reaches the
 * applicant (the tracking number of a parcel).
 */
export function CaseResult({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (!RESULT_STATUSES.includes(detail.status)) return null;
  const decisions = (detail.notices ?? noticesOf(detail)).filter((kind) => DECISIONS.includes(kind));
  return (
    <Card title={t('cases.result.title')} className="case-block case-result" data-testid="case-result">
      <Typography.Paragraph className="case-result-intro">
        {t('cases.result.intro', { date: detail.concludedAt ? chinaDate(detail.concludedAt) : '—' })}
      </Typography.Paragraph>
      <ResultCertificate detail={detail} />
      {decisions.length ? (
        <section className="case-result-part" data-testid="result-decision">
          <Typography.Title level={5}>{t('cases.result.decision')}</Typography.Title>
          <Space wrap>
            {decisions.map((kind) => (
              <Button
                key={kind}
                icon={<FilePdfOutlined />}
                href={noticeUrl(detail.id, kind)}
                download={`${detail.caseNo}-${kind}.pdf`}
                data-testid={`result-notice-${kind}`}
              >
                {t(`cases.notice.${kind as 'approval'}`)}
              </Button>
            ))}
          </Space>
        </section>
      ) : null}
      <ResultDelivery detail={detail} />
    </Card>
  );
}

/** The certificate the case issued, from the holder's wallet. */
function ResultCertificate({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const wallet = useMyCertificates();
  if (wallet.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  const issued = (wallet.data?.items ?? []).filter((c) => c.caseId === detail.id);
  const certificate = issued.find((c) => c.status === 'issued') ?? issued[0];
  if (!certificate) return null;
  return (
    <section className="case-result-part" data-testid="result-certificate" data-id={certificate.id}>
      <Typography.Title level={5}>
        <SafetyCertificateOutlined /> {t('cases.result.certificate')}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('cases.result.certificateName')}>
          <span data-testid="result-certificate-type">{certificate.typeName}</span>{' '}
          <CertificateStatusTag status={certificate.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.result.number')}>
          <span data-testid="result-certificate-number">{certificate.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.result.issuer')}>{certificate.issuerName}</Descriptions.Item>
        <Descriptions.Item label={t('cases.result.validUntil')}>
          {certificate.validUntil ? chinaDate(certificate.validUntil) : t('cases.result.noLimit')}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap className="case-result-actions">
        <Button
          type="primary"
          icon={<FilePdfOutlined />}
          href={pdfUrl(certificate.id)}
          download={`${certificate.typeName}-${certificate.number}.pdf`}
          data-testid="result-certificate-pdf"
        >
          {t('cases.result.pdf')}
        </Button>
        <Link to="/my/certificates" data-testid="result-wallet">
          <Button icon={<WalletOutlined />}>{t('cases.result.wallet')}</Button>
        </Link>
        <Link to={verifyPath(certificate.verificationCode)} data-testid="result-verify">
          <Button icon={<SafetyCertificateOutlined />}>{t('cases.result.verify')}</Button>
        </Link>
      </Space>
    </section>
  );
}

/** How the result reaches the applicant: the parcel's tracking number, the window, or what is awaited. */
function ResultDelivery({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const chosen = detail.delivery ?? detail.formData.delivery?.method ?? null;
  const delivered = detail.status === 'delivered';
  return (
    <section
      className="case-result-part"
      data-testid="result-delivery"
      data-method={chosen ?? ''}
      data-delivered={delivered}
    >
      <Typography.Title level={5}>
        {chosen === 'post' ? <CarOutlined /> : <ShopOutlined />} {t('cases.result.delivery')}
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('cases.result.method')}>
          {chosen ? labels.delivery[chosen] : t('cases.result.methodOpen')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.result.state')}>
          {delivered
            ? chosen === 'post'
              ? t('cases.result.posted')
              : t('cases.result.collected')
            : chosen === 'post'
              ? t('cases.result.toPost')
              : t('cases.result.toCollect')}
        </Descriptions.Item>
        {detail.trackingNo ? (
          <Descriptions.Item label={t('cases.result.trackingNo')}>
            <Typography.Text copyable data-testid="result-tracking-no">
              {detail.trackingNo}
            </Typography.Text>
          </Descriptions.Item>
        ) : null}
        {detail.formData.delivery?.address && chosen === 'post' ? (
          <Descriptions.Item label={t('cases.result.address')}>
            {detail.formData.delivery.recipient} {detail.formData.delivery.address}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </section>
  );
}
