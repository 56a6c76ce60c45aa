import { CustomerServiceOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.ts';
import { HelpDialog, type KioskHelp } from './HelpDialog.tsx';

type Props = {
  light?: boolean;
  block?: boolean;
  size?: 'middle' | 'large';
  kiosk?: KioskHelp;
};

/** 请帮我办, beside the 长辈模式 switch: opens the dialog to ask the hall's helpers for help. */
export function HelpButton({ light = false, block = false, size, kiosk }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data: me } = useMe();
  // Staff help others; on the portal the button is for applicants and visitors.
  if (!kiosk && me?.kind === 'staff') return null;
  return (
    <>
      <Button
        type="text"
        size={size}
        block={block}
        icon={<CustomerServiceOutlined />}
        data-testid="help-button"
        style={light ? { color: '#fff' } : undefined}
        onClick={() => setOpen(true)}
      >
        {t('assistance.button')}
      </Button>
      <HelpDialog open={open} onClose={() => setOpen(false)} kiosk={kiosk} />
    </>
  );
}
