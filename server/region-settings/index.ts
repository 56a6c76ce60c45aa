/**
 * Per-region settings of evaluation, the 12345 hotline, 体验官 findings and the monthly assessment.
 * The front door of the module.
 */
export { regionSettingsView, saveRegionSettings } from './manage.ts';
export { regionSettingsRoutes } from './routes.ts';
export { type SettingKey, settingLeastSql, settingsFor, settingValueSql } from './service.ts';
export { regionSettings } from './tables.ts';
