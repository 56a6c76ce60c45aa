import type { FormDefinition, FormField } from '../../common/forms/schema.ts';

const TYPES: FormField['type'][] = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'dateRange',
  'address',
  'choice',
  'multiChoice',
  'yesNo',
  'idNumber',
  'creditCode',
  'phone',
  'region',
];

/**
 * The 60-field form whose render at phone width this bench measures: every type but
 * file and table, half of them required, every seventh shown only when the one before is filled,
 * a third of the text, address and phone fields prefilled; one section.
 */
export function sixtyFields(): { definition: FormDefinition; values: Record<string, unknown> } {
  const fields: FormField[] = Array.from({ length: 60 }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    const options = ['choice', 'multiChoice'].includes(type)
      ? ['甲', '乙', '丙'].map((v) => ({ value: v, label: `选项${v}` }))
      : undefined;
    return {
      key: `f${i}`,
      type,
      label: `第${i + 1}项`,
      required: i % 2 === 0,
      help: i % 5 === 0 ? '填写说明' : undefined,
      ...(options ? { options } : {}),
      ...(i > 0 && i % 7 === 0 ? { shownWhen: { field: `f${i - 1}`, notEmpty: true as const } } : {}),
    };
  });
  const values = Object.fromEntries(
    fields
      .filter((f, i) => i % 3 === 0 && ['text', 'address', 'phone'].includes(f.type))
      .map((f) => [f.key, '示例']),
  );
  return { definition: { sections: [{ key: 'all', title: '全部内容', fields }] }, values };
}
