import { Button, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import type { BookableDay, SlotList } from './types.ts';

/** A moment as the hall's (China's, UTC+8) date and time, 'YYYY-MM-DD HH:MM', wherever the device is. */
export const chinaTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** '12-08 周二' for a day. */
export function dayLabel(day: BookableDay): string {
  const weekday = new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${day.day}T00:00:00Z`),
  );
  return `${day.day.slice(5)} ${weekday}`;
}

/** The days that can be booked, one button each (an extra opening day marked 加开). */
export function DayPicker(props: {
  days: BookableDay[];
  value: string | undefined;
  onChange: (day: string) => void;
  size?: 'middle' | 'large';
}) {
  const { t } = useTranslation();
  if (props.days.length === 0) return <Empty description={t('appointments.noDays')} />;
  return (
    <div className="appointments-days" data-testid="appointment-days">
      {props.days.map((d) => (
        <Button
          key={d.day}
          size={props.size}
          type={d.day === props.value ? 'primary' : 'default'}
          data-day={d.day}
          onClick={() => props.onChange(d.day)}
        >
          {dayLabel(d)}
          {d.extra ? <Tag className="appointments-extra">{t('appointments.extraDay')}</Tag> : null}
        </Button>
      ))}
    </div>
  );
}

/** The slots of a day with the places left; a full one cannot be chosen. */
export function SlotPicker(props: {
  slots: SlotList['slots'];
  value: string | undefined;
  onChange: (start: string) => void;
  size?: 'middle' | 'large';
}) {
  const { t } = useTranslation();
  if (props.slots.length === 0) return <Empty description={t('appointments.noSlots')} />;
  return (
    <div className="appointments-slots" data-testid="appointment-slots">
      {props.slots.map((s) => (
        <Button
          key={s.start}
          size={props.size}
          data-start={s.start}
          type={s.start === props.value ? 'primary' : 'default'}
          disabled={s.left === 0}
          onClick={() => props.onChange(s.start)}
        >
          <span className="appointments-time">
            {s.start}–{s.end}
          </span>
          <span className="appointments-left">
            {s.left === 0 ? t('appointments.full') : t('appointments.left', { count: s.left })}
          </span>
        </Button>
      ))}
    </div>
  );
}
