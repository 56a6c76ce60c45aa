import { isCreditCode, isResidentIdNumber } from '../identity.ts';
import type { FormField } from './schema.ts';

/** A problem with one value: its code and what to say, in Chinese and in English. */
export type Problem = { code: string; message: string; messageEn: string };

type Field = Omit<FormField, 'columns'>;

const problem = (code: string, message: string, messageEn: string): Problem => ({ code, message, messageEn });

/** The default longest text of each text type, when the field's validation gives none. */
const MAX_LENGTH: Partial<Record<FormField['type'], number>> = { text: 200, textarea: 5000, address: 200 };

/** The largest number a field takes, and amount of money (yuan: its fen stay exact). */
const LARGEST = 1e15;
const LARGEST_MONEY = 1e13;

/** An amount in yuan rounded to the fen when it has at most 2 decimals (0.1 + 0.2 → 0.3), else null. */
export function toFen(value: number): number | null {
  const fen = value * 100;
  return Math.abs(Math.round(fen) - fen) <= 1e-6 ? Math.round(fen) : null;
}

/** The first two digits of the GB/T 2260 codes of China's provinces. */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?$/;
const REGION = /^\d{6}(\d{3}){0,2}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const ID_NUMBER_SHAPE = /^[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/;
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Whether a string is a day that exists, YYYY-MM-DD (not the year 0). */
export function isDay(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Characters as a reader counts them (a character outside the BMP is one). */
const length = (value: string) => [...value].length;

export function patternOf(source: string): RegExp | null {
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return null;
  }
}

function textProblems(field: Field, value: string): Problem[] {
  const rules = field.validation ?? {};
  const n = length(value);
  const max = rules.maxLength ?? MAX_LENGTH[field.type];
  if (rules.minLength !== undefined && n < rules.minLength)
    return [
      problem(
        'minLength',
        `${field.label}至少填写${rules.minLength}个字`,
        `at least ${rules.minLength} characters`,
      ),
    ];
  if (max !== undefined && n > max)
    return [problem('maxLength', `${field.label}最多填写${max}个字`, `at most ${max} characters`)];
  const pattern = rules.pattern === undefined ? undefined : patternOf(rules.pattern);
  if (pattern === null || (pattern && !pattern.test(value)))
    return [
      problem(
        'pattern',
        rules.patternMessage ?? `${field.label}的格式不正确`,
        rules.patternMessageEn ?? 'not in the expected format',
      ),
    ];
  return [];
}

function rangeProblems(field: Field, value: number): Problem[] {
  const { min, max } = field.validation ?? {};
  if (min !== undefined && value < min)
    return [problem('min', `${field.label}不能小于${min}`, `must be at least ${min}`)];
  if (max !== undefined && value > max)
    return [problem('max', `${field.label}不能大于${max}`, `must be at most ${max}`)];
  return [];
}

function countProblems(field: Field, count: number, unit: string): Problem[] {
  const { minItems, maxItems } = field.validation ?? {};
  if (minItems !== undefined && count < minItems)
    return [problem('minItems', `${field.label}至少${minItems}${unit}`, `at least ${minItems} items`)];
  if (maxItems !== undefined && count > maxItems)
    return [problem('maxItems', `${field.label}最多${maxItems}${unit}`, `at most ${maxItems} items`)];
  return [];
}

const wrongType = (field: Field, what: string, whatEn: string) =>
  problem('type', `${field.label}应为${what}`, `must be ${whatEn}`);

const optionValues = (field: Field) => new Set((field.options ?? []).map((o) => o.value));

/**
 * The problems of a given (not empty) value of a field that is not a table: its type, then its
 * validation rules. Strings are checked as trimmed (the caller keeps them trimmed).
 */
export function valueProblems(field: Field, value: unknown): Problem[] {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'address':
      if (typeof value !== 'string') return [wrongType(field, '文字', 'text')];
      return textProblems(field, value);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > LARGEST)
        return [wrongType(field, '数字', 'a number')];
      return rangeProblems(field, value);
    case 'money':
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > LARGEST_MONEY)
        return [wrongType(field, '金额（元）', 'an amount in yuan')];
      if (value < 0) return [problem('min', `${field.label}不能为负数`, 'must not be negative')];
      if (toFen(value) === null)
        return [problem('money', `${field.label}最多保留两位小数`, 'at most 2 decimals (fen)')];
      return rangeProblems(field, value);
    case 'date':
      if (typeof value !== 'string' || !isDay(value))
        return [problem('date', `${field.label}不是有效的日期`, 'not a valid date (YYYY-MM-DD)')];
      return [];
    case 'dateRange':
      return rangeOfDays(field, value);
    case 'region':
      if (typeof value !== 'string' || !REGION.test(value) || !PROVINCES.has(value.slice(0, 2)))
        return [
          problem('region', `请选择${field.label}所在的行政区划`, 'not a region code (6, 9 or 12 digits)'),
        ];
      return [];
    case 'choice':
      if (typeof value !== 'string' || !optionValues(field).has(value))
        return [problem('option', `请从列表中选择${field.label}`, 'not one of the options')];
      return [];
    case 'multiChoice':
      return choices(field, value);
    case 'yesNo':
      if (typeof value !== 'boolean')
        return [problem('type', `请选择${field.label}：是或否`, 'must be yes or no')];
      return [];
    case 'idNumber':
      if (typeof value !== 'string' || !ID_NUMBER_SHAPE.test(value))
        return [problem('idNumber', '身份证号码应为18位，请核对', 'not an 18-character resident ID number')];
      if (!isResidentIdNumber(value))
        return [
          problem('idNumber', '身份证号码校验位不正确', 'the check character of the ID number is wrong'),
        ];
      return [];
    case 'creditCode':
      if (typeof value !== 'string' || !CREDIT_CODE_SHAPE.test(value.toUpperCase()))
        return [
          problem(
            'creditCode',
            '统一社会信用代码应为18位，请核对',
            'not an 18-character unified credit code',
          ),
        ];
      if (!isCreditCode(value.toUpperCase()))
        return [
          problem(
            'creditCode',
            '统一社会信用代码校验位不正确',
            'the check character of the credit code is wrong',
          ),
        ];
      return [];
    case 'phone':
      if (typeof value !== 'string' || !(MOBILE.test(value) || LANDLINE.test(value)))
        return [
          problem(
            'phone',
            `${field.label}应为11位手机号码或带区号的固定电话`,
            'not a mainland mobile or landline number',
          ),
        ];
      return [];
    case 'file':
      if (typeof value !== 'string' || !SHA256.test(value))
        return [problem('file', `请重新上传${field.label}`, 'not the sha256 of an uploaded file')];
      return [];
    case 'table':
      return [];
  }
}

