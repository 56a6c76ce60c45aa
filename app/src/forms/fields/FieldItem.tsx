import { LockOutlined } from '@ant-design/icons';
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnyField, formatValue, helpOf, labelOf, sameValue } from '../format.ts';
import type { FieldSource, KeptSource } from '../types.ts';
import type { FieldContext } from './context.ts';
import { FieldInput } from './FieldInput.tsx';
import { SourceNote } from './SourceNote.tsx';
import { useWords } from './words.ts';

type Props = {
  field: AnyField;
  /** The key, or `<table>.<row>.<column>` in a table. */
  path: string;
  value: unknown;
  onChange: (value: unknown) => void;
  required: boolean;
  source?: FieldSource | KeptSource;
  context: FieldContext;
  /** The control when it is not one of FieldInput's (a table). */
  children?: ReactNode;
};

/** Types that take the section's whole width on a wide screen (the others take half). */
const WIDE = new Set<string>(['textarea', 'address', 'choice', 'multiChoice', 'dateRange', 'file', 'table']);

/** The id of a field's control, for its label. */
export const controlId = (path: string) => `form-${path.replaceAll('.', '-')}`;

/**
 * One field: its label (required marked), the control, the problem under it, the help text and
 * where a prefilled value came from. A prefilled field the form does not let the applicant change
 * (editable: false) shows its value only.
 */
export function FieldItem({ field, path, value, onChange, required, source, context, children }: Props) {
  const { t } = useTranslation();
  const words = useWords();
  const { lang } = context;
  const error = context.errorOf(path);
  const readOnly = field.editable === false && source !== undefined;
  const corrected = source !== undefined && !sameValue(value, source.value);
  const id = controlId(path);
  const help = helpOf(field, lang);
  const extra =
    help || source ? (
      <>
        {source ? (
          <SourceNote
            source={source}
            corrected={corrected}
            sourceText={formatValue(field, source.value, lang, words, context.fileNames)}
            onRestore={readOnly ? undefined : () => onChange(source.value)}
          />
        ) : null}
        {help ? <div className="form-help">{help}</div> : null}
      </>
    ) : undefined;
  return (
    <fieldset
      className={`form-field${WIDE.has(field.type) ? ' form-field-wide' : ''}`}
      data-testid="form-field"
      data-path={path}
      data-type={field.type}
      data-prefilled={source !== undefined}
      data-corrected={corrected}
      onBlur={() => context.touch(path)}
    >
      <Form.Item
        label={labelOf(field, lang)}
        htmlFor={id}
        required={required}
        validateStatus={error ? 'error' : undefined}
        help={error ? <span data-testid="field-error">{error}</span> : undefined}
        extra={extra}
      >
        {children ??
          (readOnly ? (
            <div id={id} className="form-readonly" title={t('forms.readOnly')} data-testid="field-readonly">
              <LockOutlined /> {formatValue(field, value, lang, words, context.fileNames)}
            </div>
          ) : (
            <FieldInput
              field={field}
              id={id}
              value={value}
              onChange={onChange}
              disabled={false}
              context={context}
            />
          ))}
      </Form.Item>
    </fieldset>
  );
}
