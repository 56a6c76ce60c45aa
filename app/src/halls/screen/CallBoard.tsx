import { useTranslation } from 'react-i18next';
import type { ScreenState } from './state.ts';
import './messages.ts';

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The screen's body: the newest call large, the last calls beside it, waiting and windows below. */
export function CallBoard({ state }: { state: ScreenState }) {
  const { t } = useTranslation();
  const [now, ...earlier] = state.calls;
  return (
    <>
      <main className="screen-main">
        <section className="screen-current" aria-live="assertive" data-testid="current-call">
          <div className="screen-label">
            {t('hallScreen.current')}
            {now?.kind === 'recalled' ? (
              <span className="screen-recall">{t('hallScreen.recall')}</span>
            ) : null}
          </div>
          {now ? (
            <div className="screen-call" key={now.eventId}>
              <span className="screen-code">{now.code}</span>
              <span className="screen-arrow">→</span>
              <span className="screen-window">{t('hallScreen.toWindow', { window: now.windowNumber })}</span>
            </div>
          ) : (
            <div className="screen-none">{t('hallScreen.none')}</div>
          )}
          <div className="screen-prompt">
            {now
              ? t('hallScreen.speak', { code: now.code, window: now.windowNumber })
              : t('hallScreen.prompt')}
          </div>
        </section>
        <section className="screen-recent" data-testid="recent-calls">
          <div className="screen-label">{t('hallScreen.recent')}</div>
          <table>
            <thead>
              <tr>
                <th>{t('hallScreen.code')}</th>
                <th>{t('hallScreen.window')}</th>
                <th>{t('hallScreen.time')}</th>
              </tr>
            </thead>
            <tbody>
              {earlier.map((call) => (
                <tr key={call.eventId}>
                  <td className="screen-recent-code">{call.code}</td>
                  <td>{call.windowNumber}</td>
                  <td className="screen-recent-time">{TIME.format(new Date(call.at))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </main>
      <footer className="screen-footer">
        <div className="screen-waiting" data-testid="waiting">
          <span className="screen-footer-label">{t('hallScreen.waiting')}</span>
          {state.waiting.map((w) => (
            <span className="screen-category" key={w.categoryId}>
              <span className="screen-letter">{w.letter}</span>
              <span className="screen-category-name">{w.name}</span>
              <span className="screen-count">{t('hallScreen.people', { count: w.count })}</span>
            </span>
          ))}
        </div>
        <div className="screen-windows" data-testid="windows-open">
          <span className="screen-footer-label">{t('hallScreen.windowsOpen')}</span>
          {state.windowsOpen.length ? (
            state.windowsOpen.map((n) => (
              <span className="screen-window-chip" key={n}>
                {n}
              </span>
            ))
          ) : (
            <span>{t('hallScreen.noWindows')}</span>
          )}
        </div>
      </footer>
    </>
  );
}
