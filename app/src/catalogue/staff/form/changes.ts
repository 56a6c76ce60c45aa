import type { TFunction } from 'i18next';
import type { Material } from '../../../../../common/catalogue/guide.ts';
import type {
  Condition,
  FieldOption,
  FieldType,
  FieldValidation,
  FormDefinition,
  FormField,
  FormSection,
} from '../../../../../common/forms/schema.ts';
import type { AnyField } from './model.ts';
import { conditionText, fieldSummary, resolverOf, rulesText } from './texts.ts';

/** The documents a change is read against: the version before and the one after. */
export type Sides = {
  before?: { form?: FormDefinition; materials?: Material[] };
  after?: { form?: FormDefinition; materials?: Material[] };
};

/** A change of the form in words: where (申请表 › 经营信息 › 座位数 › 显示条件) and the values before and after. */
export type FormChange = { where: string[]; before: string; after: string };

type Step = { name: string } | { by: 'key' | 'value'; id: string } | { order: true } | { index: number };

/** `form.sections[key=a].fields[order]` → form, sections, key=a, fields, order. */
function stepsOf(path: string): Step[] | null {
  const steps: Step[] = [];
  const token = /([A-Za-z_]\w*)|\[(key|value)=(.*?)\](?=\.|\[|$)|\[order\]|\[(\d+)\]|\./gy;
  let match: RegExpExecArray | null = token.exec(path);
  let end = 0;
  while (match) {
    end = token.lastIndex;
    if (match[1]) steps.push({ name: match[1] });
    else if (match[2]) steps.push({ by: match[2] as 'key' | 'value', id: match[3]! });
    else if (match[4] !== undefined) steps.push({ index: Number(match[4]) });
    else if (match[0] === '[order]') steps.push({ order: true });
    match = token.exec(path);
  }
  return end === path.length ? steps : null;
}

const PROPS = [
  'key',
  'type',
  'label',
  'labelEn',
  'title',
  'titleEn',
  'description',
  'help',
  'helpEn',
  'required',
  'requiredWhen',
  'shownWhen',
  'validation',
  'options',
  'binding',
  'editable',
  'columns',
  'value',
  'pattern',
  'patternMessage',
  'patternMessageEn',
  'min',
  'max',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
] as const;
type Prop = (typeof PROPS)[number];
const isProp = (name: string): name is Prop => (PROPS as readonly string[]).includes(name);

/** Reads a form change of a version diff; null for a change elsewhere in the document. */
export function describeFormChange(
  t: TFunction,
  change: { path: string; before: unknown; after: unknown },
  sides: Sides,
): FormChange | null {
  const steps = stepsOf(change.path);
  if (!steps || !('name' in (steps[0] ?? {})) || (steps[0] as { name: string }).name !== 'form') return null;
  const d = (key: 'form' | 'covers' | 'section' | 'field' | 'option') =>
    t(`catalogue.staff.formEditor.diff.${key}`);
  const forms = [sides.before?.form, sides.after?.form];
  const where = [d('form')];
  let section: string | undefined;
  let field: string | undefined;
  let column: string | undefined;
  let option: string | undefined;
  let ordered: 'sections' | 'fields' | 'columns' | 'options' | undefined;
  let prop: string[] = [];
  let list = '';

  const sectionOf = (form?: FormDefinition) => form?.sections.find((s) => s.key === section);
  const fieldOf = (form?: FormDefinition): FormField | undefined => {
    const inSection = sectionOf(form)?.fields.find((f) => f.key === field);
    return inSection ?? form?.sections.flatMap((s) => s.fields).find((f) => f.key === field);
  };
  const columnOf = (form?: FormDefinition) => fieldOf(form)?.columns?.find((c) => c.key === column);
  const target = (form?: FormDefinition): AnyField | undefined =>
    column !== undefined ? columnOf(form) : fieldOf(form);
  const latest = <T>(pick: (form?: FormDefinition) => T | undefined) => pick(forms[1]) ?? pick(forms[0]);

  for (const step of steps.slice(1)) {
    if ('name' in step) {
      if (['sections', 'fields', 'columns', 'options'].includes(step.name) && !prop.length) list = step.name;
      else prop.push(step.name);
      continue;
    }
    if ('order' in step) {
      ordered = list as typeof ordered;
      continue;
    }
    const id = 'id' in step ? step.id : String(step.index);
    if (list === 'sections') {
      section = id;
      where.push(latest((f) => sectionOf(f)?.title) ?? id);
    } else if (list === 'fields') {
      field = id;
      where.push(latest((f) => fieldOf(f)?.label) ?? id);
    } else if (list === 'columns') {
      column = id;
      where.push(latest((f) => columnOf(f)?.label) ?? id);
    } else if (list === 'options') {
      option = id;
      const label = latest((f) => target(f)?.options?.find((o) => o.value === id)?.label);
      where.push(`${d('option')}“${label ?? id}”`);
    }
    list = '';
  }
  if (list === 'covers' || prop[0] === 'covers') {
    where.push(d('covers'));
    prop = [];
  }
  const last = prop.at(-1);
  if (last && isProp(last)) where.push(t(`catalogue.staff.formEditor.diffProp.${last}`));
  else if (prop.length) where.push(prop.join('.'));
  if (ordered) where.push(t('catalogue.staff.formEditor.diffProp.order'));

  const materials = new Map(
    [...(sides.before?.materials ?? []), ...(sides.after?.materials ?? [])].map((m) => [m.key, m.name]),
  );
  const say = (value: unknown, side: 0 | 1): string => {
    if (value === undefined || value === null) return '—';
    const form = forms[side] ?? forms[1 - side];
    const resolve = resolverOf(form, column !== undefined ? fieldOf(form)?.columns : undefined);
    if (ordered && Array.isArray(value)) {
      const name = (id: string) => {
        if (ordered === 'sections') return form?.sections.find((s) => s.key === id)?.title ?? id;
        if (ordered === 'fields') return sectionOf(form)?.fields.find((f) => f.key === id)?.label ?? id;
        if (ordered === 'columns') return fieldOf(form)?.columns?.find((c) => c.key === id)?.label ?? id;
        return target(form)?.options?.find((o) => o.value === id)?.label ?? id;
      };
      return value.map((id) => name(String(id))).join(' → ');
    }
    if (where.at(-1) === d('covers') && Array.isArray(value))
      return value.map((k) => materials.get(String(k)) ?? String(k)).join('、') || '—';
    if (last === 'shownWhen' || last === 'requiredWhen') return conditionText(t, value as Condition, resolve);
    if (last === 'type') return t(`catalogue.staff.formEditor.types.${value as FieldType}`);
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (!prop.length && typeof value === 'object') {
      if (option !== undefined) {
        const o = value as FieldOption;
        return o.label === o.value ? o.label : `${o.label}（${o.value}）`;
      }
      if (field !== undefined) return fieldSummary(t, value as AnyField, resolve);
      if (section !== undefined) {
        const s = value as FormSection;
        return `${d('section')}“${s.title}”：${s.fields.map((f) => f.label).join('、')}`;
      }
      const whole = value as FormDefinition;
      if (Array.isArray(whole.sections))
        return whole.sections
          .map((s) => `${s.title}（${s.fields.map((f) => f.label).join('、')}）`)
          .join('；');
    }
    if (last === 'options' && Array.isArray(value))
      return (value as FieldOption[]).map((o) => o.label).join('、') || '—';
    if (last === 'validation' && typeof value === 'object') return rulesText(t, value as FieldValidation);
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value) || t('catalogue.staff.formEditor.diffProp.empty');
  };
  return { where, before: say(change.before, 0), after: say(change.after, 1) };
}
