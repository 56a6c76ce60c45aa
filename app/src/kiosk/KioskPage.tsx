import './kiosk.css';
import { LogoutOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { HelpButton } from '../assistance/HelpButton.tsx';
import type { CaseDetail } from '../cases/types.ts';
import type { Guide } from '../catalogue/types.ts';
import { ElderlyMode, ElderlyModeSwitch } from '../components/ElderlyMode.tsx';
import { Emblem } from '../components/Emblem.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import {
  currentSession,
  endAnySession,
  fetchDevice,
  type KioskDevice,
  type KioskSession,
  signOut,
} from './api.ts';
import { BookingEntry, BookingScreen } from './BookingScreen.tsx';
import { CardScreen } from './CardScreen.tsx';
import { type KioskConfig, loadKioskConfig } from './config.ts';
import { FormScreen } from './FormScreen.tsx';
import { type ChosenMatter, MatterScreen } from './MatterScreen.tsx';
import { ReceiptScreen } from './ReceiptScreen.tsx';
import { createReader, SimulatedReader } from './reader.ts';
import { SimulatorPanel } from './SimulatorPanel.tsx';
import { TicketEntry, TicketScreen } from './TicketScreen.tsx';
import { useIdle } from './useIdle.ts';
import './messages.ts';

/** Signed out after this many idle seconds; the countdown shows for the last WARN_AT of them. */
const IDLE_LIMIT = 120;
const WARN_AT = 30;

type Screen =
  | { kind: 'matters' }
  | { kind: 'form'; matter: ChosenMatter }
  | { kind: 'receipt'; created: CaseDetail; guide: Guide }
  | { kind: 'booking' }
  | { kind: 'ticket' };

/** /kiosk — the self-service kiosk; without a device token it goes to /kiosk/setup. */
export function KioskPage() {
  const config = useMemo(loadKioskConfig, []);
  if (!config) return <Navigate to="/kiosk/setup" replace />;
  return <Kiosk config={config} />;
}

