import { Button, Card, Empty, List, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PanelActions } from './actions.ts';
import type { WindowState } from './types.ts';
import './messages.ts';

/** Who waits for the window (per category it calls, and sent to it), what it did today, the skipped tickets. */
export function QueueSide({ state, actions }: { state: WindowState; actions: PanelActions }) {
  const { t } = useTranslation();
  return (
    <div className="calling-side">
      <Card title={t('ticketDesk.waiting')} size="small" data-testid="calling-waiting">
        <div className="calling-stats">
          {state.window.categories.map((c) => (
            <Statistic
              key={c.id}
              title={`${c.letter} ${c.name}`}
              value={c.waiting}
              data-testid={`waiting-${c.letter}`}
            />
          ))}
          <Statistic
            title={t('ticketDesk.waitingHere')}
            value={state.waitingHere}
            data-testid="waiting-here"
          />
          <Statistic
            title={t('ticketDesk.servedToday')}
            value={state.servedToday}
            data-testid="served-today"
          />
        </div>
      </Card>
      <Card title={t('ticketDesk.skipped')} size="small" data-testid="calling-skipped">
        {state.skipped.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticketDesk.noSkipped')} />
        ) : (
          <List
            size="small"
            dataSource={state.skipped}
            renderItem={(s) => (
              <List.Item
                data-testid="skipped-ticket"
                actions={[
                  <Button
                    key="return"
                    size="small"
                    onClick={() => void actions.run({ kind: 'return', ticketId: s.id })}
                    data-testid="return-ticket"
                  >
                    {t('ticketDesk.returnToQueue')}
                  </Button>,
                ]}
              >
                <span className="calling-skipped-code">{s.code}</span> {s.person.name ?? ''}
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
