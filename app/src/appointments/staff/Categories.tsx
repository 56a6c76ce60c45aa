import { App, Button, Card, Form, Input, InputNumber, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { SETUP } from './api.ts';
import type { AppointmentCategory, CategoryBody } from './types.ts';

/** A hall's categories (window categories or matters) with their places per slot. */
export function Categories({ hallId, categories }: { hallId: string; categories: AppointmentCategory[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('appointments.staff.categories')} className="appointments-staff-card">
      <Table<AppointmentCategory>
        rowKey="id"
        pagination={false}
        dataSource={categories}
        data-testid="categories"
        columns={[
          { title: t('appointments.staff.categoryName'), render: (_, c) => <CategoryRow category={c} /> },
        ]}
      />
      <NewCategory hallId={hallId} />
    </Card>
  );
}

function CategoryRow({ category }: { category: AppointmentCategory }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryBody>();
  const saving = useWrite<CategoryBody, AppointmentCategory>({
    action: (body) => api.put(`/api/appointments/categories/${encodeURIComponent(category.id)}`, body),
    invalidates: [SETUP],
    form,
    onSuccess: () => message.success(t('appointments.staff.saved')),
  });
  return (
    <Form<CategoryBody>
      form={form}
      layout="inline"
      data-testid="category"
      data-name={category.name}
      initialValues={{ name: category.name, capacity: category.capacity, active: category.active }}
      onFinish={(values) => void saving.run({ ...values, name: values.name.trim() })}
    >
      <Form.Item name="name">
        <Input aria-label={t('appointments.staff.categoryName')} />
      </Form.Item>
      <Form.Item name="capacity" label={t('appointments.staff.capacity')}>
        <InputNumber aria-label={t('appointments.staff.capacity')} data-testid="category-capacity" />
      </Form.Item>
      <Form.Item name="active" valuePropName="checked" label={t('appointments.staff.active')}>
        <Switch />
      </Form.Item>
      <Button htmlType="submit" loading={saving.busy} data-testid="category-save">
        {t('appointments.staff.save')}
      </Button>
      {saving.problem ? <span className="appointments-problem">{saving.problem}</span> : null}
    </Form>
  );
}

function NewCategory({ hallId }: { hallId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryBody>();
  const [open, setOpen] = useState(false);
  const creating = useWrite<CategoryBody, AppointmentCategory>({
    action: (body) => api.post(`/api/appointments/halls/${encodeURIComponent(hallId)}/categories`, body),
    invalidates: [SETUP],
    form,
    onSuccess: () => {
      message.success(t('appointments.staff.saved'));
      form.resetFields();
      setOpen(false);
    },
  });
  if (!open)
    return (
      <Button className="appointments-staff-add" onClick={() => setOpen(true)}>
        {t('appointments.staff.addCategory')}
      </Button>
    );
  return (
    <Form<CategoryBody>
      form={form}
      layout="inline"
      className="appointments-staff-add"
      initialValues={{ name: '', capacity: 4 }}
      onFinish={(values) => void creating.run({ ...values, name: values.name.trim() })}
    >
      <Form.Item name="name" label={t('appointments.staff.categoryName')}>
        <Input />
      </Form.Item>
      <Form.Item name="capacity" label={t('appointments.staff.capacity')}>
        <InputNumber />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={creating.busy}>
        {t('appointments.staff.add')}
      </Button>
      {creating.problem ? <span className="appointments-problem">{creating.problem}</span> : null}
    </Form>
  );
}
