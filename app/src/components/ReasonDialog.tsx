import type { QueryKey } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';

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
  const [form] = Form.useForm<{ reason: string }>();
  const [opened, setOpened] = useState(false);
  const write = useWrite<string>({
    action: props.send,
    form,
    invalidates: [props.refresh],
    onSuccess: () => {
      message.success(props.done);
      props.onClose();
    },
  });
  const busy = write.busy;
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
      <Form form={form} layout="vertical" onFinish={({ reason }) => write.run(reason.trim())}>
        <Form.Item
          name="reason"
          label={props.reasonLabel}
          rules={[{ required: true, whitespace: true, message: props.reasonRule }]}
        >
          <Input.TextArea rows={3} maxLength={props.maxLength} data-testid={`${props.testId}-reason`} />
        </Form.Item>
      </Form>
      {write.problem ? <Alert type="error" showIcon title={write.problem} /> : null}
    </Modal>
  );
}
