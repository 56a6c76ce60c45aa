import type { appointmentsZh } from './messages.zh-CN.ts';

/** The UI strings of appointments in English (the `appointments` section). */
export const appointmentsEn: typeof appointmentsZh = {
  title: 'Book a visit',
  intro:
    'Book a time to visit a service hall and be served first when you arrive. Slots from 1 to 5 working days ahead; cancel up to 2 hours before.',
  hall: 'Service hall',
  hallPlaceholder: 'Choose a service hall',
  category: 'Matter (window)',
  day: 'Day',
  slot: 'Time',
  left: '{{count}} left',
  full: 'Full',
  noDays: 'No days can be booked at this hall soon',
  noSlots: 'No time left on this day',
  extraDay: 'Extra',
  extraNote: 'On an extra opening day, time limits count from the next working day',
  confirm: 'Book',
  booked: 'Booked: {{day}} {{start}}, {{hall}}',
  realName: 'In the name of {{name}} (from your account)',
  mine: 'My bookings',
  noBookings: 'No bookings',
  cancel: 'Cancel booking',
  cancelConfirm: 'Cancel this booking? Five cancellations in a month suspend booking for 30 days.',
  cancelled: 'Booking cancelled',
  cancelBefore: 'Can be cancelled until {{time}}',
  suspended: '{{hall}}: booking suspended until {{until}}. Reason: {{reason}}',
  status: { booked: 'Booked', cancelled: 'Cancelled', no_show: 'No-show', attended: 'Attended' },
  entry: 'Book a visit',
};
