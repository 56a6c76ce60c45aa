import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PanelActions } from './actions.ts';
import { minutesText, secondsSince } from './duration.ts';
import type { WindowState } from './types.ts';
import './messages.ts';

type Props = {
  state: WindowState;
  actions: PanelActions;
  onTransfer: () => void;
};

/** The ticket now called to the window, big, with its person, and the clerk's buttons. */
export function CurrentTicket({ state, actions, onTransfer }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { window: w, current } = state;
  const { run, busy, problem } = actions;
  const onTicket = (kind: 'recall' | 'skip' | 'done' | 'no-show') =>
    current ? () => void run({ kind, ticketId: current.id }) : undefined;
  return (
    <Card
      className="calling-current"
      title={t('ticketDesk.current')}
      extra={w.paused ? <Tag color="orange">{t('ticketDesk.paused')}</Tag> : null}
      data-testid="calling-current"
    >
      {current ? (
        <div className="calling-ticket">
          <div className="calling-code" data-testid="current-code" aria-live="polite">
            {current.code}
          </div>
          <Space wrap>
            <Tag color="blue">{current.categoryName}</Tag>
            {current.priority !== 'normal' ? (
              <Tag color={current.priority === 'booking' ? 'cyan' : 'green'}>
                {t(`ticketDesk.priority.${current.priority}`, { defaultValue: current.priority })}
              </Tag>
            ) : null}
            <span>{t('ticketDesk.waited', { time: minutesText(t, current.waitSeconds) })}</span>
            <span>{t('ticketDesk.handling', { time: minutesText(t, secondsSince(current.calledAt)) })}</span>
          </Space>
          <Descriptions size="small" column={1} className="calling-person" data-testid="current-person">
            <Descriptions.Item label={t('ticketDesk.person')}>
              <Typography.Text strong className="calling-person-name">
                {current.person.name ?? t('ticketDesk.unknownPerson')}
              </Typography.Text>
            </Descriptions.Item>
            {current.person.login ? (
              <Descriptions.Item label={t('ticketDesk.idNumber')}>{current.person.login}</Descriptions.Item>
            ) : null}
            {current.person.phone ? (
              <Descriptions.Item label={t('ticketDesk.phone')}>{current.person.phone}</Descriptions.Item>
            ) : null}
          </Descriptions>
        </div>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="calling-none">
          {w.paused ? t('ticketDesk.pausedNote') : t('ticketDesk.none')}
        </Typography.Paragraph>
      )}
      <div className="calling-buttons" role="toolbar" aria-label={t('ticketDesk.title')}>
        <Button
          type="primary"
          size="large"
          disabled={!!current || w.paused}
          loading={busy}
          onClick={() => void run({ kind: 'call', windowId: w.id })}
          data-testid="call-next"
        >
          {t('ticketDesk.call')}
        </Button>
        <Button size="large" disabled={!current} onClick={onTicket('recall')} data-testid="recall">
          {t('ticketDesk.recall')}
        </Button>
        <Button size="large" disabled={!current} onClick={onTicket('skip')} data-testid="skip">
          {t('ticketDesk.skip')}
        </Button>
        <Button size="large" disabled={!current} onClick={onTicket('done')} data-testid="done">
          {t('ticketDesk.done')}
        </Button>
        <Button
          size="large"
          disabled={!current || w.paused}
          onClick={() => current && void actions.doneAndNext(current.id, w.id)}
          data-testid="done-next"
        >
          {t('ticketDesk.doneAndNext')}
        </Button>
        <Button size="large" danger disabled={!current} onClick={onTicket('no-show')} data-testid="no-show">
          {t('ticketDesk.noShow')}
        </Button>
        <Button size="large" disabled={!current} onClick={onTransfer} data-testid="transfer">
          {t('ticketDesk.transfer')}
        </Button>
        <Button
          size="large"
          type="primary"
          ghost
          disabled={!current}
          onClick={() => current && navigate(`/workbench/intake?ticket=${encodeURIComponent(current.id)}`)}
          data-testid="start-intake"
        >
          {t('ticketDesk.startIntake')}
        </Button>
        <Button
          size="large"
          onClick={() => void run({ kind: w.paused ? 'resume' : 'pause', windowId: w.id })}
          data-testid={w.paused ? 'resume' : 'pause'}
        >
          {w.paused ? t('ticketDesk.resume') : t('ticketDesk.pause')}
        </Button>
      </div>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem}
          className="calling-problem"
          data-testid="calling-error"
        />
      ) : null}
      <Typography.Text type="secondary" className="calling-shortcuts">
        {t('ticketDesk.shortcuts')}
      </Typography.Text>
    </Card>
  );
}