function rangeOfDays(field: Field, value: unknown): Problem[] {
  const range = value as { from?: unknown; to?: unknown };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [problem('dateRange', `${field.label}应为起止日期`, 'must be a range of days { from, to }')];
  if (Object.keys(value).some((k) => k !== 'from' && k !== 'to'))
    return [problem('dateRange', `${field.label}应为起止日期`, 'must be a range of days { from, to }')];
  if (
    typeof range.from !== 'string' ||
    typeof range.to !== 'string' ||
    !isDay(range.from) ||
    !isDay(range.to)
  )
    return [problem('dateRange', `请填写${field.label}的起止日期`, 'both days are needed (YYYY-MM-DD)')];
  if (range.from > range.to)
    return [problem('dateRange', `${field.label}的开始日期不能晚于结束日期`, 'the start is after the end')];
  return [];
}

function choices(field: Field, value: unknown): Problem[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    return [wrongType(field, '选项列表', 'a list of options')];
  const allowed = optionValues(field);
  if (!value.every((v) => allowed.has(v)))
    return [problem('option', `请从列表中选择${field.label}`, 'not one of the options')];
  if (new Set(value).size !== value.length)
    return [problem('option', `${field.label}的选项重复`, 'an option is chosen twice')];
  return countProblems(field, value.length, '项');
}

/** The problems of a table's number of rows. */
export const rowCountProblems = (field: Field, rows: number) => countProblems(field, rows, '行');
