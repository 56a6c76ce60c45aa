import { EyeOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session.ts';
import { useMine } from './api.ts';
import { InspectorStatusTag } from './Tags.tsx';

/** 我的空间's card of 政务服务体验官: my space once I applied, else where to apply (persons only). */
export function MyInspectorCard() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const person = me?.kind === 'person';
  const mine = useMine(person);
  if (!person || !mine.isSuccess) return null;
  const inspector = mine.data.inspector;
  return (
    <Card
      title={t('inspectors.about.title')}
      extra={inspector ? <InspectorStatusTag status={inspector.status} /> : null}
      style={{ marginTop: 16 }}
      data-testid="my-inspector-card"
    >
      <p>{t(inspector ? 'inspectors.mine.teaser' : 'inspectors.about.intro')}</p>
      <Link to={inspector ? '/my/inspector' : '/inspectors'} data-testid="my-inspector-link">
        <Button icon={<EyeOutlined />}>
          {t(inspector ? 'inspectors.mine.title' : 'inspectors.about.apply')}
        </Button>
      </Link>
    </Card>
  );
}
