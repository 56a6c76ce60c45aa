import { Compile } from 'typebox/compile';
import { Errors } from 'typebox/value';
import { parseBinding } from './binding.ts';
import { patternOf } from './checks.ts';
import { fieldsOf } from './conditions.ts';
import { isSafePattern } from './pattern-safety.ts';
import {
  CHOICE_TYPES,
  type ColumnField,
  type Condition,
  FormDefinition,
  type FormField,
  type FormIssue,
} from './schema.ts';
import { COUNTED_TYPES, NUMBER_TYPES, TEXT_TYPES } from './types.ts';

/*
 * The rules of a form definition, checked when an editor saves a version's form: the schema, then
 * what a schema cannot say. Server side (it compiles the TypeBox schema); the browser's editor may
 * show the same issues as the server returns them.
 */

const checkShape = Compile(FormDefinition);

type Add = (path: string, code: string, message: string, messageEn: string) => void;
type AnyField = FormField | ColumnField;

/** `/sections/0/fields/2/key` → `sections.0.fields.2.key` */
const pathOf = (instancePath: string) => instancePath.split('/').filter(Boolean).join('.');

function shapeIssues(form: unknown): FormIssue[] {
  const byPath = new Map<string, FormIssue>();
  for (const e of Errors(FormDefinition, form)) {
    const params = e.params as { requiredProperties?: string[]; additionalProperties?: string[] };
    const extra = params.requiredProperties?.[0] ?? params.additionalProperties?.[0];
    const path = [pathOf(e.instancePath), extra].filter(Boolean).join('.');
    if (!byPath.has(path))
      byPath.set(path, {
        path,
        code: 'schema',
        message: `表单定义不正确（${e.keyword}）`,
        messageEn: e.message,
      });
  }
  return [...byPath.values()].slice(0, 20);
}

function duplicates(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const key of keys) (seen.has(key) ? twice : seen).add(key);
  return twice;
}

/** The values a condition compares a field with. */
function comparedValues(condition: Condition, into: { field: string; value: unknown }[] = []) {
  if ('and' in condition) for (const c of condition.and) comparedValues(c, into);
  else if ('or' in condition) for (const c of condition.or) comparedValues(c, into);
  else if ('not' in condition) comparedValues(condition.not, into);
  else if ('equals' in condition) into.push({ field: condition.field, value: condition.equals });
  else if ('in' in condition) for (const value of condition.in) into.push({ field: condition.field, value });
  return into;
}

function checkCondition(
  condition: Condition | undefined,
  path: string,
  self: string,
  resolve: (key: string) => AnyField | undefined,
  add: Add,
) {
  if (!condition) return;
  for (const key of fieldsOf(condition)) {
    if (key === self)
      add(path, 'condition', `条件不能引用字段自身（${key}）`, `refers to the field itself (${key})`);
    else if (!resolve(key))
      add(path, 'condition', `条件引用的字段不存在：${key}`, `refers to no field: ${key}`);
  }
  for (const { field, value } of comparedValues(condition)) {
    const target = resolve(field);
    if (!target) continue;
    const fits = CHOICE_TYPES.includes(target.type)
      ? (target.options ?? []).some((o) => o.value === value)
      : target.type === 'yesNo'
        ? typeof value === 'boolean'
        : true;
    if (!fits)
      add(
        path,
        'condition',
        `条件比较的取值不是${target.label}的选项：${String(value)}`,
        `not a value of ${field}`,
      );
  }
}

function checkRules(field: AnyField, path: string, add: Add) {
  const v = field.validation;
  if (!v) return;
  const refuse = (rule: string) =>
    add(
      `${path}.validation.${rule}`,
      'validation',
      `该类型的字段不适用此校验规则`,
      `${rule} does not apply to ${field.type}`,
    );
  if (v.pattern !== undefined || v.minLength !== undefined || v.maxLength !== undefined) {
    if (!TEXT_TYPES.includes(field.type)) refuse(v.pattern !== undefined ? 'pattern' : 'minLength');
    if (v.pattern !== undefined && patternOf(v.pattern) === null)
      add(`${path}.validation.pattern`, 'validation', '正则表达式无效', 'not a valid regular expression');
    // A pattern runs on what applicants type: nested repetition such as (a+)+ can take exponential time.
    else if (v.pattern !== undefined && !isSafePattern(v.pattern))
      add(
        `${path}.validation.pattern`,
        'validation',
        '正则表达式含嵌套重复（如 (a+)+），校验可能极慢，请改写',
        'nested repetition such as (a+)+ can make the check very slow; rewrite the pattern',
      );
  }
  if ((v.min !== undefined || v.max !== undefined) && !NUMBER_TYPES.includes(field.type)) refuse('min');
  if ((v.minItems !== undefined || v.maxItems !== undefined) && !COUNTED_TYPES.includes(field.type))
    refuse('minItems');
  const pairs: [string, number | undefined, number | undefined][] = [
    ['min', v.min, v.max],
    ['minLength', v.minLength, v.maxLength],
    ['minItems', v.minItems, v.maxItems],
  ];
  for (const [rule, low, high] of pairs)
    if (low !== undefined && high !== undefined && low > high)
      add(`${path}.validation.${rule}`, 'validation', '最小值不能大于最大值', 'the least is above the most');
}

