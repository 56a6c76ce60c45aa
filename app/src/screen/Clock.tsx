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

/** Date and time in China time, ticking every second. */
export function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="big-clock">
      <div className="big-time">{TIME.format(now)}</div>
      <div className="big-date">{DATE.format(now)}</div>
    </div>
  );
}

/** A time of day in China time, HH:mm:ss. */
export const timeOfDay = (at: string) => TIME.format(new Date(at));
