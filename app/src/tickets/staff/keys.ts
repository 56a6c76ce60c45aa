import { useEffect, useRef } from 'react';

/** What each key of the panel does (N 叫号, R 重呼, S 过号, D 办结, U 未到, T 转移). */
export type PanelKeys = Partial<Record<'n' | 'r' | 's' | 'd' | 'u' | 't', () => void>>;

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The panel's keys while `enabled` (no dialog open) and the clerk is not typing; a key without a modifier
 * only (browser shortcuts keep working).
 */
export function usePanelKeys(keys: PanelKeys, enabled: boolean) {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || typing(e.target)) return;
      const act = latest.current[e.key.toLowerCase() as keyof PanelKeys];
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
