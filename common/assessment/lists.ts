/**
 * The monthly assessment (电子监察 ranking) with its Chinese and English labels: what is ranked and
 * how each figure of the score is counted. Plain values without TypeBox, so the web app imports them
 * as they are.
 */
import { ASSESSMENT_FIGURES, type AssessmentFigure } from '../region-settings/settings.ts';

export { ASSESSMENT_FIGURES, type AssessmentFigure };

export type Label = { zh: string; en: string };

/** What is ranked: the departments of a region, the districts of a city. */
export const ASSESSMENT_KINDS = ['department', 'district'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const KIND_LABELS: Record<AssessmentKind, Label> = {
  department: { zh: '部门排名', en: 'Departments' },
  district: { zh: '区县排名', en: 'Districts' },
};

/** Where the items behind a figure come from. */
export const DETAIL_SOURCES = ['cases', 'ratings', 'requests'] as const;
export type DetailSource = (typeof DETAIL_SOURCES)[number];
export const FIGURE_SOURCE: Record<AssessmentFigure, DetailSource> = {
  onTime: 'cases',
  satisfaction: 'ratings',
  badRectifiedInTime: 'ratings',
  hotlineOnTime: 'requests',
  visits: 'cases',
  warnings: 'cases',
};

/** Each figure's name, and its formula as the page shows it. */
export const FIGURE_LABELS: Record<AssessmentFigure, { name: Label; formula: Label; empty: Label }> = {
  onTime: {
    name: { zh: '按时办结率', en: 'Concluded on time' },
    formula: {
      zh: '本月（北京时间）办结的办件中，办结日不晚于承诺期限（含特别程序顺延）的件数 ÷ 本月办结件数；即办件计为按时。',
      en: 'Cases concluded in the month (China time) on or before their promised deadline (moved by special procedures) ÷ cases concluded in the month; immediate cases count as on time.',
    },
    empty: { zh: '无办结件', en: 'No concluded cases' },
  },
  satisfaction: {
    name: { zh: '满意率', en: 'Satisfaction' },
    formula: {
      zh: '本月有效评价中“非常满意、满意、基本满意”的条数 ÷ 有效评价总数（含默认好评）；另列不含默认好评的满意率。',
      en: 'Valid ratings of the month at levels 5, 4 and 3 ÷ all valid ratings (defaults included); the rate without defaults is shown beside it.',
    },
    empty: { zh: '无评价', en: 'No ratings' },
  },
  badRectifiedInTime: {
    name: { zh: '差评按期整改率', en: 'Bad ratings rectified in time' },
    formula: {
      zh: '本月有效差评中在整改期限内整改完成的条数 ÷ 本月有效差评数；无差评记满分。',
      en: 'Valid bad ratings of the month rectified by their rectification due day ÷ valid bad ratings of the month; no bad rating scores full marks.',
    },
    empty: { zh: '无差评', en: 'No bad ratings' },
  },
  hotlineOnTime: {
    name: { zh: '12345按时办结率', en: '12345 requests closed on time' },
    formula: {
      zh: '本月按时办结的12345工单数 ÷（本月办结数 + 超期未办结数），按主办部门计；无工单记满分。',
      en: '12345 requests closed on time in the month ÷ (closed in the month + past due and still open), counted for the primary department; no requests score full marks.',
    },
    empty: { zh: '无12345工单', en: 'No 12345 requests' },
  },
  visits: {
    name: { zh: '最多跑一次率', en: 'At most one visit' },
    formula: {
      zh: '本月办结的办件中跑动次数不超过1次的件数 ÷ 本月办结件数；另列平均跑动次数。',
      en: 'Cases concluded in the month with at most one in-person visit ÷ cases concluded in the month; the average number of visits is shown beside it.',
    },
    empty: { zh: '无办结件', en: 'No concluded cases' },
  },
  warnings: {
    name: { zh: '未超期率（时限预警）', en: 'Without red warning' },
    formula: {
      zh: '1 −（亮红灯的办件数 ÷ 本月办结或承诺期限在本月的办件数）；亮红灯指超过承诺期限仍未办结：曾被预警为红灯、超期办结，或期限已过仍在办。',
      en: '1 − (cases that went red ÷ cases concluded in the month or due in the month); red means past the promised deadline while not concluded: marked red by the warning sweep, concluded late, or still open after the deadline.',
    },
    empty: { zh: '无到期办件', en: 'No cases due' },
  },
};

/** The column headers of the Excel export besides the figures. */
export const EXPORT_HEADERS = {
  rank: '排名',
  name: '名称',
  score: '得分',
  previousRank: '上月排名',
  flagged: '连续两月末位',
  idle: '无业务',
} as const;

/** A month, YYYY-MM. */
export const MONTH_PATTERN = '^(?!0000)\\d{4}-(0[1-9]|1[0-2])$';
