/**
 * Error codes of 政务服务体验官 (applications, tasks, findings), part of the platform's one
 * catalogue (errors.ts).
 */
export const INSPECTOR_ERRORS = {
  'inspector.already_applied': {
    status: 409,
    zh: '您已申请体验官（{status}），每个账号只能申请一次',
    en: 'You have already applied ({statusEn}); one application per account',
  },
  'inspector.not_active': {
    status: 403,
    zh: '您的体验官资格{status}，暂不能{operation}',
    en: 'Your inspector status is {statusEn}; you cannot {operationEn} yet',
  },
  'inspector.person_only': {
    status: 403,
    zh: '只有个人账号可以申请体验官',
    en: 'Only personal accounts can apply to be an inspector',
  },
  'inspector.state': {
    status: 409,
    zh: '当前状态不能{operation}',
    en: 'Cannot {operationEn} in the current state',
  },
} as const;
