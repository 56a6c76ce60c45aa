import type { ReaderConfig } from './reader.ts';

/** What a kiosk keeps about itself: its device token (entered once at /kiosk/setup) and its reader. */
export type KioskConfig = { token: string; reader: ReaderConfig };

const STORAGE_KEY = 'yw.kiosk';

export function loadKioskConfig(): KioskConfig | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<KioskConfig> | null;
    if (!stored || typeof stored.token !== 'string' || !stored.token) return null;
    const reader: ReaderConfig =
      stored.reader?.kind === 'local_service' && typeof stored.reader.url === 'string'
        ? { kind: 'local_service', url: stored.reader.url }
        : { kind: 'simulated' };
    return { token: stored.token, reader };
  } catch {
    return null;
  }
}

export function saveKioskConfig(config: KioskConfig): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(config));
}

export function forgetKioskConfig(): void {
  localStorage.removeItem(STORAGE_KEY);
}
