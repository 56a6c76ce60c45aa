import { i18n } from '../i18n/index.ts';
import { screenZh } from './messages.zh-CN.ts';

// These Chinese messages come with the big screen, not with the portal's first load; the English ones
// are part of the English bundle, which loads when English is chosen.
i18n.addResourceBundle('zh-CN', 'translation', { screen: screenZh }, true, false);
