/**
 * Error codes of the halls (appointments, tickets, help requests) and of evaluation (好差评 ratings,
 * 12345 requests), part of the platform's one catalogue (errors.ts).
 */
export const HALL_AND_EVALUATION_ERRORS = {
  'appointment.closed': {
    status: 400,
    zh: '{day} {start} 不是可预约的时段（大厅不开放或不在开放时间内）',
    en: '{day} {start} is not a slot that can be booked (the hall is closed then)',
  },
  'appointment.too_early': {
    status: 400,
    zh: '{day} 太近了：最早可预约 {min} 个工作日之后的时段',
    en: '{day} is too soon: book at least {min} working days ahead',
  },
  'appointment.too_late': {
    status: 400,
    zh: '{day} 太远了：最多可提前 {max} 个工作日预约',
    en: '{day} is too far ahead: book at most {max} working days ahead',
  },
  'appointment.full': {
    status: 409,
    zh: '{day} {start} 的“{category}”已约满，请选择其他时段',
    en: 'The slot {day} {start} for "{category}" is fully booked; choose another',
  },
  'appointment.duplicate': {
    status: 409,
    zh: '您已预约 {day} 的“{category}”，同一事项每人每天只能预约一次',
    en: 'You already have a booking for "{category}" on {day}; one booking per matter per day',
  },
  'appointment.suspended': {
    status: 403,
    zh: '预约资格已暂停至 {until}，原因：{reason}',
    en: 'Booking is suspended until {until}: {reasonEn}',
  },
  'appointment.cancel_too_late': {
    status: 409,
    zh: '预约开始前 {hours} 小时内不能取消（截止 {deadline}）',
    en: 'A booking cannot be cancelled within {hours} hours of its start (deadline {deadline})',
  },
  'appointment.not_booked': {
    status: 409,
    zh: '该预约已{status}，不能再{operation}',
    en: 'The booking is already {statusEn}; it cannot be {operationEn}',
  },
  'ticket.state': {
    status: 409,
    zh: '号票{code}当前为{status}，不能{operation}',
    en: 'Ticket {code} is {statusEn}; it cannot be {operationEn}',
  },
  'ticket.daily_limit': {
    status: 400,
    zh: '今日已取号 {count} 次，已达上限',
    en: 'You have taken {count} tickets here today, the daily limit',
  },
  'ticket.window_busy': {
    status: 409,
    zh: '该窗口{reason}，请先处理',
    en: 'This window {reasonEn}; deal with that first',
  },
  'help_request.state': {
    status: 409,
    zh: '该帮办请求{state}，不能再{operation}',
    en: 'This help request {stateEn}; it cannot be {operationEn}',
  },
  'rating.already_rated': {
    status: 409,
    zh: '该办件的{stage}已评价',
    en: 'The {stageEn} of this case has already been rated',
  },
  'rating.link_gone': {
    status: 410,
    zh: '评价链接已失效或已使用',
    en: 'The rating link has expired or was used',
  },
  'rating.revisit_state': {
    status: 409,
    zh: '差评回访当前状态不能{operation}',
    en: 'The revisit cannot be {operationEn} in its current state',
  },
  'hotline.state': {
    status: 409,
    zh: '该工单当前状态不能{operation}',
    en: 'The request cannot be {operationEn} in its current state',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
