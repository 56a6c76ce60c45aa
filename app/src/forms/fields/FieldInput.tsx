import { Checkbox, DatePicker, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type AnyField, type Lang, optionLabel } from '../format.ts';
import type { FieldContext } from './context.ts';
import { FileInput } from './FileInput.tsx';
import { RegionInput } from './RegionInput.tsx';

type Props = {
  field: AnyField;
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled: boolean;
  context: FieldContext;
};

const DAY = 'YYYY-MM-DD';
/** Radio buttons or check boxes for a list one can read at a glance, a drop-down for a longer one. */
const FEW_OPTIONS = 8;
const FEW_CHOICES = 20;
/** Options in a row when short, one under another otherwise. */
const optionsClass = (count: number) => (count <= 3 ? 'form-options' : 'form-options form-options-column');

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const orUndefined = (value: string) => (value === '' ? undefined : value);
const day = (value: unknown) => {
  if (typeof value !== 'string') return null;
  const d = dayjs(value, DAY, true);
  return d.isValid() ? d : null;
};
const dayText = (d: Dayjs | null) => (d ? d.format(DAY) : undefined);
const numberOf = (value: unknown) => (typeof value === 'number' ? value : null);

/** The control of one field that is not a table, by its type; the value as validateForm expects it. */
export function FieldInput({ field, id, value, onChange, disabled, context }: Props) {
  const { t } = useTranslation();
  const lang: Lang = context.lang;
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: optionLabel(o, lang) }));
  const common = { id, disabled };
  switch (field.type) {
    case 'text':
    case 'idNumber':
    case 'creditCode':
      return (
        <Input
          {...common}
          value={text(value)}
          maxLength={field.type === 'text' ? undefined : 18}
          autoComplete="off"
          onChange={(e) => onChange(orUndefined(e.target.value))}
        />
      );
    case 'phone':
      return (
        <Input
          {...common}
          inputMode="tel"
          autoComplete="tel"
          value={text(value)}
          onChange={(e) => onChange(orUndefined(e.target.value))}
        />
      );
    case 'address':
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={text(value)}
          onChange={(e) => onChange(orUndefined(e.target.value))}
        />
      );
    case 'number':
    case 'money':
      return (
        <InputNumber
          {...common}
          className="form-number"
          value={numberOf(value)}
          min={field.type === 'money' ? 0 : undefined}
          inputMode="decimal"
          suffix={field.type === 'money' ? t('forms.yuan') : undefined}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        />
      );
    case 'date':
      return (
        <DatePicker
          {...common}
          className="form-date"
          value={day(value)}
          format={DAY}
          onChange={(d) => onChange(dayText(d))}
        />
      );
    case 'dateRange':
      return <RangeInput {...common} value={value} onChange={onChange} />;
    case 'region':
      return <RegionInput {...common} value={text(value)} onChange={onChange} />;
    case 'choice':
      return options.length <= FEW_OPTIONS ? (
        <Radio.Group
          {...common}
          className={optionsClass(options.length)}
          value={text(value)}
          options={options}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Select
          {...common}
          value={text(value)}
          options={options}
          placeholder={t('forms.choose')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v) => onChange(v ?? undefined)}
        />
      );
    case 'multiChoice': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      const set = (next: string[]) => onChange(next.length ? next : undefined);
      return options.length <= FEW_CHOICES ? (
        <Checkbox.Group
          {...common}
          className={optionsClass(options.length)}
          value={chosen}
          options={options}
          onChange={(next) => set(next as string[])}
        />
      ) : (
        <Select
          {...common}
          mode="multiple"
          value={chosen}
          options={options}
          placeholder={t('forms.choose')}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={set}
        />
      );
    }
    case 'yesNo':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'boolean' ? value : undefined}
          optionType="button"
          options={[
            { value: true, label: t('forms.yes') },
            { value: false, label: t('forms.no') },
          ]}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'file':
      return <FileInput {...common} value={text(value)} onChange={onChange} context={context} />;
    case 'table':
      return null;
  }
}

function RangeInput({
  id,
  disabled,
  value,
  onChange,
}: {
  id: string;
  disabled: boolean;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const range = (value && typeof value === 'object' ? value : {}) as { from?: unknown; to?: unknown };
  const set = (end: 'from' | 'to', d: Dayjs | null) => {
    const next: Record<string, string> = {};
    const from = end === 'from' ? dayText(d) : text(range.from);
    const to = end === 'to' ? dayText(d) : text(range.to);
    if (from) next.from = from;
    if (to) next.to = to;
    onChange(from || to ? next : undefined);
  };
  return (
    <Space.Compact block className="form-range">
      <DatePicker
        id={id}
        disabled={disabled}
        value={day(range.from)}
        format={DAY}
        placeholder={t('forms.from_')}
        onChange={(d) => set('from', d)}
      />
      <DatePicker
        id={`${id}-to`}
        disabled={disabled}
        value={day(range.to)}
        format={DAY}
        placeholder={t('forms.to')}
        onChange={(d) => set('to', d)}
      />
    </Space.Compact>
  );
}
