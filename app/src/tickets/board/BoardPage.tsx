import './board.css';
import { SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session.ts';
import { LoadError, Loading } from '../../components/status.tsx';
import { useHallBoard } from './api.ts';
import { CategoryTable, ClerkTable, WindowTable } from './BoardTables.tsx';
import { chinaTime, minutesOf } from './format.ts';
import { HallChoice } from './HallChoice.tsx';
import { SettingsDrawer } from './SettingsDrawer.tsx';
import { useBoardStream } from './stream.ts';
import type { HallBoard } from './types.ts';
import { WaitingChart } from './WaitingChart.tsx';
import './messages.ts';

/** /workbench/hall-board — 大厅实况: who waits now, today's waits against the goal, windows and clerks. */
export function HallBoardPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manager = !!me?.roles.some((r) => r.role === 'hall_manager');
  const [hallId, setHallId] = useState<string>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const board = useHallBoard(hallId);
  // The stream opens once per hall, after the first board read; it stays open while the board refreshes.
  const [streamFrom, setStreamFrom] = useState<{ hallId: string; after: number }>();
  const firstRead = board.data && board.data.hallId === hallId ? board.data.lastEventId : undefined;
  if (hallId && firstRead !== undefined && streamFrom?.hallId !== hallId)
    setStreamFrom({ hallId, after: firstRead });
  useBoardStream(streamFrom?.hallId, streamFrom?.after);
  return (
    <div data-testid="hall-board">
      <div className="page-head hall-board-head">
        <Typography.Title level={3}>{t('workbench.hallBoard')}</Typography.Title>
        <HallChoice value={hallId} onChange={setHallId} />
        {manager && hallId ? (
          <Button
            icon={<SettingOutlined />}
            onClick={() => setSettingsOpen(true)}
            data-testid="open-settings"
          >
            {t('hallBoard.settings')}
          </Button>
        ) : null}
      </div>
      {board.isPending && hallId ? <Loading /> : null}
      {board.isError && !board.data ? (
        <LoadError error={board.error} onRetry={() => void board.refetch()} />
      ) : null}
      {board.data ? <BoardView board={board.data} /> : null}
      {hallId && manager ? (
        <SettingsDrawer hallId={hallId} open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      ) : null}
    </div>
  );
}

function BoardView({ board }: { board: HallBoard }) {
  const { t } = useTranslation();
  const average = minutesOf(board.today.averageWaitSeconds);
  const goal = board.waitGoalMinutes;
  const minutes = (seconds: number | null) => {
    const value = minutesOf(seconds);
    return value === null ? t('hallBoard.none') : t('hallBoard.minutes', { value });
  };
  return (
    <>
      <div className="hall-board-note">{t('hallBoard.updatedAt', { time: chinaTime(board.at) })}</div>
      {board.goalMissed ? (
        <Alert
          type="error"
          showIcon
          className="hall-board-alert"
          data-testid="goal-missed"
          message={t('hallBoard.goalMissed', { average, goal })}
        />
      ) : null}
      {board.waitingOverGoal > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="hall-board-alert"
          data-testid="over-goal"
          message={t('hallBoard.overGoal', { count: board.waitingOverGoal, goal })}
        />
      ) : null}
      <Row gutter={[16, 16]} className="hall-board-cards">
        <Col xs={12} lg={6}>
          <Card data-testid="card-waiting">
            <Statistic
              title={t('hallBoard.waitingNow')}
              value={board.waiting}
              suffix={t('hallBoard.people')}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card data-testid="card-average" className={board.goalMissed ? 'hall-board-missed' : ''}>
            <Statistic title={t('hallBoard.averageWait')} value={minutes(board.today.averageWaitSeconds)} />
            <div className="hall-board-sub">{t('hallBoard.goal', { goal })}</div>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card data-testid="card-longest">
            <Statistic title={t('hallBoard.longestWaiting')} value={minutes(board.longestWaitingSeconds)} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card data-testid="card-windows">
            <Statistic title={t('hallBoard.windowsOpen')} value={board.windowsOpen} />
            <div className="hall-board-sub">
              {t('hallBoard.windowsPaused', { count: board.windowsPaused })}
            </div>
          </Card>
        </Col>
      </Row>
      <Card
        title={t('hallBoard.today')}
        size="small"
        className="hall-board-section"
        data-testid="board-today"
      >
        <div className="hall-board-today">
          {(['taken', 'served', 'noShows', 'skipped'] as const).map((key) => (
            <Statistic
              key={key}
              title={t(`hallBoard.${key}`)}
              value={board.today[key]}
              data-testid={`today-${key}`}
            />
          ))}
          <Statistic title={t('hallBoard.longestWait')} value={minutes(board.today.longestWaitSeconds)} />
          <Statistic title={t('hallBoard.averageHandle')} value={minutes(board.today.averageHandleSeconds)} />
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('hallBoard.categories')} size="small" className="hall-board-section">
            <WaitingChart categories={board.categories} />
            <CategoryTable board={board} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('hallBoard.clerks')} size="small" className="hall-board-section">
            <ClerkTable board={board} />
          </Card>
        </Col>
      </Row>
      <Card title={t('hallBoard.windows')} size="small" className="hall-board-section">
        <WindowTable board={board} />
      </Card>
    </>
  );
}
