import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lookup } from '../../../../common/forms/conditions.ts';
import { helpOf, labelOf } from '../format.ts';
import type { FieldSource, FormField, KeptSource } from '../types.ts';
import { levelState } from '../visibility.ts';
import type { FieldContext } from './context.ts';
import { FieldItem } from './FieldItem.tsx';
import { SourceNote } from './SourceNote.tsx';

type Row = Record<string, unknown>;

type Props = {
  field: FormField;
  value: unknown;
  onChange: (value: unknown) => void;
  required: boolean;
  /** The form's fields as the rows' conditions read them. */
  outer: Lookup;
  source?: FieldSource | KeptSource;
  context: FieldContext;
};

const rowsOf = (value: unknown): Row[] =>
  Array.isArray(value) ? value.map((r) => (r && typeof r === 'object' ? (r as Row) : {})) : [];

/** A table: its rows one under another (a card each, fit for a phone), rows added and removed. */
export function TableField({ field, value, onChange, required, outer, source, context }: Props) {
  const { t } = useTranslation();
  const { lang } = context;
  const rows = rowsOf(value);
  const columns = field.columns ?? [];
  const max = field.validation?.maxItems;
  const error = context.errorOf(field.key);
  const help = helpOf(field, lang);
  const setRows = (next: Row[]) => onChange(next.length ? next : undefined);
  const setCell = (index: number, key: string, cell: unknown) =>
    setRows(
      rows.map((row, i) => {
        if (i !== index) return row;
        const { [key]: _old, ...rest } = row;
        return cell === undefined ? rest : { ...rest, [key]: cell };
      }),
    );
  return (
    <fieldset
      className="form-field form-field-wide form-table"
      data-testid="form-field"
      data-path={field.key}
      data-type="table"
      data-prefilled={source !== undefined}
    >
      <legend className={required ? 'form-table-label form-required' : 'form-table-label'}>
        {labelOf(field, lang)}
      </legend>
      {source ? <SourceNote source={source} corrected={false} sourceText="" /> : null}
      {help ? <div className="form-help">{help}</div> : null}
      {rows.length === 0 ? <div className="form-note">{t('forms.noRows')}</div> : null}
      {rows.map((row, i) => {
        const state = levelState(columns, row, outer);
        return (
          // Rows have no identity of their own: the index is what the paths of their problems name.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div className="form-table-row" key={i} data-testid="form-table-row">
            <div className="form-table-row-head">
              <span>{t('forms.row', { n: i + 1 })}</span>
              <Button
                type="link"
                danger
                size="small"
                icon={<DeleteOutlined />}
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
                data-testid="form-row-remove"
              >
                {t('forms.removeRow')}
              </Button>
            </div>
            <div className="form-section-fields">
              {columns
                .filter((c) => state.shown.has(c.key))
                .map((c) => (
                  <FieldItem
                    key={c.key}
                    field={c}
                    path={`${field.key}.${i}.${c.key}`}
                    value={row[c.key]}
                    onChange={(cell) => setCell(i, c.key, cell)}
                    required={state.required(c)}
                    context={context}
                  />
                ))}
            </div>
          </div>
        );
      })}
      {error ? (
        <div className="form-error" data-testid="field-error">
          {error}
        </div>
      ) : null}
      <Button
        icon={<PlusOutlined />}
        disabled={max !== undefined && rows.length >= max}
        onClick={() => {
          context.touch(field.key);
          setRows([...rows, {}]);
        }}
        data-testid="form-row-add"
      >
        {t('forms.addRow')}
      </Button>
    </fieldset>
  );
}
