/**
 * Per-region settings of evaluation, the 12345 hotline, 体验官 findings and the monthly assessment.
 * The front door of the module.
 */
export { settingsFor } from './service.ts';
export { regionSettings } from './tables.ts';
