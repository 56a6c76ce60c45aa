import type { Condition, FormDefinition, FormIssue } from '../../../../../common/forms/schema.ts';
import type { formEditorZh } from './messages.zh-CN.ts';
import { type AnyField, COUNTED_TYPES, isChoice, isKey, NUMBER_TYPES, TEXT_TYPES } from './model.ts';

/** The editor's own words for what it checks, by name (formEditor.check.*). */
export type Say = (name: keyof typeof formEditorZh.check, params?: Record<string, string>) => string;

function conditionIssues(
  condition: Condition | undefined,
  path: string,
  say: Say,
  add: (i: FormIssue) => void,
) {
  if (!condition) return;
  const walk = (c: Condition): void => {
    if ('and' in c) c.and.forEach(walk);
    else if ('or' in c) c.or.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if (!c.field) add(issue(path, 'condition', say('conditionField')));
    else if (
      ('equals' in c && (c.equals === '' || c.equals === undefined)) ||
      ('in' in c && (!Array.isArray(c.in) || c.in.length === 0))
    )
      add(issue(path, 'condition', say('conditionValue')));
  };
  walk(condition);
}

const issue = (path: string, code: string, message: string): FormIssue => ({
  path,
  code,
  message,
  messageEn: message,
});

function validRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

function fieldIssues(field: AnyField, path: string, say: Say, add: (i: FormIssue) => void) {
  if (!field.label.trim()) add(issue(`${path}.label`, 'label', say('label')));
  if (!isKey(field.key)) add(issue(`${path}.key`, 'key', say('key')));
  if (isChoice(field.type)) {
    const options = field.options ?? [];
    if (options.length === 0) add(issue(`${path}.options`, 'options', say('options')));
    if (options.some((o) => !o.label.trim() || !o.value.trim()))
      add(issue(`${path}.options`, 'options', say('option')));
    const seen = new Set<string>();
    for (const o of options) {
      if (o.value && seen.has(o.value))
        add(issue(`${path}.options`, 'options', say('optionTwice', { value: o.value })));
      seen.add(o.value);
    }
  }
  const v = field.validation;
  if (v) {
    if (v.pattern !== undefined && TEXT_TYPES.includes(field.type) && !validRegExp(v.pattern))
      add(issue(`${path}.validation.pattern`, 'validation', say('pattern')));
    const pairs: [string, number | undefined, number | undefined, boolean][] = [
      ['min', v.min, v.max, NUMBER_TYPES.includes(field.type)],
      ['minLength', v.minLength, v.maxLength, TEXT_TYPES.includes(field.type)],
      ['minItems', v.minItems, v.maxItems, COUNTED_TYPES.includes(field.type)],
    ];
    for (const [rule, low, high, applies] of pairs)
      if (applies && low !== undefined && high !== undefined && low > high)
        add(issue(`${path}.validation.${rule}`, 'validation', say('range')));
  }
  conditionIssues(field.shownWhen, `${path}.shownWhen`, say, add);
  conditionIssues(field.requiredWhen, `${path}.requiredWhen`, say, add);
}

function twiceIssues(fields: { key: string; path: string }[], say: Say, add: (i: FormIssue) => void) {
  const count = new Map<string, number>();
  for (const f of fields) count.set(f.key, (count.get(f.key) ?? 0) + 1);
  for (const f of fields)
    if ((count.get(f.key) ?? 0) > 1) add(issue(`${f.path}.key`, 'key', say('keyTwice', { key: f.key })));
}

/**
 * What the editor can tell before saving, at the paths validateFormDefinition uses: names and keys
 * filled in and unique, choices with options, tables with columns, rules that can hold, conditions
 * complete. The server checks the rest.
 */
export function localIssues(form: FormDefinition, say: Say): FormIssue[] {
  const issues: FormIssue[] = [];
  const add = (i: FormIssue) => {
    if (!issues.some((o) => o.path === i.path && o.message === i.message)) issues.push(i);
  };
  const top: { key: string; path: string }[] = [];
  for (const [s, section] of form.sections.entries()) {
    if (!section.title.trim()) add(issue(`sections.${s}.title`, 'title', say('sectionTitle')));
    if (section.fields.length === 0) add(issue(`sections.${s}`, 'fields', say('sectionEmpty')));
    for (const [f, field] of section.fields.entries()) {
      const path = `sections.${s}.fields.${f}`;
      top.push({ key: field.key, path });
      fieldIssues(field, path, say, add);
      if (field.type !== 'table') continue;
      const columns = field.columns ?? [];
      if (columns.length === 0) add(issue(`${path}.columns`, 'columns', say('columns')));
      for (const [c, column] of columns.entries()) fieldIssues(column, `${path}.columns.${c}`, say, add);
      twiceIssues(
        columns.map((column, c) => ({ key: column.key, path: `${path}.columns.${c}` })),
        say,
        add,
      );
    }
  }
  twiceIssues(top, say, add);
  return issues;
}
