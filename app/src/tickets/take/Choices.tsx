import './take.css';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/status.tsx';
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

/** What choosing asks for: a number in a category, or checking in a booking. */
export type TakeChoice = { categoryId: string } | { appointmentId: string };

/**
 * The choices once the hall's categories and today's bookings are read, with a retry when either
 * could not be; `onChoose` gets the booking to check in or the category to take a number for.
 */
export function LoadedChoices({
  categories,
  bookings,
  busy,
  onChoose,
  large,
}: {
  categories: UseQueryResult<TicketCategory[]>;
  bookings: UseQueryResult<CheckInBooking[]>;
  busy: boolean;
  onChoose: (choice: TakeChoice) => void;
  large?: boolean;
}) {
  const error = categories.error ?? bookings.error;
  if (error)
    return (
      <LoadError error={error} onRetry={() => void Promise.all([categories.refetch(), bookings.refetch()])} />
    );
  if (!categories.data || !bookings.data) return <Loading />;
  return (
    <Choices
      large={large}
      bookings={bookings.data}
      categories={categories.data}
      busy={busy}
      onCheckIn={(b) => onChoose({ appointmentId: b.id })}
      onTake={(c) => onChoose({ categoryId: c.id })}
    />
  );
}
