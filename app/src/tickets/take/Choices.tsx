import './take.css';
import { Button, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckInBooking, TicketCategory } from './types.ts';

type Props = {
  bookings: CheckInBooking[];
  categories: TicketCategory[];
  busy: boolean;
  onCheckIn: (booking: CheckInBooking) => void;
  onTake: (category: TicketCategory) => void;
  /** Bigger buttons for the kiosk's touch screen. */
  large?: boolean;
};

/** Today's bookings to check in first (签到取号), then the hall's categories to take a number for. */
export function Choices({ bookings, categories, busy, onCheckIn, onTake, large = false }: Props) {
  const { t } = useTranslation();
  const active = categories.filter((c) => c.active);
  const size = large ? 'large' : 'middle';
  return (
    <div className="ticket-choices" data-testid="ticket-choices">
      {bookings.length ? (
        <>
          <Typography.Title level={large ? 3 : 4}>{t('ticketTake.checkIn')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('ticketTake.checkInHint')}</Typography.Paragraph>
          {bookings.map((b) => (
            <Button
              key={b.id}
              type="primary"
              size={size}
              className="ticket-choice"
              disabled={busy}
              onClick={() => onCheckIn(b)}
              data-testid="ticket-checkin"
            >
              <span>{t('ticketTake.bookingAt', { start: b.start, category: b.categoryName })}</span>
              <span>{t('ticketTake.checkIn')}</span>
            </Button>
          ))}
        </>
      ) : null}
      <Typography.Title level={large ? 3 : 4}>{t('ticketTake.categories')}</Typography.Title>
      {active.length ? (
        active.map((c) => (
          <Button
            key={c.id}
            size={size}
            className="ticket-choice"
            disabled={busy}
            onClick={() => onTake(c)}
            data-testid="ticket-category"
          >
            <span>{c.name}</span>
            <span className="ticket-choice-letter">{c.letter}</span>
          </Button>
        ))
      ) : (
        <Empty description={t('ticketTake.noCategories')} />
      )}
      <Typography.Paragraph type="secondary" className="ticket-hint">
        {t('ticketTake.greenAtReception')}
      </Typography.Paragraph>
    </div>
  );
}
