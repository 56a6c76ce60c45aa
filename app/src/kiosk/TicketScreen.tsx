import './ticket.css';
import { LeftOutlined, NumberOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';
import { LoadedChoices } from '../tickets/take/Choices.tsx';
import { TicketSlip } from '../tickets/take/TicketSlip.tsx';
import type { Ticket } from '../tickets/take/types.ts';
import type { KioskDevice } from './api.ts';
import { StartTile } from './StartTile.tsx';
import { takeAtKiosk, useKioskCategories, useKioskCheckIns } from './ticket-api.ts';
import { useIdle } from './useIdle.ts';
import './messages.ts';

/** The slip stays on screen this long before the kiosk returns to its start. */
const SHOWN_SECONDS = 60;
/** Without a card read, an untouched choice of category returns to the start after this long. */
const IDLE_SECONDS = 120;

/** The 取号 tile: on the start screen for the person whose card was read, or below the card prompt without one. */
export function TicketEntry({ plain = false, onOpen }: { plain?: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <StartTile
      icon={<NumberOutlined />}
      name={plain ? t('ticketTake.kiosk.plain') : t('ticketTake.kiosk.entry')}
      hint={plain ? undefined : t('ticketTake.kiosk.entryHint')}
      tone="red"
      plain={plain}
      testId={plain ? 'kiosk-ticket-plain' : 'kiosk-ticket-entry'}
      onClick={onOpen}
    />
  );
}

type Props = {
  token: string;
  device: KioskDevice;
  signedIn: boolean;
  onBack: () => void;
  onDone: () => void;
};

/** 取号 at the kiosk: today's bookings first (签到取号), then the categories; the ticket shown as a slip. */
export function TicketScreen({ token, device, signedIn, onBack, onDone }: Props) {
  const { t } = useTranslation();
  const categories = useKioskCategories(device.hall.id);
  const bookings = useKioskCheckIns(token, signedIn);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const { run, busy, problem } = useWrite<{ categoryId?: string; appointmentId?: string }, Ticket>({
    action: (body) => takeAtKiosk(token, body),
    onSuccess: setTicket,
  });
  // With a card read, the kiosk's own idle sign-out applies.
  useIdle({ active: !signedIn && !ticket, limit: IDLE_SECONDS, warnAt: 0, onTimeout: onBack });
  useEffect(() => {
    if (!ticket) return;
    const timer = window.setTimeout(onDone, SHOWN_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [ticket, onDone]);
  if (ticket)
    return (
      <div className="kiosk-ticket" data-testid="kiosk-ticket-done">
        <h1 className="kiosk-ticket-title">{t('ticketTake.kiosk.done')}</h1>
        <div className="kiosk-ticket-printer">
          <PrinterOutlined />
        </div>
        <TicketSlip ticket={ticket} hallName={device.hall.name} slip />
        <Button
          type="primary"
          size="large"
          className="kiosk-ticket-home"
          onClick={onDone}
          data-testid="kiosk-ticket-home"
        >
          {t('ticketTake.backToStart')}
        </Button>
      </div>
    );
  return (
    <div className="kiosk-ticket" data-testid="kiosk-ticket-screen">
      <div className="kiosk-ticket-head">
        <Button size="large" icon={<LeftOutlined />} onClick={onBack} data-testid="kiosk-ticket-back">
          {t('kiosk.back')}
        </Button>
        <h1>{t('ticketTake.kiosk.title')}</h1>
      </div>
      {problem ? <Alert type="error" showIcon title={problem} className="kiosk-notice" /> : null}
      <LoadedChoices
        large
        categories={categories}
        bookings={bookings}
        busy={busy}
        onChoose={(choice) => void run(choice)}
      />
    </div>
  );
}
