import { asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { isBasicCode } from '../../common/catalogue/codes.ts';
import {
  EXERCISING_LEVELS,
  type ExercisingLevel,
  MATTER_TYPES,
  type MatterType,
} from '../../common/catalogue/elements.ts';
import type { LegalBasis } from '../../common/catalogue/guide.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { isUniqueViolation } from '../core/db/unique.ts';
import { AppError } from '../core/errors.ts';
import { basicMatters } from './tables.ts';
import type { Problem } from './validation.ts';

type BasicMatterRow = typeof basicMatters.$inferSelect;
export type BasicMatter = Omit<BasicMatterRow, 'matterType' | 'exercisingLevel'> & {
  matterType: MatterType;
  exercisingLevel: ExercisingLevel;
};
const typed = (row: BasicMatterRow) => row as BasicMatter;

export type BasicMatterInput = {
  /** 基本编码, see common/catalogue/codes.ts */
  code: string;
  name: string;
  matterType: MatterType;
  exercisingLevel: ExercisingLevel;
  legalBasis: LegalBasis[];
};

const notFound = () => new AppError('resource.not_found', { params: { resource: '基本目录事项' } });

export function normaliseBasicMatter<T extends Partial<BasicMatterInput>>(input: T): T {
  const out = { ...input };
  if (typeof out.code === 'string') out.code = out.code.trim().toUpperCase();
  if (typeof out.name === 'string') out.name = out.name.trim();
  if (out.legalBasis) {
    out.legalBasis = out.legalBasis.map((b) => ({
      name: b.name.trim(),
      article: b.article.trim(),
      text: b.text.trim(),
    }));
  }
  return out;
}

/** The problems of a (normalised) basic matter; `prefix` is prepended to field names. */
export function basicMatterProblems(input: Partial<BasicMatterInput>, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, problem: string, problemEn: string) =>
    problems.push({ field: `${prefix}${field}`, problem, problemEn });
  if (input.code !== undefined && !isBasicCode(input.code)) {
    add(
      'code',
      '基本编码应为 12—20 位：前 6 位数字，其后为数字或大写字母',
      'is not a valid basic matter code',
    );
  }
  if (input.name !== undefined && !input.name) add('name', '事项名称不能为空', 'must not be empty');
  if (input.matterType !== undefined && !MATTER_TYPES.includes(input.matterType)) {
    add('matterType', '不是规定的事项类型', 'is not a matter type');
  }
  if (input.exercisingLevel !== undefined && !EXERCISING_LEVELS.includes(input.exercisingLevel)) {
    add('exercisingLevel', '不是规定的行使层级', 'is not an exercising level');
  }
  input.legalBasis?.forEach((b, i) => {
    if (!b.name) add(`legalBasis[${i}].name`, '依据名称不能为空', 'must not be empty');
  });
  return problems;
}

function assertValid(input: Partial<BasicMatterInput>): void {
  const [first] = basicMatterProblems(input);
  if (first) {
    throw new AppError('validation.field', {
      field: first.field,
      params: { problem: first.problem, problemEn: first.problemEn },
    });
  }
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('resource.duplicate', { field: 'code' });
  throw error;
}

export async function findBasicMatter(db: DbOrTx, id: string): Promise<BasicMatter | null> {
  const [row] = await db.select().from(basicMatters).where(eq(basicMatters.id, id));
  return row ? typed(row) : null;
}

export async function getBasicMatter(options: { db: DbOrTx; id: string }): Promise<BasicMatter> {
  const row = await findBasicMatter(options.db, options.id);
  if (!row) throw notFound();
  return row;
}

/** Basic matters, by code; `q` matches the code or the name. */
export async function listBasicMatters(options: {
  db: DbOrTx;
  q?: string;
  limit?: number;
  offset?: number;
}): Promise<{ items: BasicMatter[]; total: number }> {
  const { db, q } = options;
  let where: SQL | undefined;
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where = or(ilike(basicMatters.code, pattern), ilike(basicMatters.name, pattern));
  }
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(basicMatters)
      .where(where)
      .orderBy(asc(basicMatters.code))
      .limit(options.limit ?? 50)
      .offset(options.offset ?? 0),
    db.select({ n: count() }).from(basicMatters).where(where),
  ]);
  return { items: items.map(typed), total: total?.n ?? 0 };
}

export async function createBasicMatter(options: {
  db: DbOrTx;
  audit: AuditContext;
  input: BasicMatterInput;
}): Promise<BasicMatter> {
  const input = normaliseBasicMatter(options.input);
  assertValid(input);
  return options.db
    .transaction(async (tx) => {
      const [created] = await tx.insert(basicMatters).values(input).returning();
      await recordAudit(tx, options.audit, {
        action: 'catalogue.basic_matter.create',
        targetType: 'basic_matter',
        targetId: created!.id,
        summary: { ...input },
      });
      return typed(created!);
    })
    .catch(rethrowDuplicate);
}

const EDITABLE = ['code', 'name', 'matterType', 'exercisingLevel', 'legalBasis'] as const;

export async function updateBasicMatter(options: {
  db: DbOrTx;
  audit: AuditContext;
  id: string;
  input: Partial<BasicMatterInput> & { version: number };
}): Promise<BasicMatter> {
  const { version, ...changes } = normaliseBasicMatter(options.input);
  assertValid(changes);
  return options.db
    .transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(basicMatters)
        .where(eq(basicMatters.id, options.id))
        .for('update');
      if (!current) throw notFound();
      if (current.version !== version) throw new AppError('resource.conflict');
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of EDITABLE) {
        const value = changes[key];
        if (value === undefined || JSON.stringify(value) === JSON.stringify(current[key])) continue;
        before[key] = current[key];
        after[key] = value;
      }
      if (!Object.keys(after).length) return typed(current);
      const [updated] = await tx
        .update(basicMatters)
        .set({ ...after, version: current.version + 1, updatedAt: new Date() })
        .where(eq(basicMatters.id, current.id))
        .returning();
      await recordAudit(tx, options.audit, {
        action: 'catalogue.basic_matter.update',
        targetType: 'basic_matter',
        targetId: current.id,
        summary: { before, after },
      });
      return typed(updated!);
    })
    .catch(rethrowDuplicate);
}
