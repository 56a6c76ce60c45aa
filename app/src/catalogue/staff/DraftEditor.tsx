import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Form, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ImplementationDocument } from '../../../../common/catalogue/guide.ts';
import type { FormIssue } from '../../../../common/forms/schema.ts';
import { ApiError } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { catalogueApi, IMPLEMENTATIONS, useRefreshImplementations } from './api.ts';
import { DocumentFields } from './DocumentForm.tsx';
import { localIssues } from './form/checks.ts';
import { FormDesigner } from './form/FormDesigner.tsx';
import { formIssuePath } from './form/model.ts';
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

/**
 * The problems of a refused save that are about the form, at validateFormDefinition's paths: the
 * server lists every problem of the document in details.problems (`document.form.sections[0]…`).
 */
function formIssuesOf(error: ApiError, english: boolean): FormIssue[] {
  const details = error.details as { problems?: unknown } | undefined;
  const listed = (Array.isArray(details?.problems) ? details.problems : []) as {
    field?: unknown;
    problem?: unknown;
    problemEn?: unknown;
  }[];
  const issues: FormIssue[] = [];
  for (const p of listed) {
    const path = typeof p?.field === 'string' ? formIssuePath(p.field) : null;
    if (path === null || typeof p.problem !== 'string') continue;
    const en = typeof p.problemEn === 'string' ? p.problemEn : p.problem;
    issues.push({ path, code: error.code, message: english ? en : p.problem, messageEn: en });
  }
  if (issues.length) return issues;
  const path = error.field ? formIssuePath(error.field) : null;
  return path === null ? [] : [{ path, code: error.code, message: error.message, messageEn: error.message }];
}

type Props = { implementationId: string; draft: VersionState };

/** Edits the open draft; saving sends its rev, and a stale rev is reported as someone else's change. */
export function DraftEditor({ implementationId, draft }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshImplementations();
  const [form] = Form.useForm<ImplementationDocument>();
  const [banner, setBanner] = useState<{ text: string; conflict: boolean } | null>(null);
  // The open tab is in the address (?tab=form): it stays open when the editor starts afresh after a save.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'form' ? 'form' : 'guide';
  const setTab = (next: 'guide' | 'form') =>
    setParams(
      (before) => {
        const after = new URLSearchParams(before);
        if (next === 'form') after.set('tab', 'form');
        else after.delete('tab');
        return after;
      },
      { replace: true },
    );
  const [formIssues, setFormIssues] = useState<FormIssue[]>([]);
  const [reveal, setReveal] = useState(0);
  const showFormIssues = (issues: FormIssue[]) => {
    setFormIssues(issues);
    setTab('form');
    setReveal((n) => n + 1);
  };
  const write = useWrite<ImplementationDocument>({
    action: (document) => catalogueApi.saveDraft(implementationId, draft.rev, document),
    invalidates: [IMPLEMENTATIONS],
    onSuccess: () => message.success(t('catalogue.staff.draftSaved')),
    refused: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.code === 'resource.conflict') {
        setBanner({ text: t('common.conflict'), conflict: true });
      } else if (error instanceof ApiError && error.status === 400 && error.field) {
        // The form's problems go to the form (its tab counts them); the first one says which tab opens.
        const inForm = formIssuesOf(error, i18n.language === 'en');
        if (formIssuePath(error.field) !== null) {
          showFormIssues(inForm);
          return true;
        }
        setFormIssues(inForm);
        setTab('guide');
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
      setTab('guide');
      return;
    }
    const document = toDocument(form.getFieldsValue(true) as ImplementationDocument);
    const own = document.form
      ? localIssues(document.form, (name, params) => t(`catalogue.staff.formEditor.check.${name}`, params))
      : [];
    if (own.length) {
      showFormIssues(own);
      return;
    }
    setFormIssues([]);
    await write.run(document);
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
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as 'guide' | 'form')}
        data-testid="editor-tabs"
        items={[
          {
            key: 'guide',
            label: t('catalogue.staff.formEditor.guideTab'),
            forceRender: true,
            children: <DocumentFields disabled={false} />,
          },
          {
            key: 'form',
            label: (
              <Badge count={formIssues.length} size="small" offset={[8, -2]}>
                <span data-testid="form-tab">{t('catalogue.staff.formEditor.tab')}</span>
              </Badge>
            ),
            forceRender: true,
            children: (
              <Form.Item name="form" noStyle>
                <FormDesigner issues={formIssues} onIssues={setFormIssues} reveal={reveal} />
              </Form.Item>
            ),
          },
        ]}
      />
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
