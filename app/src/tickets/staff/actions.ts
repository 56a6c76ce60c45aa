import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../../api/mutation.ts';
import { MY_WINDOWS, type PanelAction, runAction, WINDOW_STATE } from './api.ts';
import './messages.ts';

/**
 * The clerk's actions at a window, one at a time: a refusal shows in Chinese beside the buttons
 * (`problem`), and the window's state is read again after each.
 */
export function usePanelActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useWrite<PanelAction, unknown>({
    action: runAction,
    invalidates: [WINDOW_STATE, MY_WINDOWS],
    refreshOnError: true,
    onSuccess: (result, action) => {
      if (action.kind === 'call' && (result as { ticket: unknown }).ticket === null)
        message.info(t('ticketDesk.nobodyWaiting'));
      if (action.kind === 'recall') message.success(t('ticketDesk.recalled'));
      if (action.kind === 'return') message.success(t('ticketDesk.returned'));
    },
  });
  return {
    run: write.run,
    busy: write.busy,
    problem: write.problem,
    /** 办结并叫下一位: marks the ticket done, then calls the next one when that worked. */
    doneAndNext: async (ticketId: string, windowId: string) => {
      if ((await write.run({ kind: 'done', ticketId })) !== undefined)
        await write.run({ kind: 'call', windowId });
    },
  };
}

export type PanelActions = ReturnType<typeof usePanelActions>;
