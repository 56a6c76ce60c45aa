import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/index.ts';

/** Toggles between Chinese and English; the label names the other language. */
export function LanguageSwitch({ light = false, block = false }: { light?: boolean; block?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      block={block}
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      aria-label={t('common.language')}
      style={light ? { color: '#fff' } : undefined}
      onClick={() => void changeLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en')}
    >
      {t('common.switchLanguage')}
    </Button>
  );
}
