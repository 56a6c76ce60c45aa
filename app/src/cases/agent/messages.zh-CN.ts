/** The UI strings of the agent service (帮办代办) in Simplified Chinese (the `agent` section of the dictionary). */
export const agentZh = {
  applyTitle: '代办申请',
  applyIntro:
    '受申请人委托代为办理：核验申请人身份，记录申请人的授权，选择事项并上传材料。提交后，申请人登录网上办事大厅即可在“我的办件”中查看；在窗口登记过的申请人可在注册页认领账号。',
  consent: '申请人授权',
  signedBy: '签署人',
  signedByHint: '申请人本人或法定代表人',
  signedAt: '签署日期',
  futureDate: '签署日期不能晚于今天',
  method: '授权方式',
  methods: {
    written_authorisation: '书面授权委托书',
    on_site_signature: '现场签字',
    e_signature: '电子签名',
  },
  note: '备注',
  notePlaceholder: '如：授权委托书编号、原件存档位置（选填）',
  submit: '提交代办申请',
  submitted: '代办申请已提交，办件编号 {{caseNo}}',
  casesTitle: '我的代办',
  casesIntro: '您代申请人提交的办件。申请人的授权记录在办件详情中。',
  agentName: '代办人',
};
