import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATERIAL_SOURCES, MATERIAL_TYPES } from '../../../../common/catalogue/elements.ts';
import type { Material } from '../../../../common/catalogue/guide.ts';
import { optionsOf, useLabels } from '../labels.ts';
import { blankMaterial } from './blank.ts';

/** The materials of the document, edited inline: one row per material. */
export function MaterialsTable({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = Form.useFormInstance();
  const f = (key: string) => t(`catalogue.staff.field.${key}` as 'catalogue.staff.field.name');
  const typeOptions = optionsOf(labels, 'materialType').filter((o) =>
    (MATERIAL_TYPES as readonly string[]).includes(o.value),
  );
  const sourceOptions = optionsOf(labels, 'materialSource').filter((o) =>
    (MATERIAL_SOURCES as readonly string[]).includes(o.value),
  );
  return (
    <Form.List name="materials">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={fields}
            data-testid="materials-table"
            columns={[
              {
                title: f('materialName'),
                width: 220,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'name']}
                    noStyle
                    rules={[{ required: true, message: t('common.required', { label: f('materialName') }) }]}
                  >
                    <Input disabled={disabled} aria-label={f('materialName')} />
                  </Form.Item>
                ),
              },
              {
                title: f('materialType'),
                render: (_, field) => (
                  <Form.Item name={[field.name, 'type']} noStyle>
                    <Select style={{ width: 100 }} options={typeOptions} disabled={disabled} />
                  </Form.Item>
                ),
              },
              {
                title: f('paperCopies'),
                render: (_, field) => (
                  <Form.Item name={[field.name, 'paperCopies']} noStyle>
                    <InputNumber min={0} max={20} precision={0} style={{ width: 64 }} disabled={disabled} />
                  </Form.Item>
                ),
              },
              {
                title: f('required'),
                render: (_, field) => (
                  <Form.Item name={[field.name, 'required']} noStyle valuePropName="checked">
                    <Checkbox disabled={disabled} />
                  </Form.Item>
                ),
              },
              {
                title: f('condition'),
                render: (_, field) => (
                  <Form.Item name={[field.name, 'condition']} noStyle>
                    <Input style={{ width: 160 }} disabled={disabled} />
                  </Form.Item>
                ),
              },
              {
                title: f('source'),
                render: (_, field) => (
                  <Form.Item name={[field.name, 'source']} noStyle>
                    <Select style={{ width: 130 }} options={sourceOptions} disabled={disabled} />
                  </Form.Item>
                ),
              },
              {
                title: f('certificateType'),
                render: (_, field) => (
                  <Form.Item name={[field.name, 'certificateType']} noStyle>
                    <Input style={{ width: 120 }} disabled={disabled} />
                  </Form.Item>
                ),
              },
              {
                title: f('gapAllowed'),
                render: (_, field) => (
                  <Form.Item name={[field.name, 'gapAllowed']} noStyle valuePropName="checked">
                    <Checkbox disabled={disabled} />
                  </Form.Item>
                ),
              },
              {
                title: f('notes'),
                render: (_, field) => (
                  <Form.Item name={[field.name, 'notes']} noStyle>
                    <Input style={{ width: 180 }} disabled={disabled} />
                  </Form.Item>
                ),
              },
              {
                title: '',
                render: (_, field) =>
                  disabled ? null : (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('catalogue.staff.remove')}
                      onClick={() => remove(field.name)}
                    />
                  ),
              },
            ]}
          />
          {disabled ? null : (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() => {
                const taken = ((form.getFieldValue('materials') ?? []) as Material[]).map((m) => m.key);
                add(blankMaterial(taken));
              }}
            >
              {t('catalogue.staff.addMaterial')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
