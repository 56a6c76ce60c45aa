import { type AuditContext, recordAudit } from '../audit/index.ts';
import { updateVersioned, type VersionedTable } from '../core/db/versioned.ts';

type VersionedOptions<T extends VersionedTable> = Parameters<typeof updateVersioned<T>>[0];

/** updateVersioned with { before, after } of the changed fields recorded in the audit trail. */
export function updateAudited<T extends VersionedTable>(
  options: Omit<VersionedOptions<T>, 'onChange'> & {
    audit: AuditContext;
    action: string;
    targetType: string;
  },
): ReturnType<typeof updateVersioned<T>> {
  const { audit, action, targetType, ...rest } = options;
  return updateVersioned<T>({
    ...rest,
    onChange: (tx, targetId, summary) => recordAudit(tx, audit, { action, targetType, targetId, summary }),
  });
}
