import { Button, Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

type Props<V> = {
  onSearch: (values: V) => void;
  onReset: () => void;
  children: React.ReactNode;
};

/** The filter row above a list: its fields, then 搜索 and 重置 (which also clears the fields). */
export function FilterBar<V extends object>({ onSearch, onReset, children }: Props<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  return (
    <Form<V> form={form} layout="inline" className="filter-bar" onFinish={onSearch}>
      {children}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onReset();
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

/** A filter field for 启用/停用. */
export function ActiveFilter() {
  const { t } = useTranslation();
  return (
    <Form.Item name="active">
      <Select
        allowClear
        placeholder={t('common.status')}
        style={{ width: 110 }}
        options={[
          { value: true, label: t('common.active') },
          { value: false, label: t('common.inactive') },
        ]}
      />
    </Form.Item>
  );
}
