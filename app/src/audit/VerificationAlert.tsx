import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from './types.ts';

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'medium',
  hour12: false,
});

/** The outcome of a chain verification: the walk of the chain, then the check against the signed checkpoints. */
export function VerificationAlert({ verification }: { verification: AuditVerification }) {
  const { t } = useTranslation();
  const { brokenAt, checkpoints } = verification;
  const chainLine = brokenAt
    ? t('admin.audit.verifyBroken', {
        seq: brokenAt.seq,
        problem: t(`admin.audit.problems.${brokenAt.problem}`),
      })
    : t('admin.audit.verifyOk', { checked: verification.checked });
  let checkpointLine: string | null = null;
  if (checkpoints && checkpoints.problemCount === 0) {
    checkpointLine = checkpoints.latest
      ? t('admin.audit.checkpointsOk', {
          checked: checkpoints.checked,
          seq: checkpoints.latest.seq,
          at: timeFormat.format(new Date(checkpoints.latest.at)),
        })
      : t('admin.audit.checkpointsNone');
  }
  return (
    <Alert
      style={{ marginBottom: 16 }}
      showIcon
      type={verification.ok ? 'success' : 'error'}
      data-testid="audit-verification"
      title={chainLine}
      description={
        checkpoints && checkpoints.problemCount > 0 ? (
          <div>
            <div>{t('admin.audit.checkpointsBroken', { count: checkpoints.problemCount })}</div>
            <ul style={{ margin: 0 }}>
              {checkpoints.problems.map((problem) => (
                <li key={`${problem.line}-${problem.problem}`}>
                  {t('admin.audit.checkpointProblem', {
                    line: problem.line,
                    seqText: problem.seq === null ? '' : t('admin.audit.checkpointSeq', { seq: problem.seq }),
                    problem: t(`admin.audit.checkpointProblems.${problem.problem}`),
                  })}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          checkpointLine
        )
      }
    />
  );
}
