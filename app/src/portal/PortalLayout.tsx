import {
  CalendarOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { HelpButton } from '../assistance/HelpButton.tsx';
import { homeOf, useMe, useSignOut } from '../auth/session.ts';
import { ElderlyMode, ElderlyModeSwitch, useRememberedElderlyMode } from '../components/ElderlyMode.tsx';
import { Emblem } from '../components/Emblem.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

/** The public site: masthead, page, footer; 长辈模式 (large text, high contrast) remembered in this browser. */
export function PortalLayout() {
  const elderly = useRememberedElderlyMode();
  return (
    <ElderlyMode {...elderly}>
      <Portal />
    </ElderlyMode>
  );
}

function Portal() {
  const { t } = useTranslation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/" className="portal-brand">
            <Emblem size={40} />
            <span className="portal-brand-text">
              <span className="portal-brand-name">{t('common.appName')}</span>
              <span className="portal-brand-site">{t('common.siteName')}</span>
            </span>
          </Link>
          <nav className="portal-nav wide-only">
            <PublicLinks light />
            <AccountLinks light />
            <HelpButton light />
            <ElderlyModeSwitch light />
          </nav>
          <span className="portal-header-narrow narrow-only">
            <ElderlyModeSwitch light />
            <Button
              type="text"
              icon={<MenuOutlined style={{ color: '#fff', fontSize: 20 }} />}
              aria-label={t('common.menu')}
              data-testid="portal-menu"
              onClick={() => setDrawerOpen(true)}
            />
          </span>
        </div>
      </header>
      <Drawer
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        placement="right"
        size={260}
        title={t('common.appName')}
      >
        <div data-testid="portal-drawer">
          <PublicLinks vertical onDone={() => setDrawerOpen(false)} />
          <AccountLinks vertical onDone={() => setDrawerOpen(false)} />
          <HelpButton block />
          <ElderlyModeSwitch block />
        </div>
      </Drawer>
      <main className="portal-main">
        <Outlet />
      </main>
      <footer className="portal-footer">
        <div>
          <Link to="/evaluation" style={{ color: '#fff' }} data-testid="portal-evaluation-link">
            {t('ratings.publication.entry')}
          </Link>
        </div>
        <div>{t('portal.footer')}</div>
        <div className="portal-footer-note">{t('portal.footerNote')}</div>
      </footer>
    </div>
  );
}

type AccountLinksProps = { light?: boolean; vertical?: boolean; onDone?: () => void };

/** The services open to everyone: progress look-up, certificate verification, booking a visit, the stations near you. */
function PublicLinks({ light = false, vertical = false, onDone }: AccountLinksProps) {
  const { t } = useTranslation();
  const style = light ? { color: '#fff' } : undefined;
  return (
    <Space
      orientation={vertical ? 'vertical' : 'horizontal'}
      size={vertical ? 8 : 4}
      style={{ width: vertical ? '100%' : undefined, marginBottom: vertical ? 8 : undefined }}
    >
      <Link to="/progress" onClick={onDone} data-testid="portal-progress-link">
        <Button type="text" block={vertical} style={style} icon={<FileSearchOutlined />}>
          {t('portal.progress')}
        </Button>
      </Link>
      <Link to="/verify" onClick={onDone} data-testid="portal-verify-link">
        <Button type="text" block={vertical} style={style} icon={<SafetyCertificateOutlined />}>
          {t('portal.verify')}
        </Button>
      </Link>
      <Link to="/appointments" onClick={onDone} data-testid="portal-appointments-link">
        <Button type="text" block={vertical} style={style} icon={<CalendarOutlined />}>
          {t('portal.appointments')}
        </Button>
      </Link>
      <Link to="/stations" onClick={onDone} data-testid="portal-stations-link">
        <Button type="text" block={vertical} style={style} icon={<EnvironmentOutlined />}>
          {t('stations.entry')}
        </Button>
      </Link>
      {vertical ? (
        <Link to="/evaluation" onClick={onDone} data-testid="portal-drawer-evaluation-link">
          <Button type="text" block icon={<span style={{ fontWeight: 700 }}>评</span>}>
            {t('ratings.publication.entry')}
          </Button>
        </Link>
      ) : null}
    </Space>
  );
}

function AccountLinks({ light = false, vertical = false, onDone }: AccountLinksProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate('/'));
  const style = light ? { color: '#fff' } : undefined;
  return (
    <Space
      orientation={vertical ? 'vertical' : 'horizontal'}
      size={vertical ? 8 : 4}
      style={{ width: vertical ? '100%' : undefined }}
    >
      {me ? (
        <>
          <Link to={homeOf(me)} onClick={onDone}>
            <Button type="text" block={vertical} style={style}>
              {me.kind === 'staff' ? t('portal.workbench') : t('portal.mySpace')} · {me.displayName}
            </Button>
          </Link>
          <Button
            type="text"
            block={vertical}
            style={style}
            onClick={() => {
              onDone?.();
              void signOut.run();
            }}
          >
            {t('common.signOut')}
          </Button>
        </>
      ) : (
        <>
          <Link to="/login" onClick={onDone}>
            <Button
              type={light ? 'text' : 'primary'}
              block={vertical}
              style={style}
              data-testid="portal-sign-in"
            >
              {t('common.signIn')}
            </Button>
          </Link>
          <Link to="/register" onClick={onDone}>
            <Button type="text" block={vertical} style={style}>
              {t('common.register')}
            </Button>
          </Link>
        </>
      )}
      <LanguageSwitch light={light} block={vertical} />
    </Space>
  );
}
