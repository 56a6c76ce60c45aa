import { Type } from 'typebox';
import { Id, IsoDate } from '../api.ts';

/** The API shapes of appointments (预约): a hall's hours and rules, categories, slots, bookings. */

const strict = { additionalProperties: false } as const;

/** A time of day in China, HH:MM (00:00–23:59). */
export const TimeOfDay = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  description: '时刻，如 09:00',
});

export const DayHours = Type.Object({ open: TimeOfDay, close: TimeOfDay }, strict);

/** An extra opening day (e.g. a Saturday): acceptance counts from the next working day. */
export const ExtraDay = Type.Object({ day: IsoDate, open: TimeOfDay, close: TimeOfDay }, strict);

const weekday = Type.Optional(DayHours);

/** A hall's opening hours and booking rules, as a hall manager sets them. */
export const AppointmentSettings = Type.Object(
  {
    /** 1 = Monday … 7 = Sunday; a weekday not given is closed (unless an extra day). */
    weekdays: Type.Object(
      { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday, 6: weekday, 7: weekday },
      strict,
    ),
    extraDays: Type.Array(ExtraDay, { maxItems: 60 }),
    slotMinutes: Type.Integer({ minimum: 10, maximum: 240, description: '每个时段的分钟数' }),
    minDaysAhead: Type.Integer({ minimum: 0, maximum: 30, description: '最早提前几个工作日' }),
    maxDaysAhead: Type.Integer({ minimum: 1, maximum: 30, description: '最多提前几个工作日' }),
    cancelHoursBefore: Type.Integer({ minimum: 0, maximum: 72, description: '开始前几小时内不能取消' }),
    noShowLimit: Type.Integer({ minimum: 1, maximum: 20, description: '一个月内爽约几次暂停预约' }),
    cancelLimit: Type.Integer({ minimum: 1, maximum: 50, description: '一个月内取消几次暂停预约' }),
    suspendDays: Type.Integer({ minimum: 1, maximum: 365, description: '暂停预约的天数' }),
  },
  strict,
);

export const CategoryBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60, description: '窗口类别或事项，如 市场监管综合窗口' }),
    capacity: Type.Integer({ minimum: 1, maximum: 500, description: '每个时段可预约人数' }),
    active: Type.Optional(Type.Boolean()),
  },
  strict,
);

export const AppointmentCategory = Type.Object({
  id: Id,
  hallId: Id,
  name: Type.String(),
  capacity: Type.Integer(),
  active: Type.Boolean(),
});

/** A hall where people can book, with its rules and categories. */
export const AppointmentHall = Type.Object({
  id: Id,
  name: Type.String(),
  address: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  settings: AppointmentSettings,
  categories: Type.Array(AppointmentCategory),
});

/** A day that can be booked now, with its hours. */
export const BookableDay = Type.Object({
  day: Type.String(),
  weekday: Type.Integer({ minimum: 1, maximum: 7 }),
  open: Type.String(),
  close: Type.String(),
  /** Open although not a working day: acceptance counts from the next working day. */
  extra: Type.Boolean(),
});

export const Slot = Type.Object({
  start: Type.String(),
  end: Type.String(),
  capacity: Type.Integer(),
  left: Type.Integer(),
});

export const SlotQuery = Type.Object({ categoryId: Id, day: IsoDate }, strict);

export const SlotList = Type.Object({ day: BookableDay, slots: Type.Array(Slot) });

/** POST /api/appointments: a person books for themselves; a clerk names the caller's ID number and name. */
export const BookBody = Type.Object(
  {
    categoryId: Id,
    day: IsoDate,
    start: TimeOfDay,
    idNumber: Type.Optional(Type.String({ maxLength: 18, description: '电话预约：来电人的身份证号码' })),
    name: Type.Optional(Type.String({ maxLength: 50, description: '电话预约：来电人的姓名' })),
  },
  strict,
);

/** POST /api/kiosk/appointments: the person whose ID card the kiosk read books in the kiosk's hall. */
export const KioskBookBody = Type.Object({ categoryId: Id, day: IsoDate, start: TimeOfDay }, strict);

/** A hall where a matter can be booked (its guide's 预约办理), with the category to book when one is clear. */
export const MatterBookingHall = Type.Object({
  hallId: Id,
  hallName: Type.String(),
  hallAddress: Type.String(),
  /** The category to preselect; null when the person chooses among several. */
  categoryId: Type.Union([Id, Type.Null()]),
});

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'no_show', 'attended'] as const;

export const Appointment = Type.Object({
  id: Id,
  hallId: Id,
  hallName: Type.String(),
  hallAddress: Type.String(),
  categoryId: Id,
  categoryName: Type.String(),
  day: Type.String(),
  start: Type.String(),
  startsAt: Type.String(),
  name: Type.String(),
  channel: Type.String(),
  status: Type.Union([
    Type.Literal('booked'),
    Type.Literal('cancelled'),
    Type.Literal('no_show'),
    Type.Literal('attended'),
  ]),
  /** Until when it can still be cancelled. */
  cancelBefore: Type.String(),
  createdAt: Type.String(),
});

export const Suspension = Type.Object({
  hallId: Id,
  hallName: Type.String(),
  until: Type.String(),
  reason: Type.String(),
  reasonEn: Type.String(),
});

export const MyAppointments = Type.Object({
  appointments: Type.Array(Appointment),
  suspensions: Type.Array(Suspension),
});

/** A hall's booking set-up as its managers see it: the rules and every category, inactive ones too. */
export const HallSetup = Type.Object({
  settings: AppointmentSettings,
  categories: Type.Array(AppointmentCategory),
});

export const HallBookingsQuery = Type.Object({ day: IsoDate }, strict);
