import './calling.css';
import { Select, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/status.tsx';
import { usePanelActions } from './actions.ts';
import { rememberedWindow, rememberWindow, useMyWindows, useWindowState } from './api.ts';
import { CurrentTicket } from './CurrentTicket.tsx';
import { usePanelKeys } from './keys.ts';
import { QueueSide } from './QueueSide.tsx';
import { useHallStream } from './stream.ts';
import { TransferModal } from './TransferModal.tsx';
import type { StaffWindow } from './types.ts';
import './messages.ts';

/** /workbench/calling — 叫号: the clerk's window, the ticket called there and the queue it calls from. */
export function CallingPage() {
  const { t } = useTranslation();
  const windows = useMyWindows();
  const [windowId, setWindowId] = useState<string | undefined>(rememberedWindow);
  const list = windows.data ?? [];
  const known = list.some((w) => w.id === windowId);
  useEffect(() => {
    if (windows.isSuccess && windowId && !known) setWindowId(undefined);
  }, [windows.isSuccess, windowId, known]);
  const choose = (id: string) => {
    rememberWindow(id);
    setWindowId(id);
  };
  return (
    <div data-testid="calling-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('ticketDesk.title')}</Typography.Title>
        {list.length > 0 ? (
          <Select
            className="calling-window-select"
            aria-label={t('ticketDesk.window')}
            placeholder={t('ticketDesk.chooseWindow')}
            value={known ? windowId : undefined}
            onChange={choose}
            options={list.map((w) => ({ value: w.id, label: windowLabel(t, w) }))}
            data-testid="calling-window"
          />
        ) : null}
      </div>
      {windows.isError ? <LoadError error={windows.error} onRetry={() => void windows.refetch()} /> : null}
      {windows.isPending ? <Loading /> : null}
      {windows.isSuccess && list.length === 0 ? (
        <Typography.Paragraph>{t('ticketDesk.noWindows')}</Typography.Paragraph>
      ) : null}
      {windows.isSuccess && list.length > 0 && !known ? (
        <Typography.Paragraph>{t('ticketDesk.chooseWindow')}</Typography.Paragraph>
      ) : null}
      {known && windowId ? <WindowPanel windowId={windowId} windows={list} /> : null}
    </div>
  );
}

const windowLabel = (t: TFunction, w: StaffWindow) =>
  t('ticketDesk.windowLabel', { hall: w.hallName, number: w.number, name: w.name });

function WindowPanel({ windowId, windows }: { windowId: string; windows: StaffWindow[] }) {
  const state = useWindowState(windowId);
  const actions = usePanelActions();
  const [transferring, setTransferring] = useState(false);
  const s = state.data;
  useHallStream(s?.window.hallId, s?.lastEventId);
  const current = s?.current ?? null;
  const onTicket = (kind: 'recall' | 'skip' | 'done' | 'no-show') => () =>
    current && void actions.run({ kind, ticketId: current.id });
  usePanelKeys(
    {
      n: () => s && !current && !s.window.paused && void actions.run({ kind: 'call', windowId }),
      r: onTicket('recall'),
      s: onTicket('skip'),
      d: onTicket('done'),
      u: onTicket('no-show'),
      t: () => current && setTransferring(true),
    },
    !transferring,
  );
  if (state.isError && !s) return <LoadError error={state.error} onRetry={() => void state.refetch()} />;
  if (!s) return <Loading />;
  return (
    <div className="calling-panel">
      <CurrentTicket state={s} actions={actions} onTransfer={() => setTransferring(true)} />
      <QueueSide state={s} actions={actions} />
      {current ? (
        <TransferModal
          open={transferring}
          ticket={current}
          windows={windows}
          fromWindowId={windowId}
          actions={actions}
          onClose={() => setTransferring(false)}
        />
      ) : null}
    </div>
  );
}
