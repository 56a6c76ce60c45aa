import { FORM_ELEMENTS } from '../../../../../common/forms/elements.ts';
import type {
  ColumnField,
  Condition,
  FieldType,
  FormDefinition,
  FormField,
  FormIssue,
  FormSection,
} from '../../../../../common/forms/schema.ts';
import { COUNTED_TYPES, FIELD_TYPES, NUMBER_TYPES, TEXT_TYPES } from '../../../../../common/forms/types.ts';

/*
 * The form being designed, changed by pure functions: every change gives a new definition. What is
 * selected and where a problem is are said by position (section, field, column).
 */

export type AnyField = FormField | ColumnField;

/** The 16 field types in the order the editor offers them. */
export const TYPES = FIELD_TYPES;

export const isChoice = (type: FieldType) => type === 'choice' || type === 'multiChoice';
export { COUNTED_TYPES, NUMBER_TYPES, TEXT_TYPES };

/** A place in the form: a section, a field of it, or a column of a table field. */
export type Place = { s: number; f?: number; c?: number };

export const samePlace = (a: Place | null, b: Place | null) =>
  a !== null && b !== null && a.s === b.s && a.f === b.f && a.c === b.c;

const KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
export const isKey = (key: string) => KEY.test(key);

/** Every field key of the form, columns included. */
export function allKeys(form: FormDefinition): string[] {
  return form.sections.flatMap((s) =>
    s.fields.flatMap((f) => [f.key, ...(f.columns ?? []).map((c) => c.key)]),
  );
}

