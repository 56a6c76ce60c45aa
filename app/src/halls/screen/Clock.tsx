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

/** Date and time in China time, ticking every second; `onDay` runs when the day changes. */
export function Clock({ onDay }: { onDay: (day: string) => void }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const day = chinaDay(now);
  useEffect(() => onDay(day), [day, onDay]);
  return (
    <div className="screen-clock">
      <div className="screen-time">{TIME.format(now)}</div>
      <div className="screen-date">{DATE.format(now)}</div>
    </div>
  );
}
