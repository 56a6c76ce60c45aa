import { CheckCircleFilled } from '@ant-design/icons';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { STAGE_LABELS } from '../../../common/ratings/lists.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { useMyWindows } from '../tickets/staff/api.ts';
import { rateAtWindow, useLabel, useWindowCurrent } from './api.ts';
import { RatingForm } from './RatingForm.tsx';
import './ratings.css';

/** How long the thanks stay on the tablet before it shows the next case or waits for one. */
const THANKS_MS = 5_000;

/**
 * /workbench/evaluator?window=… — 评价器: the tablet at a window, signed in as its clerk. Shows the
 * case just accepted or concluded there (read every 3 s) for the applicant to rate, then thanks
 * them for a few seconds and waits for the next case.
 */
export function EvaluatorPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const windows = useMyWindows();
  const windowId = params.get('window') ?? undefined;
  const chosen = windows.data?.find((w) => w.id === windowId);
  return (
    <div className="evaluator" data-testid="evaluator">
      <header className="evaluator-head">
        <Link to="/workbench" className="evaluator-title">
          {t('ratings.evaluator.title')}
        </Link>
        {windows.data && windows.data.length > 0 ? (
          <Select
            className="evaluator-window"
            aria-label={t('ratings.evaluator.window')}
            placeholder={t('ratings.evaluator.chooseWindow')}
            value={chosen?.id}
            onChange={(id: string) => setParams({ window: id })}
            options={windows.data.map((w) => ({
              value: w.id,
              label: `${w.hallName} · ${w.number} ${w.name}`,
            }))}
            data-testid="evaluator-window"
          />
        ) : null}
      </header>
      {windows.isPending ? <Loading /> : null}
      {windows.isError ? <LoadError error={windows.error} onRetry={() => void windows.refetch()} /> : null}
      {windows.isSuccess && !chosen ? (
        <p className="evaluator-waiting">{t('ratings.evaluator.chooseWindow')}</p>
      ) : null}
      {chosen ? <WindowRating windowId={chosen.id} /> : null}
    </div>
  );
}

function WindowRating({ windowId }: { windowId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const current = useWindowCurrent(windowId);
  const [thanked, setThanked] = useState<string | null>(null);
  const [thanking, setThanking] = useState(false);
  useEffect(() => {
    if (!thanking) return;
    const timer = setTimeout(() => setThanking(false), THANKS_MS);
    return () => clearTimeout(timer);
  }, [thanking]);
  const item = current.data?.current ?? null;
  const key = item ? `${item.caseId}:${item.stage}` : null;
  if (current.isPending) return <Loading />;
  if (thanking) {
    return (
      <main className="evaluator-body evaluator-thanks" data-testid="evaluator-thanks">
        <CheckCircleFilled className="evaluator-thanks-icon" />
        <Typography.Title level={1}>{t('ratings.evaluator.thanks')}</Typography.Title>
        <p>{t('ratings.evaluator.thanksHint')}</p>
      </main>
    );
  }
  if (item && key !== thanked) {
    return (
      <main className="evaluator-body" data-testid="evaluator-case" data-case-no={item.caseNo}>
        <Typography.Title level={2} className="evaluator-prompt">
          {t('ratings.evaluator.prompt')}
        </Typography.Title>
        <dl className="evaluator-facts">
          <dt>{t('ratings.evaluator.matter')}</dt>
          <dd>{item.matterName}</dd>
          <dt>{t('ratings.evaluator.caseNo')}</dt>
          <dd>{item.caseNo}</dd>
          <dt>{t('ratings.evaluator.applicant')}</dt>
          <dd>{item.applicantName}</dd>
          <dt>{t('ratings.evaluator.stage')}</dt>
          <dd>{label(STAGE_LABELS[item.stage])}</dd>
        </dl>
        <RatingForm
          key={key}
          channel="window"
          large
          send={(body) => rateAtWindow(windowId, item.caseId, { stage: item.stage, ...body })}
          onSent={() => {
            setThanked(key);
            setThanking(true);
            void current.refetch();
          }}
        />
      </main>
    );
  }
  return (
    <main className="evaluator-body evaluator-idle" data-testid="evaluator-waiting">
      <Typography.Title level={2}>{t('ratings.evaluator.waiting')}</Typography.Title>
      <p>{t('ratings.evaluator.waitingHint')}</p>
      {current.isError ? <LoadError error={current.error} /> : null}
    </main>
  );
}
