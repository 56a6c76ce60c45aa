import { HALL_AND_EVALUATION_ERRORS } from './errors-halls.ts';
import { INSPECTOR_ERRORS } from './errors-inspectors.ts';

/**
 * Error codes of the platform. Every code has an HTTP status and a message in
 * Chinese and English; `{field}`-style placeholders are filled from the error's params.
 */
export const ERROR_CATALOGUE = {
  ...HALL_AND_EVALUATION_ERRORS,
  ...INSPECTOR_ERRORS,
  'request.invalid': {
    status: 400,
    zh: '请求参数有误：{field} {problem}',
    en: 'Invalid request: {field} {problem}',
  },
  'request.body_too_large': { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  'request.unsupported_media_type': {
    status: 415,
    zh: '不支持的内容类型',
    en: 'Unsupported content type',
  },
  'request.not_found': { status: 404, zh: '未找到该接口', en: 'No such endpoint' },
  'request.rate_limited': {
    status: 429,
    zh: '操作过于频繁，请稍后再试',
    en: 'Too many requests, please try again later',
  },
  'auth.required': { status: 401, zh: '请先登录', en: 'Please sign in first' },
  'auth.invalid_credentials': {
    status: 401,
    zh: '账号或密码错误',
    en: 'Wrong account or password',
  },
  'auth.locked': {
    status: 429,
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  'auth.csrf_invalid': {
    status: 403,
    zh: '页面已过期，请刷新后重试',
    en: 'The page has expired; reload and try again',
  },
  'auth.forbidden': { status: 403, zh: '您没有权限执行此操作', en: 'You are not allowed to do this' },
  'account.claimable': {
    status: 409,
    zh: '该号码已在政务服务窗口登记过账号，尚未设置密码。请认领该账号：核对窗口登记的姓名（名称），并凭发送到登记手机号码的验证码设置密码',
    en: 'This number was registered at a service window and has no password yet. Claim the account: confirm the name recorded there and set a password with the code sent to the phone recorded there',
  },
  'account.claim_failed': {
    status: 400,
    zh: '号码与窗口登记的姓名（名称）不一致，或该账号无需认领',
    en: 'The number and the name recorded at the window do not match, or the account cannot be claimed',
  },
  'account.claim_no_phone': {
    status: 409,
    zh: '窗口登记时未留手机号码，无法通过短信认领。请携带身份证件（法人携带营业执照）到任一政务服务窗口登记手机号码后再认领',
    en: 'No mobile phone was recorded at the window, so the account cannot be claimed by SMS. Please bring your ID card (companies: the business licence) to a service window to record one',
  },
  'account.claim_code_invalid': {
    status: 400,
    zh: '验证码不正确，还可尝试 {left} 次',
    en: 'Wrong verification code; {left} attempts left',
  },
  'account.claim_code_expired': {
    status: 409,
    zh: '验证码已失效，请重新获取',
    en: 'The verification code has expired; please request a new one',
  },
  'account.claim_attempts_exhausted': {
    status: 429,
    zh: '验证码错误次数过多，该验证码已作废，请重新获取',
    en: 'Too many wrong codes; this code is no longer valid, please request a new one',
  },
  'validation.id_number': {
    status: 400,
    zh: '{field}：居民身份证号码格式或校验位不正确',
    en: '{field}: not a valid resident ID number',
  },
  'validation.credit_code': {
    status: 400,
    zh: '{field}：统一社会信用代码格式或校验位不正确',
    en: '{field}: not a valid unified social credit code',
  },
  'validation.region_code': {
    status: 400,
    zh: '{field}：行政区划代码不存在',
    en: '{field}: unknown region code',
  },
  'validation.field': { status: 400, zh: '{field}：{problem}', en: '{field}: {problem}' },
  /** details.issues: every problem of the form (path, code, message, messageEn); field: the first. */
  'form.invalid': {
    status: 400,
    zh: '申请表有 {count} 处需要修改：{problem}',
    en: 'The application form has {count} problem(s): {problem}',
  },
  'resource.not_found': { status: 404, zh: '{resource}不存在', en: '{resource} not found' },
  'resource.conflict': {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  'resource.duplicate': { status: 409, zh: '{field}已存在', en: '{field} already exists' },
  'resource.in_use': { status: 409, zh: '{resource}仍在使用中，不能删除', en: '{resource} is still in use' },
  'catalogue.incomplete': {
    status: 400,
    zh: '事项要素不完整，不能提交或发布：{missing}',
    en: 'The matter is incomplete and cannot be submitted or published: {missing}',
  },
  'catalogue.wrong_status': {
    status: 409,
    zh: '当前版本状态为“{status}”，不能{operation}',
    en: 'The version is {statusEn}; cannot {operationEn}',
  },
  'catalogue.draft_exists': {
    status: 409,
    zh: '该事项已有未发布的草稿或待审核版本',
    en: 'The matter already has a draft or a version under review',
  },
  'catalogue.own_submission': {
    status: 403,
    zh: '不能审核本人提交的版本',
    en: 'You cannot review a version you submitted',
  },
  'catalogue.import_invalid': {
    status: 400,
    zh: '导入数据有误，共 {count} 处，未导入任何事项',
    en: 'The import has {count} problems; nothing was imported',
  },
  'registry.import_invalid': {
    status: 400,
    zh: '导入数据有误，共 {count} 处，未导入任何记录',
    en: 'The import has {count} problems; nothing was imported',
  },
  'registry.import_unreadable': {
    status: 400,
    zh: '无法读取导入文件：{problem}',
    en: 'The import file cannot be read: {problemEn}',
  },
  'case.no_counter': {
    status: 409,
    zh: '您所在的机构没有在用的办事大厅，不能窗口收件：请大厅管理员先登记本站的大厅和窗口，或由帮办代办员代为提交',
    en: 'Your organisation runs no open hall, so there is no counter to file at: have its hall and windows registered, or let an agent file for the applicant',
  },
  'case.prefill_not_current': {
    status: 409,
    zh: '材料“{material}”的共享来源已不可用（证照已变更、注销或过期，或前序办件不可复用），请重新打开申请页或上传该材料',
    en: 'The shared source of material "{material}" is no longer available; reopen the application or upload the material',
  },
  'case.idempotency_key_reused': {
    status: 422,
    zh: '该幂等键（Idempotency-Key）已用于内容不同的另一次提交，请为新的申请使用新的幂等键',
    en: 'This Idempotency-Key was already used for a submission with different content; use a new key for a new application',
  },
  'case.transition_not_allowed': {
    status: 409,
    zh: '办件当前状态为“{status}”，不能{action}',
    en: 'The case is {statusEn}; cannot {actionEn}',
  },
  'case.result_held': {
    status: 409,
    zh: '容缺材料尚未补齐（{missing}），办理结果暂缓出具',
    en: 'Materials accepted with gaps are still missing ({missing}); the result is held',
  },
  'case.no_gaps': {
    status: 409,
    zh: '没有可容缺的材料，请直接受理或一次性告知补正',
    en: 'There are no gap-allowed materials missing; accept or request a supplement instead',
  },
  'case.promise_not_allowed': {
    status: 409,
    zh: '该事项不适用告知承诺制',
    en: 'This matter does not allow approval on a signed promise',
  },
  'case.promise_barred': {
    status: 409,
    zh: '申请人因承诺不实被列入失信记录，暂不适用告知承诺：{reason}',
    en: 'The applicant is barred from approval on promise after a false promise: {reason}',
  },
  'case.notice_not_available': {
    status: 409,
    zh: '办件尚未到达出具“{notice}”的环节（当前状态：{status}）',
    en: 'The case has not reached the stage of the {noticeEn} (status: {statusEn})',
  },
  'case.materials_closed': {
    status: 409,
    zh: '办件当前状态为“{status}”，不能补充材料',
    en: 'The case is {statusEn}; materials cannot be added now',
  },
  'case.assignee_not_reviewer': {
    status: 400,
    zh: '{field}：承办人须为办件所属部门（{department}）的在岗审核人员',
    en: "{field}: the assignee must be an active reviewer of the case's department ({department})",
  },
  'case.not_assignee': {
    status: 403,
    zh: '只有本件的承办人才能退回改派',
    en: 'Only the reviewer the case is assigned to can hand it back',
  },
  'credit.already_lifted': {
    status: 409,
    zh: '该信用记录已于 {liftedAt} 修复',
    en: 'This credit record was already lifted on {liftedAt}',
  },
  'certificate.type_unknown': {
    status: 400,
    zh: '证照类型“{type}”未登记，无法出具电子证照',
    en: 'The certificate type "{type}" is not registered; no certificate can be issued',
  },
  'certificate.seal_key_unreadable': {
    status: 500,
    zh: '电子印章密钥无法解密，请检查 SEAL_KEY_SECRET 配置',
    en: 'The seal key cannot be decrypted; check the SEAL_KEY_SECRET setting',
  },
  'certificate.not_current': {
    status: 409,
    zh: '该证照当前状态为“{status}”，不能{operation}',
    en: 'The certificate is {statusEn}; cannot {operationEn}',
  },
  'certificate.authorisation_revoked': {
    status: 409,
    zh: '该用证授权已于 {revokedAt} 撤销',
    en: 'This authorisation was already revoked on {revokedAt}',
  },
  'kiosk.device_unknown': {
    status: 401,
    zh: '自助终端未登记或已停用，请联系大厅管理员重新配置终端',
    en: 'This kiosk is not registered or has been deactivated; ask the hall manager to set it up again',
  },
  'files.unsupported_type': {
    status: 400,
    zh: '文件类型不受支持：只接受 PDF、JPG、PNG 文件（按文件内容识别，与文件名无关）',
    en: 'Unsupported file type: only PDF, JPEG and PNG files are accepted (detected from the content, not the name)',
  },
  'files.too_large': {
    status: 413,
    zh: '文件过大：单个文件不能超过 {limit}',
    en: 'The file is too large: at most {limit} per file',
  },
  'files.empty': { status: 400, zh: '文件为空', en: 'The file is empty' },
  'files.infected': {
    status: 400,
    zh: '文件未通过安全检查（疑似含有恶意代码），未予保存',
    en: 'The file failed the malware check and was not kept',
  },
  'files.damaged': {
    status: 500,
    zh: '存储的文件已损坏，请联系管理员',
    en: 'The stored file is damaged; please contact the administrator',
  },
  'audit.chain_broken': {
    status: 500,
    zh: '审计记录校验失败',
    en: 'The audit trail failed verification',
  },
  'audit.checkpoint_log_damaged': {
    status: 409,
    zh: '审计检查点日志的最后一条检查点签名无效或来自未受信任的密钥，在核查该日志之前不再写入新的检查点',
    en: 'The last checkpoint in the audit checkpoint log has an invalid or untrusted signature; no checkpoint is written until the log is examined',
  },
  'audit.checkpoint_key_unreadable': {
    status: 500,
    zh: '无法读取审计检查点签名密钥',
    en: 'The audit checkpoint signing key cannot be read',
  },
  'backup.argument_unknown': {
    status: 400,
    zh: '未知参数 {field}（用法：--to <目录> [--at <时间>]）',
    en: 'Unknown argument {field} (usage: --to <dir> [--at <time>])',
  },
  'backup.argument_missing': {
    status: 400,
    zh: '缺少参数 {field} 的值',
    en: 'Argument {field} needs a value',
  },
  'backup.argument_repeated': { status: 400, zh: '参数 {field} 重复', en: 'Argument {field} is given twice' },
  'backup.time_invalid': {
    status: 400,
    zh: '{field} 的值“{value}”不是带时区的 ISO 8601 时间（例如 2026-05-01T10:30:00+08:00）',
    en: '{field}: "{value}" is not an ISO 8601 time with its offset (e.g. 2026-05-01T10:30:00+08:00)',
  },
  'backup.time_in_future': {
    status: 400,
    zh: '恢复时间点 {at} 晚于当前时间',
    en: 'The time {at} is in the future',
  },
  'backup.before_first': {
    status: 400,
    zh: '恢复时间点 {at} 早于最早一次基础备份的完成时间 {first}',
    en: 'The time {at} is before the first base backup finished ({first})',
  },
  'backup.target_not_empty': {
    status: 409,
    zh: '目标目录 {dir} 不是空目录，恢复不会覆盖已有内容，请指定新的或空的目录',
    en: 'The target {dir} is not an empty directory; a restore never writes over anything: name a new or empty one',
  },
  'backup.no_base_backup': {
    status: 404,
    zh: '{dir} 中没有基础备份，请先运行 npm run backup',
    en: 'There is no base backup in {dir}; run npm run backup first',
  },
  'backup.no_database': {
    status: 404,
    zh: 'DATA_DIR {dir} 中没有数据库（请设置 DATA_DIR 或 DATABASE_URL）',
    en: 'DATA_DIR {dir} holds no database (set DATA_DIR or DATABASE_URL)',
  },
  'backup.archiving_off': {
    status: 409,
    zh: '正在运行的数据库（archive_mode={mode}）未把 WAL 归档到 {dir}：请重启一次服务器（npm start，BACKUP_DIR 与本命令相同）后再备份',
    en: 'The running database (archive_mode={mode}) does not archive its WAL into {dir}: restart the server once (npm start, with the same BACKUP_DIR as this command), then back up',
  },
  'backup.archiving_failing': {
    status: 503,
    zh: 'WAL 归档失败（{wal}，{at}）：请检查 {dir} 的磁盘空间和权限',
    en: 'WAL archiving is failing ({wal}, {at}): check the space and permissions of {dir}',
  },
  'backup.target_not_archived': {
    status: 409,
    zh: '归档的 WAL 尚未到达 {at}：数据库最后一次归档之后的更改不在归档中。请选择更早的时间，或不带 --at 恢复全部已归档的更改',
    en: 'The archived WAL does not reach {at}: changes after the last archived segment are not in the archive. Choose an earlier time, or restore everything archived without --at',
  },
  'backup.recovery_failed': { status: 500, zh: '恢复失败：{reason}', en: 'Recovery failed: {reason}' },
  'backup.tablespace_unsupported': {
    status: 500,
    zh: '数据目录中的 {path} 是符号链接（表空间），备份只复制数据目录本身',
    en: '{path} in the data directory is a symbolic link (a tablespace); the backup copies the data directory only',
  },
  'server.unavailable': { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  'statistics.unavailable': {
    status: 503,
    zh: '统计数据暂时无法读取（统计数据库连接不上），请稍后再试',
    en: 'Statistics cannot be read right now (the statistics database cannot be reached); please try again later',
  },
  'server.internal': {
    status: 500,
    zh: '系统内部错误，请稍后再试',
    en: 'Internal error, please try again later',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type Language = 'zh-CN' | 'en';

export function formatErrorMessage(
  code: ErrorCode,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  const entry = ERROR_CATALOGUE[code];
  const template = language === 'en' ? entry.en : entry.zh;
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => String(params[key] ?? '')).trim();
}

/** The JSON body of every error answer. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown; requestId?: string };
};
