import { useEffect, useRef, useState } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'input', 'wheel'] as const;

/**
 * Counts the seconds since the user last touched the screen while `active`. Returns how many
 * seconds are left before `limit` (null while more than `warnAt` are left), and `stillHere()`
 * to start over. Calls `onTimeout` once at the limit and `onActivity` (at most every
 * `activityEveryMs`) when the user touches the screen, e.g. to keep the server session alive.
 */
export function useIdle(options: {
  active: boolean;
  limit: number;
  warnAt: number;
  onTimeout: () => void;
  onActivity?: () => void;
  activityEveryMs?: number;
}): { secondsLeft: number | null; stillHere: () => void } {
  const { active, limit, warnAt } = options;
  const lastActivity = useRef(Date.now());
  const lastReported = useRef(Date.now());
  const callbacks = useRef(options);
  callbacks.current = options;
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  useEffect(() => {
    if (!active) {
      setSecondsLeft(null);
      return;
    }
    lastActivity.current = Date.now();
    let fired = false;
    const touched = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastReported.current > (callbacks.current.activityEveryMs ?? 60_000)) {
        lastReported.current = now;
        callbacks.current.onActivity?.();
      }
    };
    for (const event of ACTIVITY) window.addEventListener(event, touched, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const left = Math.ceil(limit - (Date.now() - lastActivity.current) / 1000);
      setSecondsLeft(left <= warnAt ? Math.max(left, 0) : null);
      if (left <= 0 && !fired) {
        fired = true;
        callbacks.current.onTimeout();
      }
    }, 250);
    return () => {
      for (const event of ACTIVITY) window.removeEventListener(event, touched, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, limit, warnAt]);

  return {
    secondsLeft,
    stillHere: () => {
      lastActivity.current = Date.now();
      setSecondsLeft(null);
    },
  };
}
