import { CalendarOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMatterBookingHalls } from './api.ts';
import type { MatterBookingHall } from './types.ts';

/** The booking page with the hall (and the category, when clear) chosen for this matter. */
export const bookingLink = (implementationId: string, hall: MatterBookingHall) => {
  const params = new URLSearchParams({ hall: hall.hallId, matter: implementationId });
  if (hall.categoryId) params.set('category', hall.categoryId);
  return `/appointments?${params.toString()}`;
};

/**
 * 预约办理 on a matter's guide, when a hall that handles the matter takes bookings: to the booking
 * page with that hall chosen; with several halls, a menu of them.
 */
export function GuideBooking({ implementationId }: { implementationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const halls = useMatterBookingHalls(implementationId);
  const list = halls.data ?? [];
  if (list.length === 0) return null;
  if (list.length === 1)
    return (
      <Link to={bookingLink(implementationId, list[0]!)} data-testid="guide-book">
        <Button icon={<CalendarOutlined />} size="large">
          {t('appointments.bookMatter')}
        </Button>
      </Link>
    );
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: list.map((h) => ({
          key: h.hallId,
          label: t('appointments.bookMatterAt', { hall: h.hallName }),
        })),
        onClick: ({ key }) => navigate(bookingLink(implementationId, list.find((h) => h.hallId === key)!)),
      }}
    >
      <Button icon={<CalendarOutlined />} size="large" data-testid="guide-book">
        {t('appointments.bookMatter')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
