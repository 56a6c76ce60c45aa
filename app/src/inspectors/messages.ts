import { i18n } from '../i18n/index.ts';
import { inspectorsZh } from './messages.zh-CN.ts';

// The Chinese messages of 体验官 come with its pages, not with the portal's first load; the English
// ones are part of the English bundle, which loads when English is chosen.
i18n.addResourceBundle('zh-CN', 'translation', { inspectors: inspectorsZh }, true, false);
