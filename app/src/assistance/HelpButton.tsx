import { CustomerServiceOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.ts';
import type { KioskHelp } from './HelpDialog.tsx';

/** The dialog and its form controls load when the button is first pressed, not with the portal's first page. */
const HelpDialog = lazy(() => import('./HelpDialog.tsx').then((m) => ({ default: m.HelpDialog })));

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
      {open && (
        <Suspense fallback={null}>
          <HelpDialog open={open} onClose={() => setOpen(false)} kiosk={kiosk} />
        </Suspense>
      )}
    </>
  );
}
