import type { regionSettingsZh } from './messages.zh-CN.ts';

/** The UI strings of the region settings page in English (the `regionSettings` section). */
export const regionSettingsEn: typeof regionSettingsZh = {
  intro:
    'What this region does not set comes from the region above it, and from the national defaults beyond. Changes apply to ratings, revisits and 12345 requests from then on.',
  region: 'Region',
  own: 'Set here',
  inheritedFrom: 'Inherited from {{name}}',
  defaults: 'defaults',
  restore: 'Inherit',
  restored: 'Becomes {{value}} ({{from}}) when saved',
  save: 'Save settings',
  saved: 'Saved',
  reload: 'Reload',
  conflict: 'Someone else changed these settings. Reload, then make your change again.',
  weightsSum: 'Weights add up to {{sum}}',
  version: '{{name}} · version {{version}}',
};
