import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SPECIAL_PROCEDURES, STEP_NAMES } from '../../../../common/catalogue/elements.ts';
import type { Fee, Place, Step } from '../../../../common/catalogue/guide.ts';
import { useLabels } from '../labels.ts';

type Column = {
  key: string;
  label: string;
  width?: number;
  /** Takes the rest of the row's width. */
  grow?: boolean;
  input: React.ReactNode;
  required?: boolean;
};

type RowsProps = {
  name: string;
  disabled: boolean;
  addLabel: string;
  max: number;
  blank: () => object;
  columns: Column[];
};

/** Rows of small inputs for one array of the document (steps, fees, places, …). */
function Rows({ name, disabled, addLabel, max, blank, columns }: RowsProps) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div className="editor-rows" data-testid={`rows-${name}`}>
          {fields.map((field, index) => (
            <div key={field.key} className="editor-row">
              <span className="editor-row-no">{index + 1}</span>
              {columns.map((c) => (
                <Form.Item
                  key={c.key}
                  name={[field.name, c.key]}
                  label={c.label}
                  style={c.grow ? { flex: '1 1 0', minWidth: 160 } : { width: c.width ?? 160 }}
                  rules={
                    c.required ? [{ required: true, message: t('common.required', { label: c.label }) }] : []
                  }
                >
                  {c.input}
                </Form.Item>
              ))}
              {disabled ? null : (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('catalogue.staff.remove')}
                  onClick={() => remove(field.name)}
                />
              )}
            </div>
          ))}
          {disabled || fields.length >= max ? null : (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank())}>
              {addLabel}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

function useField() {
  const { t } = useTranslation();
  return (key: string) => t(`catalogue.staff.field.${key}` as 'catalogue.staff.field.name');
}

export function StepsList({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const f = useField();
  const labels = useLabels();
  const blank = (): Step => ({ name: 'accept', role: '', days: 0, description: '' });
  return (
    <Rows
      name="steps"
      disabled={disabled}
      max={5}
      addLabel={t('catalogue.staff.addStep')}
      blank={blank}
      columns={[
        {
          key: 'name',
          label: f('step'),
          width: 110,
          input: (
            <Select
              disabled={disabled}
              options={STEP_NAMES.map((s) => ({ value: s, label: labels.step[s] }))}
            />
          ),
        },
        { key: 'role', label: f('role'), width: 180, required: true, input: <Input disabled={disabled} /> },
        {
          key: 'days',
          label: f('days'),
          width: 80,
          input: <InputNumber min={0} max={3650} precision={0} disabled={disabled} />,
        },
        { key: 'description', label: f('description'), grow: true, input: <Input disabled={disabled} /> },
      ]}
    />
  );
}

export function FeesList({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const f = useField();
  const blank = (): Fee => ({ name: '', amount: 0, standard: '', legalBasis: '' });
  return (
    <Rows
      name="fees"
      disabled={disabled}
      max={30}
      addLabel={t('catalogue.staff.addFee')}
      blank={blank}
      columns={[
        { key: 'name', label: f('feeName'), required: true, input: <Input disabled={disabled} /> },
        {
          key: 'amount',
          label: f('amount'),
          width: 110,
          input: <InputNumber min={0} precision={2} disabled={disabled} />,
        },
        { key: 'standard', label: f('standard'), input: <Input disabled={disabled} /> },
        {
          key: 'legalBasis',
          label: f('legalBasis'),
          grow: true,
          required: true,
          input: <Input disabled={disabled} />,
        },
      ]}
    />
  );
}

export function PlacesList({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const f = useField();
  const blank = (): Place => ({ hallId: null, name: '', window: '', address: '', hours: '' });
  return (
    <Rows
      name="places"
      disabled={disabled}
      max={20}
      addLabel={t('catalogue.staff.addPlace')}
      blank={blank}
      columns={[
        {
          key: 'name',
          label: f('placeName'),
          width: 180,
          required: true,
          input: <Input disabled={disabled} />,
        },
        { key: 'window', label: f('window'), width: 110, input: <Input disabled={disabled} /> },
        {
          key: 'address',
          label: f('address'),
          grow: true,
          required: true,
          input: <Input disabled={disabled} />,
        },
        { key: 'hours', label: f('hours'), grow: true, required: true, input: <Input disabled={disabled} /> },
      ]}
    />
  );
}

export function SpecialProceduresList({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const f = useField();
  const labels = useLabels();
  return (
    <Rows
      name="specialProcedures"
      disabled={disabled}
      max={10}
      addLabel={t('catalogue.staff.addProcedure')}
      blank={() => ({ kind: 'hearing', maxDays: 10, notes: '' })}
      columns={[
        {
          key: 'kind',
          label: f('specialProcedures'),
          width: 130,
          input: (
            <Select
              disabled={disabled}
              options={SPECIAL_PROCEDURES.map((s) => ({ value: s, label: labels.specialProcedure[s] }))}
            />
          ),
        },
        {
          key: 'maxDays',
          label: f('maxDays'),
          width: 90,
          input: <InputNumber min={1} max={3650} precision={0} disabled={disabled} />,
        },
        { key: 'notes', label: f('notes'), grow: true, input: <Input disabled={disabled} /> },
      ]}
    />
  );
}
