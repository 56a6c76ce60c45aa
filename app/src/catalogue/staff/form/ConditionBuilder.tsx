import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../../../common/forms/schema.ts';
import { type AnyField, isChoice, NUMBER_TYPES } from './model.ts';
import { conditionText, type Resolve } from './texts.ts';

type Scalar = string | number | boolean;
type Clause =
  | { field: string; equals: Scalar }
  | { field: string; in: Scalar[] }
  | { field: string; notEmpty: true };
type Operator = 'equals' | 'in' | 'notEmpty';
type Mode = 'always' | 'all' | 'any';

const isClause = (c: Condition): c is Clause => 'field' in c;

/** The condition as a list of simple clauses joined by and / or, or null when it is more than that. */
function parse(condition: Condition | undefined): { mode: Mode; clauses: Clause[] } | null {
  if (!condition) return { mode: 'always', clauses: [] };
  if (isClause(condition)) return { mode: 'all', clauses: [condition] };
  if ('and' in condition && condition.and.every(isClause)) return { mode: 'all', clauses: condition.and };
  if ('or' in condition && condition.or.every(isClause)) return { mode: 'any', clauses: condition.or };
  return null;
}

function build(mode: Mode, clauses: Clause[]): Condition | undefined {
  if (mode === 'always' || clauses.length === 0) return undefined;
  if (clauses.length === 1) return clauses[0];
  return mode === 'all' ? { and: clauses } : { or: clauses };
}

const operatorOf = (c: Clause): Operator => ('equals' in c ? 'equals' : 'in' in c ? 'in' : 'notEmpty');

/** What can be asked of a field of this type. */
function operatorsFor(field: AnyField | undefined): Operator[] {
  if (!field) return ['equals', 'in', 'notEmpty'];
  if (field.type === 'yesNo') return ['equals', 'notEmpty'];
  if (field.type === 'table' || field.type === 'file' || field.type === 'dateRange') return ['notEmpty'];
  return ['equals', 'in', 'notEmpty'];
}

function clauseWith(field: string, operator: Operator, target: AnyField | undefined): Clause {
  if (operator === 'notEmpty') return { field, notEmpty: true };
  if (operator === 'in') return { field, in: [] };
  return { field, equals: target?.type === 'yesNo' ? true : '' };
}

type Props = {
  value: Condition | undefined;
  onChange: (condition: Condition | undefined) => void;
  /** The fields the condition may read (not the field itself). */
  candidates: readonly AnyField[];
  resolve: Resolve;
  testId: string;
};

/** A condition on other fields: none, or clauses (field equals / is one of / is filled in) all or any of which hold. */
export function ConditionBuilder({ value, onChange, candidates, resolve, testId }: Props) {
  const { t } = useTranslation();
  const c = (key: string) =>
    t(`catalogue.staff.formEditor.condition.${key}` as 'catalogue.staff.formEditor.condition.all');
  const parsed = parse(value);
  if (!parsed)
    return (
      <Alert
        type="info"
        title={t('catalogue.staff.formEditor.condition.complex', {
          text: value ? conditionText(t, value, resolve) : '',
        })}
        action={
          <Button size="small" onClick={() => onChange(undefined)}>
            {c('clear')}
          </Button>
        }
      />
    );
  const { mode, clauses } = parsed;
  const set = (next: Clause[], nextMode: Mode = mode) => onChange(build(nextMode, next));
  const setClause = (i: number, clause: Clause) => set(clauses.map((x, j) => (j === i ? clause : x)));
  const fieldOptions = candidates.map((f) => ({ value: f.key, label: f.label || f.key }));

  return (
    <div className="fd-condition" data-testid={testId}>
      <Radio.Group
        size="small"
        optionType="button"
        value={mode}
        onChange={(e) => {
          const next = e.target.value as Mode;
          if (next === 'always') onChange(undefined);
          else set(clauses.length ? clauses : [{ field: '', equals: '' }], next);
        }}
        options={[
          { value: 'always', label: c('always') },
          { value: 'all', label: c('all') },
          { value: 'any', label: c('any') },
        ]}
      />
      {clauses.map((clause, i) => {
        const target = resolve(clause.field);
        const operator = operatorOf(clause);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: clauses have no identity but their place
          <div key={i} className="fd-clause" data-testid="condition-clause">
            <Select
              size="small"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={c('field')}
              aria-label={c('field')}
              className="fd-clause-field"
              value={clause.field || undefined}
              options={fieldOptions}
              onChange={(key: string) => {
                const next = resolve(key);
                const ops = operatorsFor(next);
                setClause(i, clauseWith(key, ops.includes(operator) ? operator : ops[0]!, next));
              }}
              data-testid="condition-field"
            />
            <Select
              size="small"
              aria-label={c('operator')}
              className="fd-clause-operator"
              value={operator}
              options={operatorsFor(target).map((o) => ({ value: o, label: c(o) }))}
              onChange={(o: Operator) => setClause(i, clauseWith(clause.field, o, target))}
              data-testid="condition-operator"
            />
            <ClauseValue clause={clause} target={target} onChange={(next) => setClause(i, next)} />
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('catalogue.staff.formEditor.remove')}
              onClick={() => set(clauses.filter((_, j) => j !== i))}
            />
          </div>
        );
      })}
      {mode !== 'always' ? (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => set([...clauses, { field: '', equals: '' }])}
        >
          {c('add')}
        </Button>
      ) : null}
    </div>
  );
}

