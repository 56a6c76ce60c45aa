import { and, asc, eq, ne } from 'drizzle-orm';
import type { WindowKind } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { isUniqueViolation } from '../core/db/unique.ts';
import { AppError } from '../core/errors.ts';
import { withTrimmedText } from '../core/text.ts';
import { regionPath } from '../regions/index.ts';
import { updateAudited } from './changes.ts';
import { findHall } from './halls.ts';
import { findOrganisation } from './service.ts';
import { halls, organisations, windows } from './tables.ts';

export type WindowRow = typeof windows.$inferSelect;
export type ServiceWindow = WindowRow & { kind: WindowKind; departmentName: string | null };
export type WindowInput = { number: string; name: string; kind: WindowKind; departmentId?: string | null };

const notFound = () => new AppError('resource.not_found', { params: { resource: '窗口' } });
const departmentProblem = (zh: string, en: string) =>
  new AppError('validation.field', { field: 'departmentId', params: { problem: zh, problemEn: en } });

export async function listWindows(options: { db: DbOrTx; hallId: string }): Promise<ServiceWindow[]> {
  if (!(await findHall(options.db, options.hallId))) {
    throw new AppError('resource.not_found', { params: { resource: '大厅' } });
  }
  const rows = await options.db
    .select({ window: windows, departmentName: organisations.name })
    .from(windows)
    .leftJoin(organisations, eq(organisations.id, windows.departmentId))
    .where(eq(windows.hallId, options.hallId))
    .orderBy(asc(windows.number));
  return rows.map((r) => ({
    ...r.window,
    kind: r.window.kind as WindowKind,
    departmentName: r.departmentName,
  }));
}

/**
 * A dedicated window serves one active department of the hall's region or a region above it;
 * a comprehensive window serves no single department.
 */
async function checkDepartment(tx: Tx, hallId: string, next: WindowInput): Promise<void> {
  if (next.kind === 'comprehensive') {
    if (next.departmentId)
      throw departmentProblem('综合窗口不对应单一部门', 'must be empty for a comprehensive window');
    return;
  }
  if (!next.departmentId)
    throw departmentProblem('专窗须指定所服务的部门', 'is required for a dedicated window');
  const department = await findOrganisation(tx, next.departmentId);
  if (department?.kind !== 'department' || !department.active) {
    throw departmentProblem('部门不存在或已停用', 'no such active department');
  }
  const [hall] = await tx
    .select({ regionCode: organisations.regionCode })
    .from(halls)
    .innerJoin(organisations, eq(organisations.id, halls.organisationId))
    .where(eq(halls.id, hallId));
  const hallPath = (await regionPath(tx, hall!.regionCode))!;
  const departmentPath = (await regionPath(tx, department.regionCode))!;
  if (hallPath !== departmentPath && !hallPath.startsWith(`${departmentPath}/`)) {
    throw departmentProblem('部门须属于大厅所在区划或其上级区划', "must be of the hall's region or above");
  }
}

async function checkNumberFree(tx: Tx, hallId: string, number: string, id: string | null): Promise<void> {
  const [clash] = await tx
    .select({ id: windows.id })
    .from(windows)
    .where(and(eq(windows.hallId, hallId), eq(windows.number, number), id ? ne(windows.id, id) : undefined));
  if (clash) throw new AppError('resource.duplicate', { field: 'number' });
}

async function present(db: DbOrTx, row: WindowRow): Promise<ServiceWindow> {
  const department = row.departmentId ? await findOrganisation(db, row.departmentId) : null;
  return { ...row, kind: row.kind as WindowKind, departmentName: department?.name ?? null };
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('resource.duplicate', { field: 'number' });
  throw error;
}

export async function createWindow(options: {
  db: DbOrTx;
  audit: AuditContext;
  hallId: string;
  input: WindowInput;
}): Promise<ServiceWindow> {
  const input = withTrimmedText(options.input, ['number', 'name']);
  const row = await options.db
    .transaction(async (tx) => {
      const hall = await findHall(tx, options.hallId);
      if (!hall) throw new AppError('resource.not_found', { params: { resource: '大厅' } });
      await checkDepartment(tx, hall.id, input);
      await checkNumberFree(tx, hall.id, input.number, null);
      const [created] = await tx
        .insert(windows)
        .values({
          hallId: hall.id,
          number: input.number,
          name: input.name,
          kind: input.kind,
          departmentId: input.departmentId ?? null,
        })
        .returning();
      await recordAudit(tx, options.audit, {
        action: 'window.create',
        targetType: 'window',
        targetId: created!.id,
        summary: { hallId: hall.id, ...input },
      });
      return created!;
    })
    .catch(rethrowDuplicate);
  return present(options.db, row);
}

export async function updateWindow(options: {
  db: DbOrTx;
  audit: AuditContext;
  hallId: string;
  id: string;
  input: Partial<WindowInput> & { version: number; active?: boolean };
}): Promise<ServiceWindow> {
  const { version, ...changes } = withTrimmedText(options.input, ['number', 'name']);
  const row = await options.db
    .transaction((tx) =>
      updateAudited({
        tx,
        audit: options.audit,
        table: windows,
        where: and(eq(windows.id, options.id), eq(windows.hallId, options.hallId)),
        version,
        notFound,
        changes: async (current) => {
          const next = { ...current, kind: current.kind as WindowKind, ...changes };
          // Turning a dedicated window into a comprehensive one drops its department.
          if (changes.kind === 'comprehensive' && changes.departmentId === undefined) {
            next.departmentId = null;
            changes.departmentId = null;
          }
          await checkDepartment(tx, current.hallId, next);
          if (changes.number !== undefined)
            await checkNumberFree(tx, current.hallId, changes.number, current.id);
          return changes;
        },
        action: changes.active === false ? 'window.deactivate' : 'window.update',
        targetType: 'window',
      }),
    )
    .catch(rethrowDuplicate);
  return present(options.db, row);
}
