import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImplementationDocument } from '../../../../common/catalogue/guide.ts';
import { ApiError } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { catalogueApi, IMPLEMENTATIONS, useRefreshImplementations } from './api.ts';
import { DocumentFields } from './DocumentForm.tsx';
import type { VersionState } from './types.ts';

/** 'document.materials[0].name' or '/document/materials/0/name' → ['materials', 0, 'name']. */
export function formPath(field: string): (string | number)[] {
  const parts = field
    .replace(/^body[./]?/, '')
    .split(/[./[\]]+/)
    .filter(Boolean)
    .filter((p) => !p.startsWith('key='))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return parts[0] === 'document' ? parts.slice(1) : parts;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The document as the form holds it, made whole again (empty numbers as 0). */
function toDocument(values: ImplementationDocument): ImplementationDocument {
  return {
    ...values,
    legalLimit: { ...values.legalLimit, value: num(values.legalLimit.value) },
    promisedLimit: { ...values.promisedLimit, value: num(values.promisedLimit.value) },
    visitsRequired: num(values.visitsRequired),
    steps: values.steps.map((s) => ({ ...s, days: num(s.days), description: s.description ?? '' })),
    fees: values.fees.map((f) => ({ ...f, amount: num(f.amount), standard: f.standard ?? '' })),
    materials: values.materials.map((m) => ({
      ...m,
      paperCopies: num(m.paperCopies),
      condition: m.condition ?? '',
      certificateType: m.certificateType ?? '',
      notes: m.notes ?? '',
      form: m.form ?? '',
    })),
    places: values.places.map((p) => ({ ...p, window: p.window ?? '' })),
    specialProcedures: values.specialProcedures.map((p) => ({
      ...p,
      maxDays: num(p.maxDays) || 1,
      notes: p.notes ?? '',
    })),
  };
}

type Props = { implementationId: string; draft: VersionState };

/** Edits the open draft; saving sends its rev, and a stale rev is reported as someone else's change. */
export function DraftEditor({ implementationId, draft }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshImplementations();
  const [form] = Form.useForm<ImplementationDocument>();
  const [banner, setBanner] = useState<{ text: string; conflict: boolean } | null>(null);
  const write = useWrite<ImplementationDocument>({
    action: (document) => catalogueApi.saveDraft(implementationId, draft.rev, document),
    invalidates: [IMPLEMENTATIONS],
    onSuccess: () => message.success(t('catalogue.staff.draftSaved')),
    refused: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.code === 'resource.conflict') {
        setBanner({ text: t('common.conflict'), conflict: true });
      } else if (error instanceof ApiError && error.status === 400 && error.field) {
        const path = formPath(error.field);
        if (path.length && form.getFieldInstance(path) !== undefined) {
          form.setFields([{ name: path as never, errors: [error.message] }]);
          form.scrollToField(path as never);
        } else setBanner({ text: error.message, conflict: false });
      } else {
        setBanner({ text: error instanceof Error ? error.message : String(error), conflict: false });
      }
      return true;
    },
  });

  const save = async () => {
    setBanner(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    await write.run(toDocument(form.getFieldsValue(true) as ImplementationDocument));
  };

  return (
    <Form<ImplementationDocument>
      form={form}
      layout="vertical"
      initialValues={draft.document}
      data-testid="draft-editor"
      onFinish={() => void save()}
    >
      {banner ? (
        <Alert
          type="error"
          showIcon
          title={banner.text}
          data-testid="editor-error"
          style={{ marginBottom: 12 }}
          action={
            banner.conflict ? (
              <Button size="small" onClick={() => void refresh()}>
                {t('common.refresh')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <DocumentFields disabled={false} />
      <Space className="editor-actions">
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={write.busy}
          data-testid="save-draft"
        >
          {t('catalogue.staff.saveDraft')}
        </Button>
      </Space>
    </Form>
  );
}
