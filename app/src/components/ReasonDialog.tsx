import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../api/form-errors.ts';

/**
 * A confirmation that needs a reason (撤销, 信用修复 …): the reason is required, `send` posts it
 * trimmed, then the list under `refresh` reloads and the dialog closes; a refusal stays in the
 * dialog, which cannot be closed while the request is on its way. `testId` names the dialog
 * (`<testId>-dialog`, with `data-opened` once its opening animation has ended), the confirm
 * button (`<testId>-confirm`) and the reason (`<testId>-reason`).
 */
export function ReasonDialog(props: {
  title: string;
  okText: string;
  danger?: boolean;
  hint: { type: 'info' | 'warning'; text: string };
  /** What the reason is given for, above the field. */
  subject: ReactNode;
  reasonLabel: string;
  reasonRule: string;
  maxLength: number;
  send: (reason: string) => Promise<unknown>;
  done: string;
  refresh: QueryKey;
  testId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await props.send(reason.trim());
      message.success(props.done);
      await client.invalidateQueries({ queryKey: props.refresh });
      props.onClose();
    } catch (error) {
      setProblem(applyApiError(form, error, t('common.conflict')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, 'data-testid': `${props.testId}-confirm` }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      closable={!busy}
      mask={{ closable: !busy }}
      keyboard={!busy}
      cancelButtonProps={{ disabled: busy }}
      afterOpenChange={setOpened}
      wrapProps={{ 'data-testid': `${props.testId}-dialog`, 'data-opened': opened }}
      destroyOnHidden
    >
      <Alert type={props.hint.type} showIcon title={props.hint.text} className="case-block" />
      <p>{props.subject}</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={props.reasonLabel}
          rules={[{ required: true, whitespace: true, message: props.reasonRule }]}
        >
          <Input.TextArea rows={3} maxLength={props.maxLength} data-testid={`${props.testId}-reason`} />
        </Form.Item>
      </Form>
      {problem ? <Alert type="error" showIcon title={problem} /> : null}
    </Modal>
  );
}