function ClauseValue({
  clause,
  target,
  onChange,
}: {
  clause: Clause;
  target: AnyField | undefined;
  onChange: (clause: Clause) => void;
}) {
  const { t } = useTranslation();
  const label = t('catalogue.staff.formEditor.condition.value');
  if ('notEmpty' in clause) return null;
  const numeric = target ? NUMBER_TYPES.includes(target.type) : false;
  if (target?.type === 'yesNo' && 'equals' in clause)
    return (
      <Radio.Group
        size="small"
        value={clause.equals === true}
        onChange={(e) => onChange({ field: clause.field, equals: e.target.value as boolean })}
        options={[
          { value: true, label: t('catalogue.staff.formEditor.condition.yes') },
          { value: false, label: t('catalogue.staff.formEditor.condition.no') },
        ]}
        data-testid="condition-value"
      />
    );
  if (target && isChoice(target.type)) {
    const options = (target.options ?? []).map((o) => ({ value: o.value, label: o.label }));
    return 'equals' in clause ? (
      <Select
        size="small"
        aria-label={label}
        className="fd-clause-value"
        value={clause.equals === '' ? undefined : String(clause.equals)}
        options={options}
        onChange={(v: string) => onChange({ field: clause.field, equals: v })}
        data-testid="condition-value"
      />
    ) : (
      <Select
        size="small"
        mode="multiple"
        aria-label={label}
        className="fd-clause-value"
        value={clause.in.map(String)}
        options={options}
        onChange={(v: string[]) => onChange({ field: clause.field, in: v })}
        data-testid="condition-value"
      />
    );
  }
  if ('in' in clause)
    return (
      <Select
        size="small"
        mode="tags"
        open={false}
        aria-label={label}
        className="fd-clause-value"
        value={clause.in.map(String)}
        onChange={(v: string[]) =>
          onChange({ field: clause.field, in: numeric ? v.map(Number).filter(Number.isFinite) : v })
        }
        data-testid="condition-value"
      />
    );
  if (numeric)
    return (
      <InputNumber
        size="small"
        aria-label={label}
        className="fd-clause-value"
        value={typeof clause.equals === 'number' ? clause.equals : null}
        onChange={(v) => onChange({ field: clause.field, equals: typeof v === 'number' ? v : '' })}
        data-testid="condition-value"
      />
    );
  return (
    <Input
      size="small"
      aria-label={label}
      className="fd-clause-value"
      value={String(clause.equals)}
      maxLength={200}
      onChange={(e) => onChange({ field: clause.field, equals: e.target.value })}
      data-testid="condition-value"
    />
  );
}
