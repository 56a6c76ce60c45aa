import { DesktopOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import './messages.ts';

/** Opens the hall's calling screen (叫号屏) in a new tab, to show full screen on the hall's TV. */
export function ScreenLink({ hallId }: { hallId: string }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      icon={<DesktopOutlined />}
      href={`/halls/${hallId}/screen`}
      target="_blank"
      rel="noopener"
      data-testid="hall-screen-link"
    >
      {t('hallScreen.title')}
    </Button>
  );
}
