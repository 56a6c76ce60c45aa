import { Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelActions } from './actions.ts';
import type { StaffWindow, WindowTicket } from './types.ts';
import './messages.ts';

type Props = {
  open: boolean;
  ticket: WindowTicket;
  /** The windows of the ticket's hall, this one included. */
  windows: StaffWindow[];
  fromWindowId: string;
  actions: PanelActions;
  onClose: () => void;
};

/** 转移: sends the called ticket to another window or category of the hall; it keeps its number. */
export function TransferModal({ open, ticket, windows, fromWindowId, actions, onClose }: Props) {
  const { t } = useTranslation();
  const [to, setTo] = useState<'window' | 'category'>('window');
  const [target, setTarget] = useState<string>();
  const close = () => {
    setTarget(undefined);
    onClose();
  };
  const hallWindows = windows.filter((w) => w.hallId === ticket.hallId);
  const categories = new Map(hallWindows.flatMap((w) => w.categories.map((c) => [c.id, c] as const)));
  const options =
    to === 'window'
      ? hallWindows
          .filter((w) => w.id !== fromWindowId)
          .map((w) => ({
            value: w.id,
            label: `${w.number} ${w.name}${w.paused ? ` · ${t('ticketDesk.paused')}` : ''}`,
          }))
      : [...categories.values()]
          .filter((c) => c.id !== ticket.categoryId)
          .map((c) => ({ value: c.id, label: `${c.letter} ${c.name}` }));
  const submit = async () => {
    if (!target) return;
    const done = await actions.run({
      kind: 'transfer',
      ticketId: ticket.id,
      to: to === 'window' ? { windowId: target } : { categoryId: target },
    });
    if (done !== undefined) close();
  };
  return (
    <Modal
      open={open}
      destroyOnHidden
      rootClassName="calling-transfer"
      title={t('ticketDesk.transferTitle', { code: ticket.code })}
      okText={t('ticketDesk.transfer')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !target, loading: actions.busy, 'data-testid': 'transfer-ok' }}
      onOk={() => void submit()}
      onCancel={close}
    >
      <Form layout="vertical">
        <Form.Item label={t('ticketDesk.transferTo')}>
          <Radio.Group
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              setTarget(undefined);
            }}
          >
            <Radio value="window">{t('ticketDesk.toWindow')}</Radio>
            <Radio value="category">{t('ticketDesk.toCategory')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('ticketDesk.transferTarget')}
          help={actions.problem ?? undefined}
          validateStatus={actions.problem ? 'error' : undefined}
        >
          <Select
            autoFocus
            value={target}
            onChange={setTarget}
            placeholder={t('ticketDesk.transferPick')}
            options={options}
            data-testid="transfer-target"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
