import { IdcardOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';
import { identify, type KioskSession } from './api.ts';
import type { IdCard, IdCardReader } from './reader.ts';
import './messages.ts';

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
  const rejected = useRef(false);
  const { run, busy, problem, setProblem } = useWrite<IdCard, KioskSession>({
    action: (card) => identify(token, card),
    refused: (error) => {
      rejected.current = (error as { status?: number }).status === 401;
      return rejected.current;
    },
  });

  useEffect(() => {
    const stop = new AbortController();
    const wait = async () => {
      while (!stop.signal.aborted) {
        const card = await reader.read(stop.signal);
        const session = await run(card);
        if (session) return onIdentified(session);
        if (rejected.current) return onDeviceRejected();
      }
    };
    wait().catch((error: unknown) => {
      if ((error as Error).name !== 'AbortError') setProblem(t('kiosk.card.unavailable'));
    });
    return () => stop.abort();
  }, [reader, run, setProblem, onIdentified, onDeviceRejected, t]);

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
