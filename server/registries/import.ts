import { count, inArray } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Db, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { parseCsv, parseXlsx, type Sheet } from './files.ts';
import {
  type CellProblem,
  COMPANY_COLUMNS,
  type CompanyRecord,
  PERSON_COLUMNS,
  type PersonRecord,
  type RegistryColumn,
  type RegistryKind,
  readCompany,
  readPerson,
} from './rows.ts';
import { upsertCompanies, upsertPersons } from './service.ts';
import { registryCompanies, registryPersons } from './tables.ts';

/** One problem of an import file, where a person filling in the sheet finds it. */
export type RegistryImportIssue = { row: number; column: string; problem: string };

export const REGISTRY_LABELS: Record<RegistryKind, string> = { persons: '人口库', companies: '法人库' };
const MAX_ROWS = 100_000;
const MAX_ISSUES = 500;

export const columnsOf = (kind: RegistryKind): RegistryColumn[] =>
  kind === 'persons' ? PERSON_COLUMNS : COMPANY_COLUMNS;

/** Which cell of a row each column is in, by its Chinese header or English alias; missing columns as issues. */
function placeColumns(columns: RegistryColumn[], header: string[], issues: RegistryImportIssue[]) {
  const at = new Map<string, number>();
  const normal = header.map((h) => h.replace(/\s+/g, '').replace(/[*＊]/g, '').toLowerCase());
  for (const c of columns) {
    const i = normal.findIndex((h) => h === c.header.toLowerCase() || h === c.alias);
    if (i >= 0) at.set(c.key, i);
    else if (c.required) issues.push({ row: 1, column: c.header, problem: '缺少此列（表头须与模板一致）' });
  }
  return at;
}

type Parsed<T> = { rows: T[]; issues: RegistryImportIssue[] };

/** Reads and checks every row; a number that appears twice in the file is a problem of its second row. */
export function readRegistrySheet(kind: 'persons', sheet: Sheet): Parsed<PersonRecord>;
export function readRegistrySheet(kind: 'companies', sheet: Sheet): Parsed<CompanyRecord>;
export function readRegistrySheet(kind: RegistryKind, sheet: Sheet): Parsed<PersonRecord | CompanyRecord>;
export function readRegistrySheet(kind: RegistryKind, sheet: Sheet): Parsed<PersonRecord | CompanyRecord> {
  const issues: RegistryImportIssue[] = [];
  const columns = columnsOf(kind);
  const at = placeColumns(columns, sheet.header, issues);
  if (issues.length > 0) return { rows: [], issues };
  if (sheet.rows.length === 0) {
    return { rows: [], issues: [{ row: 2, column: '', problem: '文件中没有数据行' }] };
  }
  if (sheet.rows.length > MAX_ROWS) {
    return {
      rows: [],
      issues: [{ row: MAX_ROWS + 2, column: '', problem: `一次最多导入 ${MAX_ROWS} 行` }],
    };
  }
  const seen = new Map<string, number>();
  const rows: (PersonRecord | CompanyRecord)[] = [];
  for (const { row, texts } of sheet.rows) {
    const cells: Record<string, string> = {};
    for (const [key, i] of at) cells[key] = texts[i] ?? '';
    const read = kind === 'persons' ? readPerson(cells) : readCompany(cells);
    const add = (p: CellProblem) => issues.push({ row, ...p });
    read.problems.forEach(add);
    if (!read.record) continue;
    const key = 'idNumber' in read.record ? read.record.idNumber : read.record.creditCode;
    const first = seen.get(key);
    if (first !== undefined) {
      add({ column: columns[0]!.header, problem: `与第 ${first} 行重复` });
      continue;
    }
    seen.set(key, row);
    rows.push(read.record);
  }
  return { rows, issues };
}

/** The file as rows: xlsx by its content (a zip), anything else as CSV. */
export async function readImportFile(content: Buffer): Promise<Sheet> {
  const zip = content.length > 4 && content.readUInt32LE(0) === 0x04034b50;
  return zip ? parseXlsx(content) : parseCsv(content);
}

/**
 * Imports residents or legal entities from a CSV or xlsx file: every row is checked first and
 * nothing is written unless all rows are valid (a 400 listing each row's problems in Chinese);
 * then all rows are added or replaced by their number in one transaction with its audit record.
 */
export async function importRegistry(options: {
  db: Db;
  audit: AuditContext;
  kind: RegistryKind;
  content: Buffer;
  fileName?: string;
}): Promise<{ imported: number; created: number; updated: number }> {
  const { db, audit, kind } = options;
  const sheet = await readImportFile(options.content);
  const { rows, issues } = readRegistrySheet(kind, sheet);
  if (issues.length > 0) {
    throw new AppError('registry.import_invalid', {
      params: { count: issues.length },
      details: { errors: issues.slice(0, MAX_ISSUES) },
    });
  }
  return db.transaction(async (tx) => {
    const keys = rows.map((r) => ('idNumber' in r ? r.idNumber : r.creditCode));
    const existing = await countExisting(tx, kind, keys);
    if (kind === 'persons') await upsertPersons(tx, rows as PersonRecord[], 'import');
    else await upsertCompanies(tx, rows as CompanyRecord[], 'import');
    const result = { imported: rows.length, created: rows.length - existing, updated: existing };
    await recordAudit(tx, audit, {
      action: 'registry.import',
      targetType: 'registry',
      targetId: null,
      summary: { registry: kind, fileName: options.fileName ?? null, ...result },
    });
    return result;
  });
}

async function countExisting(tx: Tx, kind: RegistryKind, keys: string[]): Promise<number> {
  let found = 0;
  for (let i = 0; i < keys.length; i += 5000) {
    const some = keys.slice(i, i + 5000);
    const [row] =
      kind === 'persons'
        ? await tx.select({ n: count() }).from(registryPersons).where(inArray(registryPersons.idNumber, some))
        : await tx
            .select({ n: count() })
            .from(registryCompanies)
            .where(inArray(registryCompanies.creditCode, some));
    found += row?.n ?? 0;
  }
  return found;
}
