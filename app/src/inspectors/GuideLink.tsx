import { BugOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session.ts';
import { useMine } from './api.ts';

/**
 * 发现问题？我要找茬 on a guide, for a signed-in approved 体验官 only (asked only of signed-in persons).
 */
export function GuideLink({ implementationId }: { implementationId: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const mine = useMine(me?.kind === 'person');
  if (mine.data?.inspector?.status !== 'approved') return null;
  // A task on this matter is reported against, else the matter itself.
  const task = mine.data.tasks.find(
    (open) => open.status === 'open' && open.implementationId === implementationId,
  );
  const query = task
    ? `task=${encodeURIComponent(task.id)}`
    : `matter=${encodeURIComponent(implementationId)}`;
  return (
    <Link
      to={`/my/inspector/report?${query}`}
      className="inspector-guide-link"
      data-testid="guide-inspector-report"
    >
      <BugOutlined /> {t('inspectors.guideLink')}
    </Link>
  );
}
