import { i18n } from '../i18n/index.ts';
import { statisticsZh } from './messages-statistics.zh-CN.ts';

// The Chinese strings of the statistics page come with the page, not with the portal's first load;
// the English ones are part of the English bundle, which loads when English is chosen.
i18n.addResourceBundle('zh-CN', 'translation', { catalogue: { statistics: statisticsZh } }, true, false);
