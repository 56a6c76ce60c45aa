import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { minutesOf } from './format.ts';
import type { HallBoard } from './types.ts';
import './messages.ts';

/** Minutes for a table cell, or a dash when nothing was measured. */
function Minutes({ seconds }: { seconds: number | null }) {
  const { t } = useTranslation();
  const value = minutesOf(seconds);
  return <>{value === null ? t('hallBoard.none') : t('hallBoard.minutes', { value })}</>;
}

/** Who waits now in each category, and the longest wait so far. */
export function CategoryTable({ board }: { board: HallBoard }) {
  const { t } = useTranslation();
  const goal = board.waitGoalMinutes * 60;
  return (
    <Table
      data-testid="board-categories"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={board.categories}
      columns={[
        { title: t('hallBoard.category'), key: 'name', render: (_, c) => `${c.letter} ${c.name}` },
        { title: t('hallBoard.waiting'), dataIndex: 'waiting', align: 'right' },
        {
          title: t('hallBoard.categoryLongest'),
          key: 'longest',
          align: 'right',
          render: (_, c) => (
            <span
              className={
                c.longestWaitSeconds !== null && c.longestWaitSeconds > goal ? 'hall-board-over' : ''
              }
            >
              <Minutes seconds={c.longestWaitSeconds} />
            </span>
          ),
        },
      ]}
    />
  );
}

/** Each window: open or paused, its clerk today, tickets served, average handling, the ticket it serves. */
export function WindowTable({ board }: { board: HallBoard }) {
  const { t } = useTranslation();
  return (
    <Table
      data-testid="board-windows"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={board.windows}
      columns={[
        { title: t('hallBoard.window'), key: 'window', render: (_, w) => `${w.number} ${w.name}` },
        {
          title: t('hallBoard.state'),
          key: 'state',
          render: (_, w) =>
            w.paused ? (
              <Tag color="orange">{t('hallBoard.paused')}</Tag>
            ) : (
              <Tag color="green">{t('hallBoard.open')}</Tag>
            ),
        },
        { title: t('hallBoard.clerk'), key: 'clerk', render: (_, w) => w.clerkName ?? t('hallBoard.none') },
        {
          title: t('hallBoard.current'),
          key: 'current',
          render: (_, w) => w.currentTicket?.code ?? t('hallBoard.none'),
        },
        { title: t('hallBoard.served'), dataIndex: 'served', align: 'right' },
        {
          title: t('hallBoard.averageHandle'),
          key: 'handle',
          align: 'right',
          render: (_, w) => <Minutes seconds={w.averageHandleSeconds} />,
        },
      ]}
    />
  );
}

/** Each clerk who called today: tickets served and average handling. */
export function ClerkTable({ board }: { board: HallBoard }) {
  const { t } = useTranslation();
  return (
    <Table
      data-testid="board-clerks"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={board.clerks}
      columns={[
        { title: t('hallBoard.clerk'), dataIndex: 'name' },
        { title: t('hallBoard.served'), dataIndex: 'served', align: 'right' },
        {
          title: t('hallBoard.averageHandle'),
          key: 'handle',
          align: 'right',
          render: (_, c) => <Minutes seconds={c.averageHandleSeconds} />,
        },
      ]}
    />
  );
}
