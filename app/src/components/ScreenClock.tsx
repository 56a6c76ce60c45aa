import { useEffect, useState } from 'react';

const DATE = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'long',
});
const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The day in China time, YYYY-MM-DD. */
export const chinaDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** A time of day in China time, HH:mm:ss. */
export const timeOfDay = (at: string) => TIME.format(new Date(at));

/**
 * Date and time in China time on a wall screen, ticking every second; its classes are `${prefix}-clock`,
 * `-time` and `-date`. `onDay` runs when the day changes.
 */
export function Clock({ prefix, onDay }: { prefix: string; onDay?: (day: string) => void }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const day = chinaDay(now);
  useEffect(() => onDay?.(day), [day, onDay]);
  return (
    <div className={`${prefix}-clock`}>
      <div className={`${prefix}-time`}>{TIME.format(now)}</div>
      <div className={`${prefix}-date`}>{DATE.format(now)}</div>
    </div>
  );
}