function Kiosk({ config }: { config: KioskConfig }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reader = useMemo(() => createReader(config.reader), [config]);
  useEffect(() => () => reader.close(), [reader]);
  const device = useQuery({
    queryKey: ['kiosk-device', config.token],
    queryFn: () => fetchDevice(config.token),
    retry: false,
  });
  // Whatever session this browser still holds (the last person walked away) ends before the first card.
  const [cleared, setCleared] = useState(false);
  useEffect(() => {
    void endAnySession().finally(() => setCleared(true));
  }, []);
  const [session, setSession] = useState<KioskSession | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'matters' });
  const [notice, setNotice] = useState<string | null>(null);
  // 长辈模式 lasts for one person: every sign-out ends it, since the next person may not want it.
  const [elderly, setElderly] = useState(false);

  const reset = useCallback(
    (message: string | null) => {
      setSession(null);
      setElderly(false);
      setScreen({ kind: 'matters' });
      setNotice(message);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'kiosk-device' });
      void signOut().catch(() => undefined);
    },
    [queryClient],
  );
  const identified = useCallback((next: KioskSession) => {
    setNotice(null);
    setScreen({ kind: 'matters' });
    setSession(next);
  }, []);
  // Switched on at the card screen by someone who then walked away: off again after the same idle time.
  useIdle({
    active: elderly && session === null,
    limit: IDLE_LIMIT,
    warnAt: 0,
    onTimeout: () => setElderly(false),
  });
  const deviceRejected = useCallback(() => navigate('/kiosk/setup', { replace: true }), [navigate]);
  const idle = useIdle({
    active: session !== null,
    limit: IDLE_LIMIT,
    warnAt: WARN_AT,
    onTimeout: () => reset(t('kiosk.idle.ended')),
    // Touching the screen keeps the server's session alive; a session ended there ends here too.
    onActivity: () => {
      void currentSession().then((live) => {
        if (!live) reset(t('kiosk.idle.ended'));
      });
    },
  });

  if (device.isError) {
    if (device.error instanceof ApiError && device.error.status === 401)
      return <Navigate to="/kiosk/setup" replace />;
    return <LoadError error={device.error} onRetry={() => void device.refetch()} />;
  }
  if (device.isPending || !cleared) return <Loading />;
  return (
    <ElderlyMode on={elderly} setOn={setElderly}>
      <div className="kiosk" data-testid="kiosk">
        <header className="kiosk-header">
          <div className="kiosk-brand">
            <Emblem size={56} />
            <div>
              <div className="kiosk-brand-name">{t('common.siteName')}</div>
              <div className="kiosk-brand-hall" data-testid="kiosk-hall">
                {device.data.hall.name} · {t('kiosk.title')}
              </div>
            </div>
          </div>
          <div className="kiosk-header-tools">
            <HelpButton light size="large" kiosk={{ token: config.token, signedIn: session !== null }} />
            <ElderlyModeSwitch light size="large" />
            {session ? (
              <div className="kiosk-who">
                <span>
                  {session.applicant.displayName}
                  <small>{session.applicant.idNumber}</small>
                </span>
                <Button
                  size="large"
                  danger
                  icon={<LogoutOutlined />}
                  onClick={() => reset(null)}
                  data-testid="kiosk-sign-out"
                >
                  {t('kiosk.signOut')}
                </Button>
              </div>
            ) : null}
          </div>
        </header>
        <main className="kiosk-main">
          {session ? (
            <SignedIn
              token={config.token}
              device={device.data}
              session={session}
              screen={screen}
              setScreen={setScreen}
              onFinish={() => reset(null)}
            />
          ) : screen.kind === 'ticket' ? (
            <TicketScreen
              token={config.token}
              device={device.data}
              signedIn={false}
              onBack={() => setScreen({ kind: 'matters' })}
              onDone={() => reset(null)}
            />
          ) : (
            <>
              <CardScreen
                token={config.token}
                reader={reader}
                notice={notice}
                onIdentified={identified}
                onDeviceRejected={deviceRejected}
              />
              <TicketEntry plain onOpen={() => setScreen({ kind: 'ticket' })} />
              {reader instanceof SimulatedReader ? <SimulatorPanel reader={reader} /> : null}
            </>
          )}
        </main>
        <footer className="kiosk-footer">
          <span>{t('kiosk.help')}</span>
          <LanguageSwitch />
        </footer>
        <Modal
          open={idle.secondsLeft !== null}
          title={t('kiosk.idle.title')}
          closable={false}
          maskClosable={false}
          centered
          width={640}
          className="kiosk-modal"
          footer={
            <Button type="primary" size="large" block onClick={idle.stillHere} data-testid="kiosk-still-here">
              {t('kiosk.idle.stay')}
            </Button>
          }
        >
          <p className="kiosk-countdown" data-testid="kiosk-countdown">
            {t('kiosk.idle.body', { seconds: idle.secondsLeft ?? 0 })}
          </p>
        </Modal>
      </div>
    </ElderlyMode>
  );
}

type SignedInProps = {
  token: string;
  device: KioskDevice;
  session: KioskSession;
  screen: Screen;
  setScreen: (screen: Screen) => void;
  onFinish: () => void;
};

function SignedIn({ token, device, session, screen, setScreen, onFinish }: SignedInProps) {
  switch (screen.kind) {
    case 'matters':
      return (
        <>
          <TicketEntry onOpen={() => setScreen({ kind: 'ticket' })} />
          <BookingEntry onOpen={() => setScreen({ kind: 'booking' })} />
          <MatterScreen
            token={token}
            device={device}
            session={session}
            onChoose={(matter) => setScreen({ kind: 'form', matter })}
          />
        </>
      );
    case 'ticket':
      return (
        <TicketScreen
          token={token}
          device={device}
          signedIn
          onBack={() => setScreen({ kind: 'matters' })}
          onDone={onFinish}
        />
      );
    case 'booking':
      return (
        <BookingScreen
          token={token}
          device={device}
          session={session}
          onBack={() => setScreen({ kind: 'matters' })}
        />
      );
    case 'form':
      return (
        <FormScreen
          implementationId={screen.matter.implementationId}
          session={session}
          onBack={() => setScreen({ kind: 'matters' })}
          onSubmitted={(created, guide) => setScreen({ kind: 'receipt', created, guide })}
        />
      );
    case 'receipt':
      return (
        <ReceiptScreen
          created={screen.created}
          guide={screen.guide}
          device={device}
          session={session}
          onAnother={() => setScreen({ kind: 'matters' })}
          onFinish={onFinish}
        />
      );
  }
}
