/**
 * Notices (告知书) of cases: their texts and PDF rendering.
 * The front door of the module: other modules import only from here.
 */
export { progressUrl, renderNotice } from './render.ts';
export { blockText, chinaDay, chineseDate, noticeContent } from './texts.ts';
export { type CaseView, NOTICE_KINDS, NOTICE_TITLES, type NoticeKind } from './types.ts';
