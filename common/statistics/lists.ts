/**
 * The figures of the daily case rollups (case_daily) with what each counts and on which day, in
 * Chinese and English, for the statistics pages. Days are China dates (Asia/Shanghai). Plain values
 * without TypeBox, so the web app imports them as they are.
 */

export type Definition = { zh: string; en: string };

export const CASE_DAILY_FIGURES = {
  received: {
    zh: '收件数：当日提交（未提交的按创建时间）的办件，草稿不计',
    en: 'Received: cases filed that day (submitted, else created), drafts left out',
  },
  received_online: { zh: '网上申报的收件', en: 'Received online' },
  received_counter: { zh: '窗口收件', en: 'Received at a counter' },
  received_kiosk: { zh: '自助终端收件', en: 'Received at a kiosk' },
  received_agent: { zh: '帮办代办收件', en: 'Received through an agent' },
  materials_reused: {
    zh: '当日收件中免于提交的材料数（取自电子证照、共享库或以往办件；同一材料有申请人上传的文件则不计）',
    en: 'Materials of the day’s received cases taken from data (certificates, bases, earlier cases) and not uploaded',
  },
  materials_uploaded: {
    zh: '当日收件中由申请人或窗口扫描提交的材料数',
    en: 'Materials of the day’s received cases uploaded by the applicant or scanned at a counter',
  },
  form_fields_filled: {
    zh: '当日收件申请表中已填写的字段数',
    en: 'Form fields filled in the day’s received cases',
  },
  form_fields_prefilled: {
    zh: '其中由数据智能预填的字段数',
    en: 'Of those, the fields prefilled from data',
  },
  accepted: { zh: '受理数：受理日为当日的办件', en: 'Accepted: cases whose day of acceptance it is' },
  accepted_with_gaps: { zh: '其中容缺受理（受理时有缺项材料）', en: 'Of those, accepted with gaps (容缺)' },
  accepted_on_promise: { zh: '其中告知承诺', en: 'Of those, approved on a signed promise (告知承诺)' },
  concluded: { zh: '办结数：当日办结的办件', en: 'Concluded: cases concluded that day' },
  concluded_immediate: { zh: '其中即办件', en: 'Of those, immediate matters (即办件)' },
  concluded_on_time: {
    zh: '按时办结：办结日不晚于承诺期限（无期限的视为按时）',
    en: 'On time: concluded on or before the promised deadline (or without one)',
  },
  concluded_late: { zh: '超期办结：办结日晚于承诺期限', en: 'Late: concluded after the promised deadline' },
  concluded_fully_online: {
    zh: '全程网办：网上申报且未跑动即办结',
    en: 'Fully online: filed online and concluded without a visit',
  },
  concluded_zero_visits: { zh: '零跑动办结', en: 'Concluded without a visit' },
  concluded_at_most_one_visit: { zh: '最多跑一次办结', en: 'Concluded with at most one visit' },
  visits_sum: { zh: '当日办结办件的跑动次数合计', en: 'Visits of the cases concluded that day, summed' },
  concluded_supplemented: {
    zh: '经一次性告知补正后办结（非一次办成）',
    en: 'Concluded after a supplement notice (补正), not right the first time',
  },
  timed_concluded: {
    zh: '时限以工作日计的办结办件数',
    en: 'Concluded cases whose matter’s limits are in working days',
  },
  used_working_days_sum: {
    zh: '其实际用时（工作日，扣除特别程序）合计',
    en: 'Their working days used (suspensions excluded), summed',
  },
  promised_working_days_sum: {
    zh: '其承诺时限（工作日）合计',
    en: 'Their promised limits in working days, summed',
  },
  legal_working_days_sum: {
    zh: '其法定时限（工作日）合计',
    en: 'Their legal limits in working days, summed',
  },
  used_days_histogram: {
    zh: '其实际用时的分布：用时（工作日）→ 件数',
    en: 'Their working days used as a histogram: days → cases',
  },
} as const satisfies Record<string, Definition>;

export type CaseDailyFigure = keyof typeof CASE_DAILY_FIGURES;
