import {
  BankOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Col, Empty, Input, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useList } from '../api/lists.ts';
import { useMe } from '../auth/session.ts';
import { HotSearches } from '../catalogue/HotSearches.tsx';
import { LoadError } from '../components/status.tsx';
import type { PublicHall, PublicOrganisation } from '../organisations/types.ts';
import './home.css';

export function Home() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <section className="hero">
        <div className="hero-inner">
          <Input.Search
            className="hero-search"
            size="large"
            enterButton={t('common.search')}
            placeholder={t('portal.searchPlaceholder')}
            aria-label={t('portal.searchPlaceholder')}
            data-testid="portal-search"
            onSearch={(q) => navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
          />
          <HotSearches />
        </div>
      </section>
      <div className="page">
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            <EntryTile
              to="/matters?object=person"
              icon={<IdcardOutlined />}
              title={t('portal.personal')}
              desc={t('portal.personalDesc')}
              tone="red"
            />
          </Col>
          <Col xs={24} md={8}>
            <EntryTile
              to="/matters?object=company"
              icon={<ShopOutlined />}
              title={t('portal.company')}
              desc={t('portal.companyDesc')}
              tone="blue"
            />
          </Col>
          <Col xs={24} md={8}>
            <SignInCard />
          </Col>
        </Row>
        <PublicServices />
        <Departments />
        <Halls />
      </div>
    </>
  );
}

type EntryTileProps = {
  to: string;
  icon: React.ReactNode;
  title: string;
  desc: string;
  tone: 'red' | 'blue';
};

function EntryTile({ to, icon, title, desc, tone }: EntryTileProps) {
  return (
    <Link to={to} className={`entry-tile entry-tile-${tone}`}>
      <span className="entry-tile-icon">{icon}</span>
      <span>
        <span className="entry-tile-title">{title}</span>
        <span className="entry-tile-desc">{desc}</span>
      </span>
    </Link>
  );
}

/**
 * Services anyone can use without an account: a case's progress, a certificate's authenticity,
 * appointments, stations, 好差评 published, 政务服务体验官.
 */
function PublicServices() {
  const { t } = useTranslation();
  const services = [
    {
      to: '/progress',
      icon: <FileSearchOutlined />,
      title: t('portal.progress'),
      desc: t('portal.progressDesc'),
      id: 'progress',
    },
    {
      to: '/verify',
      icon: <SafetyCertificateOutlined />,
      title: t('portal.verify'),
      desc: t('portal.verifyDesc'),
      id: 'verify',
    },
    {
      to: '/appointments',
      icon: <CalendarOutlined />,
      title: t('portal.appointments'),
      desc: t('portal.appointmentsDesc'),
      id: 'appointments',
    },
    {
      to: '/stations',
      icon: <EnvironmentOutlined />,
      title: t('stations.entry'),
      desc: t('stations.entryDesc'),
      id: 'stations',
    },
    {
      to: '/evaluation',
      icon: <span style={{ fontWeight: 700 }}>评</span>,
      title: t('ratings.publication.entry'),
      desc: t('ratings.publication.entryDesc'),
      id: 'evaluation',
    },
    {
      to: '/inspectors',
      icon: <span style={{ fontWeight: 700 }}>体</span>,
      title: t('portal.inspectors'),
      desc: t('portal.inspectorsDesc'),
      id: 'inspectors',
    },
  ];
  return (
    <Row gutter={[16, 16]} className="public-services" data-testid="portal-public-services">
      {services.map((s) => (
        <Col xs={24} md={8} key={s.id}>
          <Link to={s.to} className="public-service" data-testid={`home-${s.id}`}>
            <span className="public-service-icon">{s.icon}</span>
            <span>
              <span className="public-service-title">{s.title}</span>
              <span className="public-service-desc">{s.desc}</span>
            </span>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

function SignInCard() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me) {
    return (
      <Panel className="signin-card" title={me.displayName}>
        <Link to={me.kind === 'staff' ? '/workbench' : '/my'}>
          <Button type="primary" block size="large">
            {me.kind === 'staff' ? t('portal.workbench') : t('portal.mySpace')}
          </Button>
        </Link>
      </Panel>
    );
  }
  return (
    <Panel className="signin-card" title={t('common.signIn')}>
      <div className="signin-buttons">
        <Link to="/login?as=person">
          <Button type="primary" block>
            {t('portal.personalSignIn')}
          </Button>
        </Link>
        <Link to="/login?as=company">
          <Button block>{t('portal.companySignIn')}</Button>
        </Link>
        <Link to="/login?as=staff">
          <Button type="link" block icon={<TeamOutlined />}>
            {t('portal.staffSignIn')}
          </Button>
        </Link>
      </div>
    </Panel>
  );
}

/**
 * A titled box drawn like Ant Design's Card: the Card component would bring its tabs and menus
 * (and their styles) onto the portal's first load.
 */
function Panel({ title, small = false, className, children }: PanelProps) {
  return (
    <div className={`home-panel${small ? ' home-panel-small' : ''} ${className}`}>
      <div className="home-panel-head">
        <span className="home-panel-title">{title}</span>
      </div>
      <div className="home-panel-body">{children}</div>
    </div>
  );
}

type PanelProps = { title: React.ReactNode; small?: boolean; className: string; children: React.ReactNode };

function SectionTitle({ children }: { children: React.ReactNode }) {
  return <h3 className="section-title home-section-title">{children}</h3>;
}

function Departments() {
  const { t } = useTranslation();
  const departments = useList<PublicOrganisation>('/api/organisations', {
    kind: 'department',
    active: true,
    limit: 100,
  });
  return (
    <section data-testid="portal-departments">
      <SectionTitle>{t('portal.departments')}</SectionTitle>
      {departments.isPending ? (
        <Skeleton active />
      ) : departments.isError ? (
        <LoadError error={departments.error} onRetry={() => void departments.refetch()} />
      ) : departments.data.items.length === 0 ? (
        <Empty description={t('common.noData')} />
      ) : (
        <div className="department-grid">
          {departments.data.items.map((d) => (
            <div key={d.id} className="department-item" title={d.name}>
              <BankOutlined className="department-icon" />
              <span>{d.name}</span>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function Halls() {
  const { t } = useTranslation();
  const halls = useList<PublicHall>('/api/halls');
  return (
    <section data-testid="portal-halls">
      <SectionTitle>{t('portal.halls')}</SectionTitle>
      {halls.isPending ? (
        <Skeleton active />
      ) : halls.isError ? (
        <LoadError error={halls.error} onRetry={() => void halls.refetch()} />
      ) : halls.data.items.length === 0 ? (
        <Empty description={t('common.noData')} />
      ) : (
        <Row gutter={[16, 16]}>
          {halls.data.items.map((h) => (
            <Col xs={24} md={12} lg={8} key={h.id}>
              <Panel className="hall-card" title={h.name} small>
                <p>
                  <EnvironmentOutlined /> <span className="label">{t('portal.address')}：</span>
                  {h.address}
                </p>
                <p>
                  <ClockCircleOutlined /> <span className="label">{t('portal.openingHours')}：</span>
                  {h.openingHours}
                </p>
                {h.phone ? (
                  <p>
                    <PhoneOutlined /> <span className="label">{t('portal.phone')}：</span>
                    {h.phone}
                  </p>
                ) : null}
              </Panel>
            </Col>
          ))}
        </Row>
      )}
    </section>
  );
}
