import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_MAX, TEXT_MAX } from '../../../common/inspectors/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import {
  assignFinding,
  type FindingSummary,
  INSPECTORS,
  rectifyFinding,
  rejectFinding,
  useDepartmentOptions,
} from './api.ts';

export type Step = 'assign' | 'reject' | 'rectify';
export type Acting = { finding: FindingSummary; step: Step };

/** 分派 to a department, 不予受理 with a reason, or 提交整改 with the rectification. */
export function FindingDialog({ finding, step, onClose }: Acting & { onClose: () => void }) {
  const { t } = useTranslation();
  if (step === 'assign') return <AssignDialog finding={finding} onClose={onClose} />;
  const rectify = step === 'rectify';
  return (
    <ReasonDialog
      title={t(rectify ? 'inspectors.findings.rectifyTitle' : 'inspectors.findings.rejectTitle')}
      okText={t(rectify ? 'inspectors.findings.rectify' : 'inspectors.findings.reject')}
      danger={!rectify}
      hint={{
        type: rectify ? 'info' : 'warning',
        text: t(rectify ? 'inspectors.findings.rectifyHint' : 'inspectors.findings.rejectHint'),
      }}
      subject={`${finding.findingNo} · ${finding.title}`}
      reasonLabel={t(rectify ? 'inspectors.findings.rectification' : 'inspectors.manage.reason')}
      reasonRule={t(rectify ? 'inspectors.findings.rectificationRule' : 'inspectors.manage.reasonRule')}
      maxLength={rectify ? TEXT_MAX : REASON_MAX}
      send={(text) => (rectify ? rectifyFinding(finding, text) : rejectFinding(finding, text))}
      done={t(rectify ? 'inspectors.findings.rectified' : 'inspectors.findings.rejected')}
      refresh={[INSPECTORS]}
      testId={`finding-${step}`}
      onClose={onClose}
    />
  );
}

function AssignDialog({ finding, onClose }: { finding: FindingSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ departmentId: string }>();
  const [opened, setOpened] = useState(false);
  const departments = useDepartmentOptions();
  const write = useWrite<string>({
    action: (departmentId) => assignFinding(finding, departmentId),
    form,
    invalidates: [INSPECTORS],
    onSuccess: () => {
      message.success(t('inspectors.findings.assigned'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('inspectors.findings.assignTitle')}
      okText={t('inspectors.findings.assign')}
      okButtonProps={{ 'data-testid': 'finding-assign-confirm' }}
      cancelText={t('common.cancel')}
      confirmLoading={write.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      closable={!write.busy}
      afterOpenChange={setOpened}
      wrapProps={{ 'data-testid': 'finding-assign-dialog', 'data-opened': opened }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('inspectors.findings.assignHint')} className="inspector-block" />
      <p>
        {finding.findingNo} · {finding.title}
      </p>
      <Form form={form} layout="vertical" onFinish={({ departmentId }) => write.run(departmentId)}>
        <Form.Item
          name="departmentId"
          label={t('inspectors.findings.department')}
          rules={[{ required: true, message: t('inspectors.findings.departmentRule') }]}
        >
          <Select
            id="finding-department"
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            placeholder={t('inspectors.findings.departmentHint')}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            data-testid="finding-department-select"
          />
        </Form.Item>
      </Form>
      {write.problem ? <Alert type="error" showIcon title={write.problem} /> : null}
    </Modal>
  );
}
