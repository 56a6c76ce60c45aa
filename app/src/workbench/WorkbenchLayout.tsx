import './workbench.css';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BugOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  EyeOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  LikeOutlined,
  LineChartOutlined,
  LogoutOutlined,
  MenuOutlined,
  MessageOutlined,
  PhoneOutlined,
  PieChartOutlined,
  PrinterOutlined,
  ProductOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SlidersOutlined,
  SolutionOutlined,
  SoundOutlined,
  StarOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../accounts/types.ts';
import { useMe, useSignOut } from '../auth/session.ts';
import { Emblem } from '../components/Emblem.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Loading } from '../components/status.tsx';
import { mayManage, menuKeyOf, pagesFor, pathOf, type WorkbenchPage } from './menu.ts';

const ICONS: Record<WorkbenchPage, React.ReactNode> = {
  home: <HomeOutlined />,
  intake: <InboxOutlined />,
  calling: <SoundOutlined />,
  agentApply: <SolutionOutlined />,
  agentCases: <ProfileOutlined />,
  review: <FileDoneOutlined />,
  warnings: <AlertOutlined />,
  credit: <SafetyCertificateOutlined />,
  certificates: <IdcardOutlined />,
  issuedCertificates: <FileProtectOutlined />,
  catalogue: <FormOutlined />,
  catalogueReview: <FileSearchOutlined />,
  catalogueStatistics: <BarChartOutlined />,
  regions: <EnvironmentOutlined />,
  organisations: <ApartmentOutlined />,
  halls: <BankOutlined />,
  appointmentSettings: <CalendarOutlined />,
  todayAppointments: <PhoneOutlined />,
  hallBoard: <DashboardOutlined />,
  hallFigures: <LineChartOutlined />,
  reception: <PrinterOutlined />,
  helpRequests: <CustomerServiceOutlined />,
  evaluator: <StarOutlined />,
  revisits: <LikeOutlined />,
  hotline: <MessageOutlined />,
  hotlineTasks: <ProductOutlined />,
  hotlineEscalated: <AlertOutlined />,
  hotlineFigures: <LineChartOutlined />,
  hotlineFaq: <ReadOutlined />,
  inspectors: <EyeOutlined />,
  inspectorFindings: <BugOutlined />,
  inspectorRectify: <ToolOutlined />,
  assessment: <FundOutlined />,
  statistics: <PieChartOutlined />,
  accounts: <TeamOutlined />,
  registries: <DatabaseOutlined />,
  audit: <AuditOutlined />,
  regionSettings: <SlidersOutlined />,
  bigScreen: <FundProjectionScreenOutlined />,
};

/** The staff workbench: a side menu that follows the user's roles. */
export function WorkbenchLayout() {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (!me) return <Navigate to={`/login?as=staff&next=${encodeURIComponent(location.pathname)}`} replace />;
  if (me.kind !== 'staff') return <Navigate to="/my" replace />;
  return <Shell me={me} />;
}

function Shell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate('/', { replace: true }));

  const label = (page: WorkbenchPage) =>
    page === 'organisations' && !mayManage(me, 'organisations')
      ? t('workbench.organisationsRead')
      : t(`workbench.${page === 'review' ? 'reviewQueue' : page}`);
  const items = pagesFor(me).map((page) => ({ key: pathOf(page), icon: ICONS[page], label: label(page) }));
  const selected = menuKeyOf(me, location.pathname, (location.state as { from?: unknown } | null)?.from);

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      data-testid="workbench-menu"
      onClick={({ key }) => {
        setDrawerOpen(false);
        if (key === pathOf('bigScreen')) window.open(key, '_blank', 'noopener');
        else navigate(key);
      }}
    />
  );

  return (
    <Layout className="workbench">
      <Layout.Header className="workbench-header">
        {narrow ? (
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            aria-label={t('common.menu')}
            data-testid="workbench-menu-button"
            onClick={() => setDrawerOpen(true)}
          />
        ) : null}
        <Link to="/workbench" className="workbench-brand">
          <Emblem size={32} />
          <span className="workbench-brand-text">{t('workbench.title')}</span>
        </Link>
        <div className="workbench-header-right">
          <Typography.Text className="workbench-user wide-only" data-testid="workbench-user">
            {me.displayName}
          </Typography.Text>
          <LanguageSwitch light />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            style={{ color: '#fff' }}
            data-testid="sign-out"
            aria-label={t('common.signOut')}
            onClick={() => void signOut.run()}
          >
            {narrow ? null : t('common.signOut')}
          </Button>
        </div>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={240}
            title={me.displayName}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={220} theme="light" className="workbench-sider">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="workbench-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
