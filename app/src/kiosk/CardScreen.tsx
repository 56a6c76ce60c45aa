import { IdcardOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identify, type KioskSession } from './api.ts';
import type { IdCardReader } from './reader.ts';

type Props = {
  token: string;
  reader: IdCardReader;
  /** A message to show above the prompt (e.g. after an automatic sign-out). */
  notice: string | null;
  onIdentified: (session: KioskSession) => void;
  /** The device token is no longer accepted: back to set-up. */
  onDeviceRejected: () => void;
};

/** 请刷身份证: waits for a card on the reader and identifies its holder. */
export function CardScreen({ token, reader, notice, onIdentified, onDeviceRejected }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const stop = new AbortController();
    const wait = async () => {
      while (!stop.signal.aborted) {
        const card = await reader.read(stop.signal);
        setBusy(true);
        setProblem(null);
        try {
          onIdentified(await identify(token, card));
          return;
        } catch (error) {
          const status = (error as { status?: number }).status;
          if (status === 401) return onDeviceRejected();
          setProblem(error instanceof Error ? error.message : String(error));
        } finally {
          setBusy(false);
        }
      }
    };
    wait().catch((error: unknown) => {
      if ((error as Error).name !== 'AbortError') setProblem(t('kiosk.card.unavailable'));
    });
    return () => stop.abort();
  }, [reader, token, onIdentified, onDeviceRejected, t]);

  return (
    <div className="kiosk-card-screen" data-testid="kiosk-card-screen">
      {notice ? <Alert type="info" showIcon className="kiosk-notice" title={notice} /> : null}
      <h1 className="kiosk-prompt">{t('kiosk.card.prompt')}</h1>
      <p className="kiosk-hint">{t('kiosk.card.hint')}</p>
      <div className={`kiosk-reader-pad${busy ? ' is-busy' : ''}`} aria-hidden>
        {busy ? <LoadingOutlined /> : <IdcardOutlined />}
      </div>
      {busy ? <p className="kiosk-hint">{t('kiosk.card.reading')}</p> : null}
      {problem ? (
        <Alert
          type="error"
          showIcon
          className="kiosk-notice"
          title={t('kiosk.card.failed')}
          description={`${problem} ${t('kiosk.card.retry')}`}
          data-testid="kiosk-card-error"
        />
      ) : null}
    </div>
  );
}
