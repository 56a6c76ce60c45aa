import { Alert, Button, Drawer, Space } from 'antd';
import { Component, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, FormIssue, FormValues } from '../../../../../common/forms/schema.ts';
import { validateForm } from '../../../../../common/forms/validate.ts';
import { FormRenderer } from '../../../forms/FormRenderer.tsx';

/** A form still being designed may not render (a field half made): the preview then says so. */
class Guard extends Component<
  { children: ReactNode; fallback: ReactNode; definition: unknown },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(before: { definition: unknown }) {
    if (before.definition !== this.props.definition && this.state.failed) this.setState({ failed: false });
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

type Props = { open: boolean; onClose: () => void; definition: FormDefinition };

/** The form as an applicant's phone shows it (a 390 px frame), to be tried out: conditions act, problems show. */
export function PhonePreview({ open, onClose, definition }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>({});
  const [issues, setIssues] = useState<FormIssue[] | undefined>();
  const [checked, setChecked] = useState(false);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={470}
      title={t('catalogue.staff.formEditor.previewTitle')}
      extra={
        <Space>
          <Button
            size="small"
            onClick={() => {
              setValues({});
              setIssues(undefined);
              setChecked(false);
            }}
          >
            {t('catalogue.staff.formEditor.previewClear')}
          </Button>
          <Button
            size="small"
            type="primary"
            onClick={() => {
              const check = validateForm(definition, values);
              setIssues(check.issues);
              setChecked(true);
            }}
            data-testid="preview-check"
          >
            {t('catalogue.staff.formEditor.previewCheck')}
          </Button>
        </Space>
      }
    >
      <div className="fd-phone" data-testid="phone-preview">
        {checked && issues?.length === 0 ? (
          <Alert
            type="success"
            showIcon
            title={t('catalogue.staff.formEditor.previewOk')}
            style={{ margin: 8 }}
          />
        ) : null}
        <Guard
          definition={definition}
          fallback={<Alert type="warning" title={t('catalogue.staff.formEditor.previewBroken')} />}
        >
          <FormRenderer
            layout="phone"
            definition={definition}
            values={values}
            onChange={(next) => {
              setValues(next);
              setChecked(false);
            }}
            issues={issues}
          />
        </Guard>
      </div>
    </Drawer>
  );
}
