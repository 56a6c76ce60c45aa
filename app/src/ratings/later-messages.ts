import { i18n } from '../i18n/index.ts';
import { ratingsLaterZh } from './messages-later.zh-CN.ts';

// The Chinese strings of 好差评公示 and the 12345 desk come with their pages, not with the portal's
// first load; the English ones are part of the English bundle, which loads when English is chosen.
i18n.addResourceBundle('zh-CN', 'translation', { ratings: ratingsLaterZh }, true, false);
