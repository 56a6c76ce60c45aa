import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Popover, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldOption } from '../../../../../common/forms/schema.ts';

type Props = { value: readonly FieldOption[]; onChange: (options: FieldOption[]) => void };

/** The options of a choice: label and value (the value follows the label until typed), order, removal, several pasted at once. */
export function OptionsEditor({ value, onChange }: Props) {
  const { t } = useTranslation();
  const p = (key: 'optionLabel' | 'optionValue' | 'addOption' | 'pasteOptions' | 'pasteOptionsHint') =>
    t(`catalogue.staff.formEditor.prop.${key}`);
  const [pasted, setPasted] = useState('');
  const set = (i: number, option: FieldOption) => onChange(value.map((o, j) => (j === i ? option : o)));
  const swap = (i: number, j: number) => {
    const next = [...value];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  const addLines = () => {
    const taken = new Set(value.map((o) => o.value));
    const added: FieldOption[] = [];
    for (const line of pasted.split(/\r?\n/)) {
      const text = line.trim().slice(0, 100);
      if (!text || taken.has(text)) continue;
      taken.add(text);
      added.push({ value: text, label: text });
    }
    onChange([...value, ...added]);
    setPasted('');
  };
  return (
    <div className="fd-options" data-testid="prop-options">
      {value.map((option, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an option being typed has no identity but its place
        <div key={i} className="fd-option" data-testid="option-row">
          <Input
            size="small"
            placeholder={p('optionLabel')}
            aria-label={p('optionLabel')}
            value={option.label}
            maxLength={100}
            onChange={(e) => {
              const label = e.target.value;
              const follows = option.value === '' || option.value === option.label.trim();
              set(i, { ...option, label, value: follows ? label.trim() : option.value });
            }}
            data-testid="option-label"
          />
          <Input
            size="small"
            placeholder={p('optionValue')}
            aria-label={p('optionValue')}
            value={option.value}
            maxLength={100}
            onChange={(e) => set(i, { ...option, value: e.target.value })}
            data-testid="option-value"
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={i === 0}
            aria-label={t('catalogue.staff.formEditor.moveUp')}
            onClick={() => swap(i, i - 1)}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={i === value.length - 1}
            aria-label={t('catalogue.staff.formEditor.moveDown')}
            onClick={() => swap(i, i + 1)}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('catalogue.staff.formEditor.remove')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <Space>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange([...value, { value: '', label: '' }])}
          data-testid="add-option"
        >
          {p('addOption')}
        </Button>
        <Popover
          trigger="click"
          title={p('pasteOptionsHint')}
          content={
            <Space orientation="vertical">
              <Input.TextArea rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} />
              <Button size="small" type="primary" onClick={addLines}>
                {t('common.confirm')}
              </Button>
            </Space>
          }
        >
          <Button size="small">{p('pasteOptions')}</Button>
        </Popover>
      </Space>
    </div>
  );
}
