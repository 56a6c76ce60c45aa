/** The UI strings of the credit records page (信用记录) in Simplified Chinese. */
export const creditZh = {
  title: '信用记录',
  intro:
    '申请人在告知承诺制办件中承诺不实、被撤销许可的，记入失信记录，此后不再适用告知承诺。申请人整改到位的，可由办件所属部门负责人或本辖区监察人员予以信用修复。',
  open: '未修复',
  lifted: '已修复',
  all: '全部',
  applicant: '申请人',
  caseNo: '办件编号',
  matter: '事项',
  reason: '失信原因',
  createdAt: '记录时间',
  createdBy: '记录人',
  state: '状态',
  liftedInfo: '{{name}} 于 {{at}} 修复',
  liftReason: '修复理由',
  lift: '信用修复',
  liftTitle: '信用修复：{{name}}',
  liftHint: '修复后，该申请人可再次适用告知承诺制。本操作记入审计日志。',
  liftReasonRule: '请填写修复理由',
  liftDone: '已修复，申请人可再次适用告知承诺',
  empty: '暂无信用记录',
};
