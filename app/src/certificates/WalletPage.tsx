import './certificates.css';
import {
  DownloadOutlined,
  FileProtectOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Button, Col, Empty, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMe } from '../auth/session.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { AuthorisationDrawer } from './AuthorisationDrawer.tsx';
import { fileUrl, pdfUrl, useMyCertificates, verifyPath } from './api.ts';
import { CertificateCard } from './CertificateCard.tsx';
import type { CertificateView } from './types.ts';

/** /my/certificates — 我的证照: the holder's electronic certificates, downloads and 用证授权. */
export function WalletPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  if (!me) return <Navigate to="/login?next=/my/certificates" replace />;
  if (me.kind === 'staff') return <Navigate to="/workbench" replace />;
  return (
    <div className="page wallet-page" data-testid="wallet-page">
      <Typography.Title level={2} className="section-title">
        {t('certificates.wallet.title')}
      </Typography.Title>
      <p className="wallet-intro">{t('certificates.wallet.intro')}</p>
      <Wallet />
    </div>
  );
}

function Wallet() {
  const { t } = useTranslation();
  const certificates = useMyCertificates();
  const [authorising, setAuthorising] = useState<CertificateView | null>(null);
  if (certificates.isPending) return <Loading />;
  if (certificates.isError) {
    return <LoadError error={certificates.error} onRetry={() => void certificates.refetch()} />;
  }
  if (certificates.data.items.length === 0) return <Empty description={t('certificates.wallet.empty')} />;
  return (
    <>
      <Row gutter={[16, 16]}>
        {certificates.data.items.map((c) => (
          <Col xs={24} md={12} key={c.id}>
            <CertificateCard
              certificate={c}
              actions={
                <>
                  <Button
                    type="primary"
                    icon={<DownloadOutlined />}
                    href={pdfUrl(c.id)}
                    download={`${c.typeName}-${c.number}.pdf`}
                    data-testid="certificate-pdf"
                  >
                    {t('certificates.wallet.downloadPdf')}
                  </Button>
                  <Button
                    icon={<FileProtectOutlined />}
                    href={fileUrl(c.id)}
                    download={`${c.typeName}-${c.number}.json`}
                    data-testid="certificate-file"
                  >
                    {t('certificates.wallet.downloadFile')}
                  </Button>
                  {c.status === 'issued' ? (
                    <Button
                      icon={<KeyOutlined />}
                      onClick={() => setAuthorising(c)}
                      data-testid="certificate-authorise"
                    >
                      {t('certificates.wallet.authorise')}
                    </Button>
                  ) : null}
                  <Link to={verifyPath(c.verificationCode)} data-testid="certificate-verify">
                    <Button type="link" icon={<SafetyCertificateOutlined />}>
                      {t('certificates.wallet.verify')}
                    </Button>
                  </Link>
                </>
              }
            />
          </Col>
        ))}
      </Row>
      {authorising ? (
        <AuthorisationDrawer certificate={authorising} onClose={() => setAuthorising(null)} />
      ) : null}
    </>
  );
}