function checkField(field: AnyField, path: string, resolve: (key: string) => AnyField | undefined, add: Add) {
  const isChoice = CHOICE_TYPES.includes(field.type);
  if (isChoice && !field.options?.length)
    add(`${path}.options`, 'options', `请为${field.label}设置选项`, 'a choice needs options');
  if (!isChoice && field.options !== undefined)
    add(`${path}.options`, 'options', '只有选择类字段可以设置选项', 'only choice fields have options');
  for (const value of duplicates((field.options ?? []).map((o) => o.value)))
    add(`${path}.options`, 'options', `选项取值重复：${value}`, `option value twice: ${value}`);
  if (field.binding !== undefined && (field.type === 'table' || parseBinding(field.binding) === null))
    add(
      `${path}.binding`,
      'binding',
      '数据绑定应为国家数据元，或“certificate:证照类型代码.字段”',
      'a binding is a data element key or certificate:<type code>.<field key>',
    );
  checkRules(field, path, add);
  checkCondition(field.shownWhen, `${path}.shownWhen`, field.key, resolve, add);
  checkCondition(field.requiredWhen, `${path}.requiredWhen`, field.key, resolve, add);
}

/** The fields (of one level) whose shownWhen, followed through the others, comes back to them. */
function cyclic(fields: readonly AnyField[]): Set<string> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const found = new Set<string>();
  const reaches = (from: string, target: string, seen: Set<string>): boolean => {
    for (const next of fieldsOf(byKey.get(from)?.shownWhen)) {
      if (next === target) return true;
      if (byKey.has(next) && !seen.has(next)) {
        seen.add(next);
        if (reaches(next, target, seen)) return true;
      }
    }
    return false;
  };
  for (const field of fields) if (reaches(field.key, field.key, new Set())) found.add(field.key);
  return found;
}

function checkLevel(
  fields: readonly { field: AnyField; path: string }[],
  resolve: (key: string) => AnyField | undefined,
  add: Add,
) {
  const twice = duplicates(fields.map((f) => f.field.key));
  const loops = cyclic(fields.map((f) => f.field));
  for (const { field, path } of fields) {
    if (twice.has(field.key))
      add(`${path}.key`, 'key', `字段标识重复：${field.key}`, `key used twice: ${field.key}`);
    if (loops.has(field.key))
      add(`${path}.shownWhen`, 'cycle', '显示条件相互依赖，形成循环', 'shownWhen conditions form a cycle');
    checkField(field, path, resolve, add);
  }
}

/**
 * The issues of a form definition (none when it may be saved): its schema; section keys and field
 * keys unique (a table's columns among themselves); conditions that refer to existing fields (a
 * column to the columns of its row or to the form's fields), never to the field itself, comparing
 * with values the field can take, and shownWhen conditions without a cycle; options for choice
 * fields only, unique; columns for tables only; validation rules that fit the type; bindings
 * well-formed (binding.ts).
 */
export function validateFormDefinition(form: unknown): FormIssue[] {
  if (!checkShape.Check(form)) return shapeIssues(form);
  const definition = form as FormDefinition;
  const issues: FormIssue[] = [];
  const add: Add = (path, code, message, messageEn) => issues.push({ path, code, message, messageEn });
  for (const key of duplicates(definition.sections.map((s) => s.key)))
    add('sections', 'key', `分组标识重复：${key}`, `section key used twice: ${key}`);
  const top = definition.sections.flatMap((section, s) =>
    section.fields.map((field, f) => ({ field, path: `sections.${s}.fields.${f}` })),
  );
  const byKey = new Map(top.map((t) => [t.field.key, t.field]));
  checkLevel(top, (key) => byKey.get(key), add);
  for (const { field, path } of top) {
    if (field.type !== 'table') {
      if (field.columns !== undefined)
        add(`${path}.columns`, 'columns', '只有表格字段可以设置列', 'only a table has columns');
      continue;
    }
    const columns = field.columns ?? [];
    if (columns.length === 0)
      add(`${path}.columns`, 'columns', `请为${field.label}设置列`, 'a table needs columns');
    const own = new Map(columns.map((c) => [c.key, c]));
    checkLevel(
      columns.map((column, c) => ({ field: column, path: `${path}.columns.${c}` })),
      (key) => own.get(key) ?? byKey.get(key),
      add,
    );
  }
  return issues;
}
