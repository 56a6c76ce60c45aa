import type { claimZh } from './messages.zh-CN.ts';

/** The UI strings of claiming a walk-in account in English. */
export const claimEn: typeof claimZh = {
  title: 'Claim your account',
  start: 'Claim the account',
  intro: 'Confirm the name recorded at the window; a code is sent to the mobile phone recorded there.',
  number: 'Number',
  name: 'Name as recorded',
  sendCode: 'Send the code',
  sent: 'The code was sent to {{phone}} and is valid for {{minutes}} minutes.',
  code: 'Code from the SMS',
  codeRule: 'Enter the 6-digit code',
  resend: 'Send again',
  resendIn: 'Send again in {{seconds}} s',
  password: 'Password',
  confirm: 'Claim and sign in',
  back: 'Back to registration',
};
