import { Alert, Form, type FormInstance, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../api/form-errors.ts';

type Props<T> = {
  open: boolean;
  title: string;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  children: React.ReactNode;
  testId?: string;
};

/**
 * A create/edit dialog: validates, submits, puts a server's 400 on the field it names and
 * shows anything else (a 409 as "changed by someone else") above the form.
 */
export function FormModal<T extends object>(props: Props<T>) {
  const { open, title, form, initialValues, onSubmit, onClose, children, testId } = props;
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      setError(applyApiError(form, e, t('common.conflict')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) setError(null);
      }}
      width={640}
      data-testid={testId}
    >
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />
      ) : null}
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        preserve={false}
        onFinish={() => void submit()}
      >
        {children}
      </Form>
    </Modal>
  );
}
