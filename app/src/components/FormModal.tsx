import { Alert, Form, type FormInstance, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Invalidation, useWrite } from '../api/mutation.ts';

type Props<T> = {
  open: boolean;
  title: string;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  /** The write; a refusal stays in the dialog. */
  onSubmit: (values: T) => Promise<unknown>;
  /** What the write changes (API paths or query keys), marked stale before the dialog closes. */
  invalidates?: readonly Invalidation[];
  /** What a success says (e.g. a message) before the dialog closes. */
  onSaved?: () => unknown;
  onClose: () => void;
  children: React.ReactNode;
  testId?: string;
};

/**
 * A create/edit dialog: validates, submits through useWrite, puts a server's 400 on the field it
 * names and shows anything else (a 409 as "changed by someone else") above the form.
 */
export function FormModal<T extends object>(props: Props<T>) {
  const { open, title, form, initialValues, onSubmit, invalidates, onSaved, onClose, children, testId } =
    props;
  const { t } = useTranslation();
  const save = useWrite<T>({
    action: onSubmit,
    form,
    invalidates,
    onSuccess: async () => {
      await onSaved?.();
      onClose();
    },
  });

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    await save.run(values);
  };

  return (
    <Modal
      open={open}
      title={title}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.busy}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) save.setProblem(null);
      }}
      width={640}
      data-testid={testId}
    >
      {save.problem ? (
        <Alert
          type="error"
          showIcon
          title={save.problem}
          style={{ marginBottom: 16 }}
          data-testid="form-error"
        />
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
