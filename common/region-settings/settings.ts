/**
 * What a region may set for evaluation, the 12345 hotline, 体验官 findings and the monthly assessment,
 * with the defaults the national rules give (国办发〔2019〕51号, 国办发〔2020〕53号). Plain values, so
 * the web app imports them as they are. A region keeps only what it changes (RegionSettingsPatch);
 * what it leaves unset comes from its nearest ancestor that sets it, then from these defaults.
 */
import { KIND_LIMIT_DAYS, type RequestKind } from '../hotline/lists.ts';

/** The figures the monthly assessment weighs, each a share in [0, 1] where more is better. */
export const ASSESSMENT_FIGURES = [
  'onTime',
  'satisfaction',
  'badRectifiedInTime',
  'hotlineOnTime',
  'visits',
  'warnings',
] as const;
export type AssessmentFigure = (typeof ASSESSMENT_FIGURES)[number];

export type RegionSettings = {
  ratings: {
    /** A case not rated within this many natural days of conclusion gets a default 基本满意. */
    defaultAfterDays: number;
    /** A 差评's revisit: contact within this many working days, rectify within that many. */
    revisitContactWorkingDays: number;
    revisitRectifyWorkingDays: number;
  };
  hotline: {
    /** The working days each kind of request allows. */
    limitDays: Record<RequestKind, number>;
  };
  inspectors: {
    /** The working days a department has to rectify a 体验官's finding. */
    rectifyWorkingDays: number;
  };
  assessment: {
    /** The weight of each figure in the score (the score is Σ weight × figure ÷ Σ weight × 100). */
    weights: Record<AssessmentFigure, number>;
  };
};

export const DEFAULT_REGION_SETTINGS: RegionSettings = {
  ratings: { defaultAfterDays: 7, revisitContactWorkingDays: 1, revisitRectifyWorkingDays: 5 },
  hotline: { limitDays: { ...KIND_LIMIT_DAYS } },
  inspectors: { rectifyWorkingDays: 10 },
  assessment: {
    weights: {
      onTime: 30,
      satisfaction: 25,
      badRectifiedInTime: 15,
      hotlineOnTime: 15,
      visits: 10,
      warnings: 5,
    },
  },
};

/** What one region stores: any part of the settings. */
export type RegionSettingsPatch = {
  [S in keyof RegionSettings]?: {
    [K in keyof RegionSettings[S]]?: RegionSettings[S][K] extends Record<string, number>
      ? Partial<RegionSettings[S][K]>
      : RegionSettings[S][K];
  };
};

/** The settings from the defaults and then each patch in order (root first, the region last). */
export function mergeRegionSettings(patches: RegionSettingsPatch[]): RegionSettings {
  const merged = structuredClone(DEFAULT_REGION_SETTINGS) as Record<string, Record<string, unknown>>;
  for (const patch of patches) {
    for (const [section, values] of Object.entries(patch ?? {})) {
      const target = merged[section];
      if (!target || !values || typeof values !== 'object') continue;
      for (const [key, value] of Object.entries(values)) {
        if (!(key in target) || value === undefined || value === null) continue;
        const current = target[key];
        if (current && typeof current === 'object' && typeof value === 'object') {
          for (const [inner, n] of Object.entries(value as Record<string, unknown>)) {
            if (inner in (current as object) && typeof n === 'number')
              (current as Record<string, number>)[inner] = n;
          }
        } else if (typeof value === typeof current) {
          target[key] = value;
        }
      }
    }
  }
  return merged as unknown as RegionSettings;
}
