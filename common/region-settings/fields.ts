/**
 * Every value a region may set, one by one: where it sits in the settings, its group, its label,
 * and the whole numbers it accepts. The checks of a region's change, and reading or writing one
 * value of the settings or of a patch by its key ('hotline.limitDays.complaint').
 */
import { KIND_LABELS, REQUEST_KINDS } from '../hotline/lists.ts';
import {
  ASSESSMENT_FIGURES,
  type AssessmentFigure,
  type RegionSettings,
  type RegionSettingsPatch,
} from './settings.ts';

export type Label = { zh: string; en: string };

export const SETTING_GROUPS = ['ratings', 'hotline', 'inspectors', 'assessment'] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];
export const GROUP_LABELS: Record<SettingGroup, Label> = {
  ratings: { zh: '好差评', en: 'Ratings' },
  hotline: { zh: '12345 时限', en: '12345 limits' },
  inspectors: { zh: '体验官', en: 'Service inspectors' },
  assessment: { zh: '月度考核权重', en: 'Monthly assessment weights' },
};

export type SettingField = {
  /** Where the value sits: 'ratings.defaultAfterDays', 'hotline.limitDays.complaint'. */
  key: string;
  group: SettingGroup;
  label: Label;
  unit: Label;
  min: number;
  max: number;
};

const NATURAL_DAYS: Label = { zh: '自然日', en: 'natural days' };
const WORKING_DAYS: Label = { zh: '工作日', en: 'working days' };
const POINTS: Label = { zh: '分', en: 'points' };

export const FIGURE_LABELS: Record<AssessmentFigure, Label> = {
  onTime: { zh: '按时办结率', en: 'Cases on time' },
  satisfaction: { zh: '好评率', en: 'Satisfaction' },
  badRectifiedInTime: { zh: '差评按期整改率', en: 'Bad ratings rectified in time' },
  hotlineOnTime: { zh: '12345 按时办结率', en: '12345 requests on time' },
  visits: { zh: '体验官走访发现整改率', en: 'Inspector findings rectified' },
  warnings: { zh: '预警处置率', en: 'Warnings dealt with' },
};

export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'ratings.defaultAfterDays',
    group: 'ratings',
    label: { zh: '办结后未评价默认“基本满意”', en: 'Unrated cases default to “basically satisfied” after' },
    unit: NATURAL_DAYS,
    min: 1,
    max: 60,
  },
  {
    key: 'ratings.revisitContactWorkingDays',
    group: 'ratings',
    label: { zh: '差评回访：联系评价人', en: 'Bad rating revisit: contact the rater within' },
    unit: WORKING_DAYS,
    min: 1,
    max: 30,
  },
  {
    key: 'ratings.revisitRectifyWorkingDays',
    group: 'ratings',
    label: { zh: '差评回访：整改完成', en: 'Bad rating revisit: rectify within' },
    unit: WORKING_DAYS,
    min: 1,
    max: 30,
  },
  ...REQUEST_KINDS.map(
    (kind): SettingField => ({
      key: `hotline.limitDays.${kind}`,
      group: 'hotline',
      label: KIND_LABELS[kind],
      unit: WORKING_DAYS,
      min: 1,
      max: 60,
    }),
  ),
  {
    key: 'inspectors.rectifyWorkingDays',
    group: 'inspectors',
    label: { zh: '体验官发现问题整改时限', en: 'Inspector findings rectified within' },
    unit: WORKING_DAYS,
    min: 1,
    max: 30,
  },
  ...ASSESSMENT_FIGURES.map(
    (figure): SettingField => ({
      key: `assessment.weights.${figure}`,
      group: 'assessment',
      label: FIGURE_LABELS[figure],
      unit: POINTS,
      min: 0,
      max: 100,
    }),
  ),
];

/** The value at a key of the settings or of a patch (undefined when the patch does not hold it). */
export function valueAt(settings: RegionSettings | RegionSettingsPatch, key: string): unknown {
  let at: unknown = settings;
  for (const part of key.split('.')) {
    if (!at || typeof at !== 'object' || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** A patch with the value at a key set (or removed when undefined), empty sections dropped. */
export function withValueAt(patch: RegionSettingsPatch, key: string, value: number | undefined) {
  const out = structuredClone(patch) as Record<string, Record<string, unknown>>;
  const [section, name, inner] = key.split('.') as [string, string, string | undefined];
  const part = { ...(out[section] ?? {}) };
  if (inner === undefined) {
    if (value === undefined) delete part[name];
    else part[name] = value;
  } else {
    const nested = { ...((part[name] as Record<string, unknown> | undefined) ?? {}) };
    if (value === undefined) delete nested[inner];
    else nested[inner] = value;
    if (Object.keys(nested).length) part[name] = nested;
    else delete part[name];
  }
  if (Object.keys(part).length) out[section] = part;
  else delete out[section];
  return out as RegionSettingsPatch;
}

/** One problem of a change, at its place in the request body ('settings.hotline.limitDays.consult'). */
export type SettingsProblem = { field: string; problem: string; problemEn: string };

/** The problems of a value given for a field (a number, or null to inherit). */
export function valueProblem(field: SettingField, value: unknown): SettingsProblem | null {
  if (value === null) return null;
  const at = `settings.${field.key}`;
  if (typeof value !== 'number' || !Number.isInteger(value))
    return { field: at, problem: '应为整数', problemEn: 'must be a whole number' };
  if (value < field.min || value > field.max)
    return {
      field: at,
      problem: `应在 ${field.min} 到 ${field.max} 之间`,
      problemEn: `must be between ${field.min} and ${field.max}`,
    };
  return null;
}

/** Every problem of a change, given the settings the region would have after it. */
export function settingsProblems(patch: RegionSettingsPatch, after: RegionSettings): SettingsProblem[] {
  const known = new Set(SETTING_FIELDS.map((f) => f.key));
  const problems: SettingsProblem[] = [];
  for (const key of leafKeys(patch)) {
    if (!known.has(key))
      problems.push({
        field: `settings.${key}`,
        problem: '不是可设置的项目',
        problemEn: 'is not a setting',
      });
  }
  for (const field of SETTING_FIELDS) {
    const value = valueAt(patch, field.key);
    if (value === undefined) continue;
    const problem = valueProblem(field, value);
    if (problem) problems.push(problem);
  }
  const weights = Object.values(after.assessment.weights);
  if (!problems.length && weights.reduce((sum, w) => sum + w, 0) <= 0)
    problems.push({
      field: 'settings.assessment.weights',
      problem: '权重之和应大于 0',
      problemEn: 'the weights must add up to more than 0',
    });
  return problems;
}

/** The keys of a patch's values ('a.b', 'a.b.c'); a section that is not an object counts as one. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  const depth = prefix ? prefix.split('.').length : 0;
  return Object.entries(value).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (depth >= 1 && (v === null || typeof v !== 'object')) return [key];
    if (depth >= 2) return [key];
    return leafKeys(v, key);
  });
}
