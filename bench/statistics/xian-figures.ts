import type { Db } from '../../server/core/db/client.ts';
import { type ReadBack, readBack } from '../../server/demo/activity/read-back.ts';
import type { BenchClient, Session } from '../cases/client.ts';

/** The platform's figures of a region over a period: from GET /api/statistics/figures, else from case_daily. */
export type PlatformFigures = {
  source: string;
  figure: (key: string) => number | null;
  cases: ReadBack;
  /** The catalogue's promises (GET /api/catalogue/statistics) of the region and the regions below it. */
  catalogue: {
    immediateShare: number;
    workingDayCompression: number | null;
    atMostOnceShare: number;
    fullyOnlineShare: number;
  };
  readMs: number;
};

type FiguresAnswer = { figures: { key: string; current: { value: number | null } }[] };

/**
 * Reads the figures as a supervisor would see them: the statistics API when it answers, otherwise the
 * same formulas over case_daily and rating_monthly (server/demo/activity/read-back.ts); the
 * catalogue's promised figures from the public catalogue statistics.
 */
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
  const query = `region=${regionCode}&from=${from}&to=${to}`;
  const api = await client.call('GET', `/api/statistics/figures?${query}`, supervisor);
  const cases = await readBack(db, { regionCode, from, to });
  const readMs = Math.round(performance.now() - started);
  const catalogue = await client.call(
    'GET',
    `/api/catalogue/statistics?region=${regionCode}&subtree=true`,
    null,
  );
  if (catalogue.status !== 200) throw new Error(`catalogue statistics: ${catalogue.status}`);
  const byKey = new Map<string, number | null>();
  if (api.status === 200) {
    for (const f of (api.body as FiguresAnswer).figures) byKey.set(f.key, f.current.value);
  }
  const fromCases = cases as unknown as Record<string, number | null>;
  return {
    source: api.status === 200 ? 'GET /api/statistics/figures' : `case_daily（统计接口答 ${api.status}）`,
    figure: (key) => (byKey.has(key) ? byKey.get(key)! : (fromCases[key] ?? null)),
    cases,
    catalogue: catalogue.body as PlatformFigures['catalogue'],
    readMs,
  };
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);

/** One line of the table: the seed's figure and where it is from, the platform's, and what stands beside. */
type Line = { name: string; seed: string; platform: string; note: string };

/** The seed figures beside the platform's computed ones, as Markdown table lines. */
export function figureTable(p: PlatformFigures): string[] {
  const f = p.figure;
  const c = p.cases;
  const lines: Line[] = [
    {
      name: '即办件占比',
      seed: '56 %（000）',
      platform: percent(f('immediateShare')),
      note: `事项承诺 ${percent(p.catalogue.immediateShare)}`,
    },
    {
      name: '承诺时限压缩率',
      seed: '46.8 %（000，承诺对法定）',
      platform: `${percent(p.catalogue.workingDayCompression)}（事项承诺）`,
      note: `办件实际压缩 ${percent(f('actualCompression'))}；办件所涉事项承诺 ${percent(c.promisedCompression)}`,
    },
    {
      name: '最多跑一次',
      seed: '>70 %（000，事项）；88 %（004）',
      platform: percent(f('atMostOneVisitShare')),
      note: `事项承诺 ${percent(p.catalogue.atMostOnceShare)}；平均跑动 ${c.averageVisits?.toFixed(2) ?? '—'} 次`,
    },
    {
      name: '零跑腿',
      seed: '48 %（004）',
      platform: percent(f('zeroVisitShare')),
      note: `全程网办 ${percent(f('fullyOnlineShare'))}`,
    },
    {
      name: '按时办结率',
      seed: '承诺件 ≥98 %（001）',
      platform: percent(f('onTimeRate')),
      note: `超期办结 ${c.concludedLate} 件（即办件当日办结）`,
    },
    {
      name: '满意率',
      seed: '96.5 %（000）',
      platform: percent(f('satisfaction')),
      note: `${c.ratings} 条评价（含默认好评）；差评整改率 ${percent(c.badRectified)}`,
    },
    {
      name: '一次办成率',
      seed: '—（补正 5 %，选定）',
      platform: percent(f('firstTimeSuccess')),
      note: '未经补正即办结',
    },
    {
      name: '容缺受理占比',
      seed: '—（可容缺事项的承诺件 10 %，选定）',
      platform: percent(f('gapsShare')),
      note: '按受理时仍缺的材料计；补齐后不再计入',
    },
    {
      name: '告知承诺占比',
      seed: '—（可承诺事项的承诺件 30 %，选定）',
      platform: percent(f('promiseShare')),
      note: '',
    },
    {
      name: '材料减免率',
      seed: '—（“申报材料压缩10%”为取消材料）',
      platform: percent(f('materialReduction')),
      note: '生成的办件不填申请表，无预填率',
    },
    {
      name: '收件渠道',
      seed: '—（四端，选定）',
      platform: `网上 ${percent(c.channels.online)} 窗口 ${percent(c.channels.counter)} 自助 ${percent(c.channels.kiosk)} 帮办 ${percent(c.channels.agent)}`,
      note: '',
    },
    {
      name: '办结数',
      seed: '51,282（000，市中心 1—10 月）',
      platform: String(c.concluded),
      note: `收件 ${c.received}`,
    },
  ];
  return [
    '| 数字 | 种子 | 平台计算 | 旁列 |',
    '| --- | --- | --- | --- |',
    ...lines.map((l) => `| ${l.name} | ${l.seed} | ${l.platform} | ${l.note} |`),
  ];
}
