import './take.css';
import { Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/status.tsx';
import { useMyTickets } from './api.ts';

/** 我的号票: the person's numbers of today, with how many are ahead or the window to go to. */
export function MyTickets() {
  const { t } = useTranslation();
  const mine = useMyTickets();
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.isPending) return <Loading />;
  if (!mine.data.length) return <Empty description={t('ticketTake.noTickets')} />;
  return (
    <List
      dataSource={mine.data}
      data-testid="my-tickets"
      renderItem={(ticket) => (
        <List.Item
          actions={[
            <Link key="open" to={`/tickets/${ticket.id}`}>
              {t('ticketTake.open')}
            </Link>,
          ]}
        >
          <List.Item.Meta
            title={
              <span>
                <strong className="ticket-choice-letter">{ticket.code}</strong> {ticket.categoryName}
              </span>
            }
            description={ticket.hallName}
          />
          {ticket.status === 'called' && ticket.windowNumber ? (
            <Tag color="red">{t('ticketTake.goTo', { window: ticket.windowNumber })}</Tag>
          ) : ticket.status === 'waiting' ? (
            <Tag color="blue">{t('ticketTake.ahead', { count: ticket.ahead ?? 0 })}</Tag>
          ) : (
            <Tag>{t(`ticketTake.status.${ticket.status as 'skipped' | 'done' | 'no_show'}`)}</Tag>
          )}
        </List.Item>
      )}
    />
  );
}
