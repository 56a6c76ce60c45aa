import { MessageOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { maskIdNumber } from '../../../common/identity.ts';
import { MyHelpRequests } from '../assistance/MyHelpRequests.tsx';
import { useMe } from '../auth/session.ts';
import { MyCases } from '../cases/MyCases.tsx';
import { Loading } from '../components/status.tsx';
import { MyInspectorCard } from '../inspectors/MyInspectorCard.tsx';
import { MyTickets } from '../tickets/take/MyTickets.tsx';

/** 我的空间: the applicant's profile and (later) their cases. */
export function MySpace() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  if (!me) return <Navigate to="/login?next=/my" replace />;
  if (me.kind === 'staff') return <Navigate to="/workbench" replace />;
  const person = me.kind === 'person';
  // The server masks a person's ID number already; masking again keeps a full number off the screen.
  const login = person && !me.login.includes('*') ? maskIdNumber(me.login) : me.login;
  return (
    <div className="page">
      <Typography.Title level={2} className="section-title" data-testid="my-title">
        {t('my.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card title={person ? t('my.profile') : t('my.companyProfile')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={person ? t('my.name') : t('my.companyName')}>
                {me.displayName}
              </Descriptions.Item>
              <Descriptions.Item label={person ? t('login.idNumber') : t('login.creditCode')}>
                <span data-testid="my-login">{login}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('my.accountKind')}>
                {person ? t('my.person') : t('my.company')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title={t('certificates.wallet.title')}
            style={{ marginTop: 16 }}
            data-testid="my-certificates"
          >
            <p>{t('certificates.wallet.teaser')}</p>
            <Link to="/my/certificates">
              <Button type="primary" icon={<SafetyCertificateOutlined />}>
                {t('certificates.wallet.open')}
              </Button>
            </Link>
          </Card>
          <Card title={t('hotline.portal.title')} style={{ marginTop: 16 }} data-testid="my-hotline-card">
            <p>{t('hotline.portal.teaser')}</p>
            <Link to="/my/hotline">
              <Button icon={<MessageOutlined />}>{t('hotline.portal.open')}</Button>
            </Link>
          </Card>
          <MyInspectorCard />
          <MyHelpRequests />
        </Col>
        <Col xs={24} md={14}>
          <Card title={t('ticketTake.mine')} style={{ marginBottom: 16 }} data-testid="my-tickets-card">
            <MyTickets />
          </Card>
          <Card title={t('my.cases')} extra={<Link to="/progress">{t('cases.progress.title')}</Link>}>
            <MyCases />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
