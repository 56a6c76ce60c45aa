import type { Static } from 'typebox';
import type { FiguresAnswer } from '../../common/statistics/api.ts';
import type { Db } from '../../server/core/db/client.ts';
import { readBack } from '../../server/demo/activity/read-back.ts';
import type { BenchClient, Session } from '../cases/client.ts';

type Answer = Static<typeof FiguresAnswer>;

/** The figures of a region over a period as GET /api/statistics/figures gives them to a supervisor. */
export type PlatformFigures = {
  answer: Answer;
  /** Σ(legal − promised) ÷ Σ legal over the concluded cases (case_daily): what their own promises compress. */
  casesPromisedCompression: number | null;
  readMs: number;
};

/** Reads the region's figures of the period through the statistics API (and one sum of case_daily). */
export async function platformFigures(options: {
  client: BenchClient;
  supervisor: Session;
  db: Db;
  regionCode: string;
  from: string;
  to: string;
}): Promise<PlatformFigures> {
  const { client, supervisor, db, regionCode, from, to } = options;
  const started = performance.now();
  const api = await client.call(
    'GET',
    `/api/statistics/figures?region=${regionCode}&from=${from}&to=${to}`,
    supervisor,
  );
  const readMs = Math.round(performance.now() - started);
  if (api.status !== 200)
    throw new Error(`GET /api/statistics/figures: ${api.status} ${JSON.stringify(api.body)}`);
  const sums = await readBack(db, { regionCode, from, to });
  return { answer: api.body as Answer, casesPromisedCompression: sums.promisedCompression, readMs };
}

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;

/** The seed figures beside the platform's computed ones, as Markdown table lines. */
export function figureTable(p: PlatformFigures): string[] {
  const figure = (key: string) => p.answer.figures.find((f) => f.key === key)?.current;
  const value = (key: string) => figure(key)?.value ?? null;
  const count = (key: string) => figure(key)?.numerator ?? 0;
  const promise = (key: string) => p.answer.promises.find((f) => f.key === key)?.value ?? null;
  const received = count('received');
  const share = (key: string) => percent(received ? count(key) / received : null);
  const satisfaction = figure('satisfaction');
  const lines: [string, string, string, string][] = [
    [
      '即办件占比',
      '56 %（000）',
      percent(value('immediateShare')),
      `事项承诺 ${percent(promise('immediateShare'))}`,
    ],
    [
      '承诺时限压缩率',
      '46.8 %（000，承诺时限对法定时限）',
      `${percent(promise('compressionWorking'))}（事项承诺）`,
      `办件实际压缩 ${percent(value('actualCompression'))}；办结办件的承诺 ${percent(p.casesPromisedCompression)}`,
    ],
    [
      '最多跑一次',
      '>70 %（000，事项）；88 %（004）',
      percent(value('atMostOneVisitShare')),
      `事项承诺 ${percent(promise('atMostOnceShare'))}；平均跑动 ${value('averageVisits')?.toFixed(2) ?? '—'} 次`,
    ],
    [
      '零跑腿',
      '48 %（004）',
      percent(value('zeroVisitShare')),
      `全程网办 ${percent(value('fullyOnlineShare'))}`,
    ],
    [
      '按时办结率',
      '承诺件 ≥98 %（001）',
      percent(value('onTimeRate')),
      `超期办结 ${value('concludedLate')} 件；即办件当日办结`,
    ],
    [
      '满意率',
      '96.5 %（000）',
      percent(value('satisfaction')),
      `${satisfaction?.denominator ?? 0} 条评价（含默认）；差评整改率 ${percent(value('badRectified'))}`,
    ],
    ['一次办成率', '—（补正 5 %，选定）', percent(value('firstTimeSuccess')), '未经补正即办结'],
    [
      '容缺受理占比',
      '—（可容缺事项的承诺件 10 %，选定）',
      percent(value('gapsShare')),
      '按受理时的容缺计（材料补齐后仍计）',
    ],
    ['告知承诺占比', '—（可承诺事项的承诺件 30 %，选定）', percent(value('promiseShare')), ''],
    [
      '材料减免率',
      '—（“申报材料压缩10%”指取消材料）',
      percent(value('materialReduction')),
      '生成的办件不填申请表',
    ],
    [
      '收件渠道',
      '—（四端，选定）',
      `网上 ${share('receivedOnline')} 窗口 ${share('receivedCounter')} 自助 ${share('receivedKiosk')} 帮办 ${share('receivedAgent')}`,
      '',
    ],
    [
      '办结数',
      '51,282（000，市中心 1—10 月）',
      String(value('concluded')),
      `收件 ${received}；超期未办结 ${value('overdueOpen')}`,
    ],
  ];
  return [
    '| 数字 | 种子 | 平台计算 | 旁列 |',
    '| --- | --- | --- | --- |',
    ...lines.map((l) => `| ${l.join(' | ')} |`),
  ];
}