function unique(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

/** `base1`, `base2`, … the first not taken. */
function numbered(base: string, taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

const ELEMENT_BY_LABEL = new Map<string, string>(Object.entries(FORM_ELEMENTS).map(([k, v]) => [v, k]));

/**
 * A key for a field named `label`: the data element of that name (经营场所 → premises), the words of
 * a Latin name in camel case, or `field` and a number; never one of `taken`.
 */
export function keyFor(label: string, taken: readonly string[], binding?: string): string {
  const bound = binding?.startsWith('certificate:') ? binding.split('.')[1] : binding;
  if (bound && isKey(bound)) return unique(bound, taken);
  const element = ELEMENT_BY_LABEL.get(label.trim());
  if (element) return unique(element, taken);
  const words = label.match(/[A-Za-z][A-Za-z0-9]*/g);
  if (words && /^[\x20-\x7e]+$/.test(label)) {
    const camel = words
      .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
      .join('')
      .slice(0, 36);
    if (isKey(camel)) return unique(camel, taken);
  }
  return numbered('field', taken);
}

export function blankField(type: FieldType, taken: readonly string[]): FormField {
  const field: FormField = { key: keyFor('', taken), type, label: '' };
  return withType(field, type) as FormField;
}

/** The field as a field of another type: options, columns and rules that do not fit are dropped. */
export function withType(field: AnyField, type: FieldType): AnyField {
  const next: FormField = { ...field, type } as FormField;
  if (isChoice(type)) next.options = field.options?.length ? field.options : [];
  else delete next.options;
  if (type === 'table') next.columns = (field as FormField).columns ?? [];
  else delete next.columns;
  if (type === 'table') delete next.binding;
  if (field.validation) {
    const v = { ...field.validation };
    if (!TEXT_TYPES.includes(type)) {
      delete v.pattern;
      delete v.patternMessage;
      delete v.patternMessageEn;
      delete v.minLength;
      delete v.maxLength;
    }
    if (!NUMBER_TYPES.includes(type)) {
      delete v.min;
      delete v.max;
    }
    if (!COUNTED_TYPES.includes(type)) {
      delete v.minItems;
      delete v.maxItems;
    }
    if (Object.keys(v).length) next.validation = v;
    else delete next.validation;
  }
  return next;
}

export function emptyForm(): FormDefinition {
  return { sections: [{ key: 'basic', title: '基本信息', fields: [] as never }] };
}

const replaceAt = <T>(items: readonly T[], i: number, item: T) => items.map((x, j) => (j === i ? item : x));
const without = <T>(items: readonly T[], i: number) => items.filter((_, j) => j !== i);
function swap<T>(items: readonly T[], i: number, j: number): T[] {
  const copy = [...items];
  [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  return copy;
}

const withSections = (form: FormDefinition, sections: FormSection[]): FormDefinition => ({
  ...form,
  sections,
});

export function addSection(form: FormDefinition, title: string): { form: FormDefinition; place: Place } {
  const key = numbered(
    'section',
    form.sections.map((s) => s.key),
  );
  const section = { key, title, fields: [] as never } as FormSection;
  return { form: withSections(form, [...form.sections, section]), place: { s: form.sections.length } };
}

export function updateSection(form: FormDefinition, s: number, patch: Partial<FormSection>): FormDefinition {
  return withSections(form, replaceAt(form.sections, s, { ...form.sections[s]!, ...patch }));
}

export function fieldAt(form: FormDefinition, place: Place): AnyField | undefined {
  if (place.f === undefined) return undefined;
  const field = form.sections[place.s]?.fields[place.f];
  return place.c === undefined ? field : field?.columns?.[place.c];
}

/** The form with the field at `place` (a field or a column) made by `change`. */
export function updateField(
  form: FormDefinition,
  place: Place,
  change: (field: AnyField) => AnyField,
): FormDefinition {
  const section = form.sections[place.s];
  const field = place.f === undefined ? undefined : section?.fields[place.f];
  if (!section || !field || place.f === undefined) return form;
  let next: FormField;
  if (place.c === undefined) next = change(field) as FormField;
  else {
    const column = field.columns?.[place.c];
    if (!column) return form;
    next = { ...field, columns: replaceAt(field.columns!, place.c, change(column) as ColumnField) };
  }
  return updateSection(form, place.s, { fields: replaceAt(section.fields, place.f, next) });
}

export function addField(
  form: FormDefinition,
  s: number,
  type: FieldType,
): { form: FormDefinition; place: Place } {
  const section = form.sections[s]!;
  const field = blankField(type, allKeys(form));
  return {
    form: updateSection(form, s, { fields: [...section.fields, field] }),
    place: { s, f: section.fields.length },
  };
}

export function addColumn(
  form: FormDefinition,
  s: number,
  f: number,
): { form: FormDefinition; place: Place } {
  const table = form.sections[s]!.fields[f]!;
  const taken = (table.columns ?? []).map((c) => c.key);
  const column = blankField('text', taken) as ColumnField;
  const columns = [...(table.columns ?? []), column];
  return {
    form: updateField(form, { s, f }, (t) => ({ ...t, columns }) as FormField),
    place: { s, f, c: columns.length - 1 },
  };
}

/** Removes a section, field or column. */
export function remove(form: FormDefinition, place: Place): FormDefinition {
  if (place.f === undefined) return withSections(form, without(form.sections, place.s));
  const section = form.sections[place.s]!;
  if (place.c === undefined)
    return updateSection(form, place.s, { fields: without(section.fields, place.f) });
  const c = place.c;
  return updateField(form, { s: place.s, f: place.f }, (t) => ({
    ...t,
    columns: without((t as FormField).columns ?? [], c),
  }));
}

/**
 * Moves a section, field or column one place up (-1) or down (1). A field at the edge of its
 * section moves into the next section over. Gives where it went, or null when it cannot move.
 */
export function move(
  form: FormDefinition,
  place: Place,
  delta: -1 | 1,
): { form: FormDefinition; place: Place } | null {
  const { s, f, c } = place;
  if (f === undefined) {
    const to = s + delta;
    if (to < 0 || to >= form.sections.length) return null;
    return { form: withSections(form, swap(form.sections, s, to)), place: { s: to } };
  }
  const section = form.sections[s]!;
  if (c !== undefined) {
    const columns = section.fields[f]!.columns ?? [];
    const to = c + delta;
    if (to < 0 || to >= columns.length) return null;
    return {
      form: updateField(form, { s, f }, (t) => ({ ...t, columns: swap(columns, c, to) }) as FormField),
      place: { s, f, c: to },
    };
  }
  const to = f + delta;
  if (to >= 0 && to < section.fields.length) {
    return { form: updateSection(form, s, { fields: swap(section.fields, f, to) }), place: { s, f: to } };
  }
  const other = s + delta;
  if (other < 0 || other >= form.sections.length) return null;
  const field = section.fields[f]!;
  const target = form.sections[other]!;
  const fields = delta < 0 ? [...target.fields, field] : [field, ...target.fields];
  const sections = form.sections.map((sec, i) =>
    i === s ? { ...sec, fields: without(sec.fields, f) } : i === other ? { ...sec, fields } : sec,
  );
  return { form: withSections(form, sections), place: { s: other, f: delta < 0 ? fields.length - 1 : 0 } };
}

function renamedIn(condition: Condition | undefined, from: string, to: string): Condition | undefined {
  if (!condition || typeof condition !== 'object') return condition;
  if ('and' in condition) return { and: condition.and.map((c) => renamedIn(c, from, to)!) };
  if ('or' in condition) return { or: condition.or.map((c) => renamedIn(c, from, to)!) };
  if ('not' in condition) return { not: renamedIn(condition.not, from, to)! };
  return condition.field === from ? { ...condition, field: to } : condition;
}

function renamedField<T extends AnyField>(field: T, from: string, to: string): T {
  const next = { ...field };
  if (field.shownWhen) next.shownWhen = renamedIn(field.shownWhen, from, to);
  if (field.requiredWhen) next.requiredWhen = renamedIn(field.requiredWhen, from, to);
  return next;
}

/**
 * The field at `place` keyed `key`; conditions that read the old key follow (a form field's in the
 * form and in columns, a column's in its row), unless another field holds the old or the new key.
 */
export function rekey(form: FormDefinition, place: Place, key: string): FormDefinition {
  const old = fieldAt(form, place)?.key;
  const changed = updateField(form, place, (f) => ({ ...f, key }));
  if (old === undefined || old === key) return changed;
  if (place.c !== undefined) {
    const table = changed.sections[place.s]!.fields[place.f!]!;
    const keys = (table.columns ?? []).map((c) => c.key);
    if (keys.filter((k) => k === key || k === old).length !== 1) return changed;
    return updateField(changed, { s: place.s, f: place.f }, (t) => ({
      ...t,
      columns: ((t as FormField).columns ?? []).map((c) => renamedField(c, old, key)),
    }));
  }
  const keys = changed.sections.flatMap((s) => s.fields.map((f) => f.key));
  if (keys.filter((k) => k === key || k === old).length !== 1) return changed;
  return withSections(
    changed,
    changed.sections.map((s) => ({
      ...s,
      fields: s.fields.map((f) => {
        const next = renamedField(f, old, key);
        if (!f.columns || f.columns.some((c) => c.key === old)) return next;
        return { ...next, columns: f.columns.map((c) => renamedField(c, old, key)) };
      }),
    })),
  );
}

/** The labels of the fields whose conditions read the field at `place`. */
export function readersOf(form: FormDefinition, place: Place): string[] {
  const field = fieldAt(form, place);
  if (!field) return [];
  const reads = (f: AnyField) =>
    JSON.stringify([f.shownWhen, f.requiredWhen]).includes(`"field":${JSON.stringify(field.key)}`);
  const readers: string[] = [];
  for (const [si, s] of form.sections.entries()) {
    for (const [fi, f] of s.fields.entries()) {
      const inRow = place.c !== undefined && si === place.s && fi === place.f;
      if (place.c === undefined && f !== field && reads(f)) readers.push(f.label || f.key);
      if (place.c !== undefined && !inRow) continue;
      for (const c of f.columns ?? []) if (c !== field && reads(c)) readers.push(c.label || c.key);
    }
  }
  return readers;
}

/** `sections.0.fields.2.columns.1.options.0.value` → the place and what of it ('options.0.value'). */
export function locate(path: string): { place: Place | null; what: string } {
  const parts = path.split('.');
  if (parts[0] !== 'sections' || parts[1] === undefined || !/^\d+$/.test(parts[1]))
    return { place: null, what: path };
  const s = Number(parts[1]);
  if (parts[2] !== 'fields' || !/^\d+$/.test(parts[3] ?? ''))
    return { place: { s }, what: parts.slice(2).join('.') };
  const f = Number(parts[3]);
  if (parts[4] === 'columns' && /^\d+$/.test(parts[5] ?? ''))
    return { place: { s, f, c: Number(parts[5]) }, what: parts.slice(6).join('.') };
  return { place: { s, f }, what: parts.slice(4).join('.') };
}

/**
 * A path the server names (`document/form/sections/0/fields/2/label`, `body.document.form.covers`)
 * as validateFormDefinition's paths go (`sections.0.fields.2.label`), or null when not in the form.
 */
export function formIssuePath(field: string): string | null {
  const parts = field.split(/[./[\]]+/).filter(Boolean);
  const at = parts.indexOf('form');
  if (at < 0 || (at > 0 && parts[at - 1] !== 'document')) return null;
  return parts.slice(at + 1).join('.');
}

/** The issues of the places `keep` accepts; the rest dropped (they were about what changed). */
export function issuesKept(issues: FormIssue[], keep: (place: Place | null) => boolean): FormIssue[] {
  return issues.filter((i) => keep(locate(i.path).place));
}
