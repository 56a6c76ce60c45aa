import './form-designer.css';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../../common/catalogue/guide.ts';
import type { FormDefinition } from '../../../../../common/forms/schema.ts';
import { useBindingLabel } from './BindingSelect.tsx';
import type { AnyField } from './model.ts';
import { conditionText, type Resolve, resolverOf } from './texts.ts';

type Props = { form: FormDefinition; materials: readonly Material[] };

/** A version's application form as a reviewer reads it: sections, fields, their types, rules, sources and conditions. */
export function FormOutline({ form, materials }: Props) {
  const { t } = useTranslation();
  const bindingLabel = useBindingLabel();
  const count = form.sections.reduce((n, s) => n + s.fields.length, 0);
  const covered = (form.covers ?? []).map((k) => materials.find((m) => m.key === k)?.name ?? k);
  const line = (field: AnyField, resolve: Resolve) => (
    <li key={field.key} data-testid="form-outline-field" data-key={field.key}>
      <span>{field.label}</span> <Tag>{t(`catalogue.staff.formEditor.types.${field.type}`)}</Tag>
      {field.required ? <Tag color="red">{t('catalogue.staff.formEditor.tag.required')}</Tag> : null}
      {field.binding ? (
        <Tag color="green">
          {t('catalogue.staff.formEditor.tag.binding')} {bindingLabel(field.binding)}
        </Tag>
      ) : null}
      {field.binding && field.editable === false ? (
        <Tag>{t('catalogue.staff.formEditor.tag.locked')}</Tag>
      ) : null}
      {field.options?.length ? (
        <div className="fd-outline-note">{field.options.map((o) => o.label).join('／')}</div>
      ) : null}
      {field.shownWhen ? (
        <div className="fd-outline-note">
          {t('catalogue.staff.formEditor.text.shownWhen', {
            text: conditionText(t, field.shownWhen, resolve),
          })}
        </div>
      ) : null}
      {field.requiredWhen ? (
        <div className="fd-outline-note">
          {t('catalogue.staff.formEditor.text.requiredWhen', {
            text: conditionText(t, field.requiredWhen, resolve),
          })}
        </div>
      ) : null}
      {field.help ? <div className="fd-outline-note">{field.help}</div> : null}
      {'columns' in field && field.columns?.length ? (
        <ol>{field.columns.map((c) => line(c, resolverOf(form, field.columns)))}</ol>
      ) : null}
    </li>
  );
  return (
    <section
      className="guide-section fd-form-outline"
      data-testid="guide-form"
      aria-labelledby="guide-form-title"
    >
      <h3 id="guide-form-title" className="guide-section-title">
        {t('catalogue.staff.formEditor.outline.title')}
        <span className="fd-outline-note"> {t('catalogue.staff.formEditor.outline.fields', { count })}</span>
      </h3>
      {covered.length ? (
        <div className="fd-outline-note">
          {t('catalogue.staff.formEditor.outline.covers', { names: covered.join('、') })}
        </div>
      ) : null}
      {form.sections.map((section) => (
        <div key={section.key}>
          <div className="fd-outline-section">{section.title}</div>
          <ol>{section.fields.map((f) => line(f, resolverOf(form)))}</ol>
        </div>
      ))}
    </section>
  );
}
