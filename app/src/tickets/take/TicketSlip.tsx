import './take.css';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket } from './types.ts';

/** A moment as the hall's (China's, UTC+8) time of day, 'HH:MM'. */
const chinaClock = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

type Props = {
  ticket: Ticket;
  hallName?: string | undefined;
  /** The paper look of a printed slip (kiosk, reception). */
  slip?: boolean;
};

/** A ticket as the person reads it: the number large, the category, then how many are ahead or where to go. */
export function TicketSlip({ ticket, hallName, slip = false }: Props) {
  const { t } = useTranslation();
  const called = ticket.status === 'called' && ticket.windowNumber;
  return (
    <div className={`ticket-slip${slip ? ' is-paper' : ''}`} data-testid="ticket-slip">
      {hallName ? <div className="ticket-slip-hall">{hallName}</div> : null}
      <div className="ticket-slip-category">
        {ticket.categoryName}
        {ticket.priority !== 'normal' ? (
          <Tag color={ticket.priority === 'booking' ? 'blue' : 'green'} className="ticket-slip-tag">
            {t(`ticketTake.priority.${ticket.priority as 'green' | 'agent' | 'booking'}`)}
          </Tag>
        ) : null}
      </div>
      <div className="ticket-slip-code" data-testid="ticket-code">
        {ticket.code}
      </div>
      {called ? (
        <div className="ticket-slip-window" data-testid="ticket-window" role="alert">
          {t('ticketTake.goTo', { window: ticket.windowNumber })}
          <small>{t('ticketTake.goToHint')}</small>
        </div>
      ) : ticket.status === 'waiting' ? (
        <div className="ticket-slip-ahead" data-testid="ticket-ahead">
          {ticket.ahead ? t('ticketTake.ahead', { count: ticket.ahead }) : t('ticketTake.aheadNone')}
        </div>
      ) : (
        <div className="ticket-slip-status" data-testid="ticket-status">
          {t(`ticketTake.status.${ticket.status as 'skipped' | 'done' | 'no_show'}`)}
        </div>
      )}
      <div className="ticket-slip-foot">
        <span>{t('ticketTake.takenAt', { time: chinaClock(ticket.takenAt) })}</span>
        {slip ? <span>{t('ticketTake.slipNote')}</span> : null}
      </div>
    </div>
  );
}
