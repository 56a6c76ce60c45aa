import { FontSizeOutlined } from '@ant-design/icons';
import { Button, ConfigProvider } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { elderlyTheme } from '../theme.ts';

type ElderlyModeState = { on: boolean; setOn: (on: boolean) => void };

const ElderlyModeContext = createContext<ElderlyModeState | null>(null);

/**
 * 长辈模式 for everything inside: Ant Design's larger, darker tokens (a nested ConfigProvider), and
 * `data-elderly` on <html> for the hand-written CSS (drawers and dialogs render outside this tree).
 * Who keeps the choice, and for how long, is the shell's: the portal remembers it, the kiosk does not.
 */
export function ElderlyMode({ on, setOn, children }: ElderlyModeState & { children: ReactNode }) {
  useEffect(() => {
    if (!on) return;
    const root = document.documentElement;
    root.dataset.elderly = 'on';
    return () => {
      delete root.dataset.elderly;
    };
  }, [on]);
  return (
    <ElderlyModeContext value={{ on, setOn }}>
      <ConfigProvider theme={on ? elderlyTheme : {}}>{children}</ConfigProvider>
    </ElderlyModeContext>
  );
}

const STORAGE_KEY = 'yw.elderly';

/** The portal's choice, kept in this browser (localStorage) until it is switched off. */
export function useRememberedElderlyMode(): ElderlyModeState {
  const [on, setState] = useState(() => {
    try {
      return localStorage.getItem(STORAGE_KEY) === 'on';
    } catch {
      return false;
    }
  });
  const setOn = useCallback((next: boolean) => {
    setState(next);
    try {
      if (next) localStorage.setItem(STORAGE_KEY, 'on');
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // private browsing: the choice lasts for this page only
    }
  }, []);
  return { on, setOn };
}

type SwitchProps = { light?: boolean; block?: boolean; size?: 'middle' | 'large' };

/** The one switch: 长辈模式 when off, 退出长辈模式 when on. */
export function ElderlyModeSwitch({ light = false, block = false, size }: SwitchProps) {
  const { t } = useTranslation();
  const mode = useContext(ElderlyModeContext);
  if (!mode) return null;
  const { on, setOn } = mode;
  return (
    <Button
      type={on ? 'default' : 'text'}
      size={size}
      block={block}
      icon={<FontSizeOutlined />}
      data-testid="elderly-switch"
      data-on={on ? 'true' : 'false'}
      style={light && !on ? { color: '#fff' } : undefined}
      onClick={() => setOn(!on)}
    >
      {on ? t('common.elderlyOff') : t('common.elderlyOn')}
    </Button>
  );
}
