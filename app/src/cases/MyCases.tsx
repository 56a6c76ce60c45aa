import './cases.css';
import { Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../components/status.tsx';
import { useCases } from './api.ts';
import { formatTime, StatusTag } from './CaseTags.tsx';
import type { CaseSummary } from './types.ts';

/** The applicant has something to do: correct and resubmit, or supply a 容缺 material. */
const todo = (item: CaseSummary) => item.status === 'needs_supplement' || item.gaps.length > 0;

/** 我的办件: the applicant's cases, newest first, with their status. */
export function MyCases() {
  const { t } = useTranslation();
  const cases = useCases({ limit: 50 });
  if (cases.isPending) return <Loading />;
  if (cases.isError) return <LoadError error={cases.error} onRetry={() => void cases.refetch()} />;
  if (cases.data.items.length === 0) return <Empty description={t('cases.my.empty')} />;
  return (
    <List<CaseSummary>
      dataSource={cases.data.items}
      data-testid="my-cases"
      renderItem={(item) => (
        <List.Item
          data-testid="my-case"
          data-case-no={item.caseNo}
          actions={[
            <Link key="open" to={`/my/cases/${item.id}`}>
              {t('cases.my.open')}
            </Link>,
          ]}
        >
          <List.Item.Meta
            title={<Link to={`/my/cases/${item.id}`}>{item.matterName || item.caseNo}</Link>}
            description={
              <div className="my-case-meta">
                {item.matterName ? <span data-testid="my-case-no">{item.caseNo}</span> : null}
                <span>{formatTime(item.submittedAt)}</span>
                <span>
                  <StatusTag status={item.status} />
                  {todo(item) ? <Tag color="volcano">{t('cases.my.todo')}</Tag> : null}
                </span>
              </div>
            }
          />
        </List.Item>
      )}
    />
  );
}
