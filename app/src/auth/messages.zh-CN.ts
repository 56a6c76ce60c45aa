/** The UI strings of claiming a walk-in account (the `claim` section of the dictionary). */
export const claimZh = {
  title: '认领账号',
  start: '认领账号',
  intro: '核对您在窗口登记时的姓名（单位名称），我们会向登记的手机号码发送验证码。',
  number: '证件号码',
  name: '登记的姓名（名称）',
  sendCode: '发送验证码',
  sent: '验证码已发送至 {{phone}}，{{minutes}} 分钟内有效。',
  code: '短信验证码',
  codeRule: '请输入 6 位数字验证码',
  resend: '重新发送',
  resendIn: '{{seconds}} 秒后可重新发送',
  password: '设置密码',
  confirm: '认领并登录',
  back: '返回注册',
};
