import type { ColumnField, FormDefinition, FormField, FormValues } from '../../common/forms/schema.ts';
import { validateForm } from '../../common/forms/validate.ts';

/*
 * The example values of a 样表 (sample application form): a plausible value for each field, from
 * its binding (the data element it stands for), its label, or its type; within its rules.
 */

/** A resident ID number and a credit code with their check characters, of no one. */
export const SAMPLE_ID_NUMBER = '610102199003071238';
export const SAMPLE_CREDIT_CODE = '91610102MA6W00001M';
const SAMPLE_ADDRESS = '陕西省西安市新城区西一路218号';
/** The hash a sample's file fields name (no stored file): printed as 已附. */
export const SAMPLE_FILE = 'e'.repeat(64);

/** Examples of the data elements (common/forms/elements.ts) a text field may be bound to. */
const ELEMENT_SAMPLES: Record<string, string> = {
  personName: '张三',
  personIdNumber: SAMPLE_ID_NUMBER,
  personSex: '男',
  personEthnicity: '汉族',
  personBirthDate: '1990-03-07',
  personAddress: SAMPLE_ADDRESS,
  residenceAddress: SAMPLE_ADDRESS,
  mobilePhone: '13800138000',
  email: 'zhangsan@example.com',
  entityName: '西安市示例餐饮管理有限公司',
  creditCode: SAMPLE_CREDIT_CODE,
  entityType: '有限责任公司（自然人投资或控股）',
  legalRepresentative: '张三',
  legalRepresentativeIdNumber: SAMPLE_ID_NUMBER,
  registeredCapital: '壹佰万元整',
  establishedOn: '2020-05-18',
  businessTerm: '长期',
  registeredAddress: SAMPLE_ADDRESS,
  businessScope: '餐饮服务；食品销售',
  premises: SAMPLE_ADDRESS,
  contactName: '李四',
  contactPhone: '13800138000',
  postalCode: '710004',
};

/** Examples by what a text field's label asks for, the first that matches. */
const LABEL_SAMPLES: [RegExp, string][] = [
  [/邮箱|电子邮件/, 'zhangsan@example.com'],
  [/邮编|邮政编码/, '710004'],
  [/网站|网址/, 'https://www.example.com'],
  [/姓名|联系人|负责人|代表人|经办人|申请人/, '张三'],
  [/地址|住所|场所|地点|坐落/, SAMPLE_ADDRESS],
  [/名称|单位/, '西安市示例餐饮管理有限公司'],
  [/电话|手机/, '13800138000'],
];

/** A number within the field's range, 120 when the range allows. */
function withinRange(field: ColumnField | FormField, preferred: number): number {
  const { min, max } = field.validation ?? {};
  if (min !== undefined && preferred < min) return min;
  if (max !== undefined && preferred > max) return max;
  return preferred;
}

function textSample(field: ColumnField | FormField, row: number): string {
  const element = field.binding ? ELEMENT_SAMPLES[field.binding] : undefined;
  if (element) return element;
  const byLabel = LABEL_SAMPLES.find(([pattern]) => pattern.test(field.label))?.[1];
  if (byLabel) return row > 0 && byLabel === '张三' ? '李四' : byLabel;
  return field.type === 'textarea' ? `按实际情况填写${field.label}` : `（${field.label}）`;
}

/** A plausible value of a field (`row`: which row of a table, so that rows differ). */
function sampleOf(field: ColumnField | FormField, region: string, row = 0): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'address':
      return textSample(field, row);
    case 'number':
      return withinRange(field, 120);
    case 'money':
      return withinRange(field, 100_000);
    case 'date':
      return '2026-06-01';
    case 'dateRange':
      return { from: '2026-06-01', to: '2031-05-31' };
    case 'region':
      return region;
    case 'choice':
      return field.options?.[0]?.value;
    case 'multiChoice': {
      const { minItems, maxItems } = field.validation ?? {};
      const count = Math.min(Math.max(minItems ?? 1, 2), maxItems ?? 2, field.options?.length ?? 0);
      return (field.options ?? []).slice(0, count).map((o) => o.value);
    }
    case 'yesNo':
      return true;
    case 'idNumber':
      return SAMPLE_ID_NUMBER;
    case 'creditCode':
      return SAMPLE_CREDIT_CODE;
    case 'phone':
      return row > 0 ? '13900139000' : '13800138000';
    case 'file':
      return SAMPLE_FILE;
    case 'table': {
      const { minItems, maxItems } = field.validation ?? {};
      const rows = Math.min(Math.max(minItems ?? 0, 2), maxItems ?? 2);
      const columns = (field as FormField).columns ?? [];
      return Array.from({ length: rows }, (_, i) =>
        Object.fromEntries(columns.map((c) => [c.key, sampleOf(c, region, i)])),
      );
    }
  }
}

/**
 * Example values of a whole form, `region` (the matter's region code) for its region fields, `given`
 * (by field key) over them; only the fields shown for them are kept (validateForm drops those whose
 * condition does not hold).
 */
export function sampleValues(definition: FormDefinition, region: string, given: FormValues = {}): FormValues {
  const values: FormValues = {};
  for (const field of definition.sections.flatMap((s) => s.fields)) {
    const value = Object.hasOwn(given, field.key) ? given[field.key] : sampleOf(field, region);
    if (value !== undefined) values[field.key] = value;
  }
  return validateForm(definition, values).values;
}
