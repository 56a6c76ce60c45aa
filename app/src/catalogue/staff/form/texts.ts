import type { TFunction } from 'i18next';
import type { Condition, FieldValidation, FormDefinition } from '../../../../../common/forms/schema.ts';
import type { AnyField } from './model.ts';

/** The field a condition key names: a column of the same row first, then the form's fields. */
export type Resolve = (key: string) => AnyField | undefined;

export function resolverOf(form: FormDefinition | undefined, row?: readonly AnyField[]): Resolve {
  const fields = new Map<string, AnyField>();
  for (const s of form?.sections ?? []) for (const f of s.fields) fields.set(f.key, f);
  return (key) => row?.find((c) => c.key === key) ?? fields.get(key);
}

/** A value as the applicant sees it: a choice's label, 是/否. */
export function valueText(t: TFunction, field: AnyField | undefined, value: unknown): string {
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  const option = field?.options?.find((o) => o.value === value);
  return option ? option.label : String(value);
}

/** A condition in words: “网络经营”为“是”且“经营场所”已填写. */
export function conditionText(t: TFunction, condition: Condition, resolve: Resolve): string {
  const say = (c: Condition, nested: boolean): string => {
    if ('and' in c || 'or' in c) {
      const parts = 'and' in c ? c.and : c.or;
      const joiner = t(`catalogue.staff.formEditor.text.${'and' in c ? 'and' : 'or'}`);
      const text = parts.map((p) => say(p, true)).join(joiner);
      return nested && parts.length > 1 ? `（${text}）` : text;
    }
    if ('not' in c) return t('catalogue.staff.formEditor.text.not', { text: say(c.not, false) });
    const target = resolve(c.field);
    const field = target?.label || c.field;
    if ('equals' in c)
      return t('catalogue.staff.formEditor.text.equals', { field, value: valueText(t, target, c.equals) });
    if ('in' in c)
      return t('catalogue.staff.formEditor.text.in', {
        field,
        values: c.in.map((v) => `“${valueText(t, target, v)}”`).join('、'),
      });
    return t('catalogue.staff.formEditor.text.notEmpty', { field });
  };
  return say(condition, false);
}

/** A field in one line: 经营场所 · 地址 · 必填 · 预填 · “网络经营”为“是”时显示. */
export function fieldSummary(t: TFunction, field: AnyField, resolve: Resolve): string {
  const parts = [field.label || field.key, t(`catalogue.staff.formEditor.types.${field.type}`)];
  if (field.required) parts.push(t('catalogue.staff.formEditor.tag.required'));
  if (field.binding) parts.push(`${t('catalogue.staff.formEditor.tag.binding')} ${field.binding}`);
  if (field.options?.length) parts.push(field.options.map((o) => o.label).join('／'));
  const rules = rulesText(t, field.validation);
  if (rules) parts.push(rules);
  if (field.shownWhen)
    parts.push(
      t('catalogue.staff.formEditor.text.shownWhen', { text: conditionText(t, field.shownWhen, resolve) }),
    );
  if (field.requiredWhen)
    parts.push(
      t('catalogue.staff.formEditor.text.requiredWhen', {
        text: conditionText(t, field.requiredWhen, resolve),
      }),
    );
  return parts.join(' · ');
}

/** The order rules read in (a stored document's keys come back in any order). */
const RULES: readonly (keyof FieldValidation)[] = [
  'min',
  'max',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'pattern',
  'patternMessage',
];

/** A field's validation in words: 最小值 1，最大值 5000. */
export function rulesText(t: TFunction, validation: FieldValidation | undefined): string {
  if (!validation) return '';
  return RULES.filter((rule) => validation[rule] !== undefined)
    .map((rule) => `${t(`catalogue.staff.formEditor.diffProp.${rule}`)} ${String(validation[rule])}`)
    .join('，');
}
