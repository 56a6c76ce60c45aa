import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { DraftState } from './drafts.ts';
import { FormRenderer } from './FormRenderer.tsx';
import type { FormStart, useFormFilling } from './filling.ts';
import type { UploadedFile } from './types.ts';

/** Stores a file chosen in a file field (the hash is the field's value). */
export async function uploadFormFile(file: File): Promise<UploadedFile> {
  const stored = await api.upload<{ sha256: string }>(
    `/api/files?name=${encodeURIComponent(file.name)}`,
    file,
    file.type || 'application/octet-stream',
  );
  return { sha256: stored.sha256, fileName: file.name };
}

type Props = {
  start: FormStart;
  filling: ReturnType<typeof useFormFilling>;
  size?: 'default' | 'large';
  /** Online: the autosaved draft, and when the one resumed was saved. */
  draft?: { state: DraftState; resumedAt: string | null };
  /** The heading's level (a page's part, or a kiosk screen's). */
  level?: 4 | 3;
};

const time = (date: Date) => date.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

/**
 * The application form of an application page (online, kiosk, counter, agent): its heading, how
 * many fields were filled in from data, the draft's state, the banner of problems, the renderer.
 */
export function FormBlock({ start, filling, size = 'default', draft, level = 4 }: Props) {
  const { t } = useTranslation();
  const prefilled = Object.keys(start.sources).length;
  return (
    <section className="form-block" data-testid="application-form">
      <div className="form-block-head">
        <Typography.Title level={level} className="form-block-title">
          {t('forms.title')}
        </Typography.Title>
        {draft ? <DraftNote {...draft} /> : null}
      </div>
      {prefilled > 0 ? (
        <Alert
          type="success"
          showIcon
          className="form-block-alert"
          data-testid="form-prefilled"
          title={t('forms.prefilled', { prefilled })}
        />
      ) : null}
      {draft?.resumedAt ? (
        <Alert
          type="info"
          showIcon
          className="form-block-alert"
          data-testid="draft-resumed"
          title={t('forms.draftResumed', { time: new Date(draft.resumedAt).toLocaleString('zh-CN') })}
        />
      ) : null}
      <FormRenderer
        definition={start.definition}
        values={filling.values}
        onChange={filling.setValues}
        sources={start.sources}
        issues={filling.issues}
        size={size}
        uploadFile={uploadFormFile}
      />
      {filling.issues.length ? (
        <Alert
          type="error"
          showIcon
          className="form-block-alert"
          data-testid="form-issues"
          title={t('forms.issues', { count: filling.issues.length })}
        />
      ) : null}
    </section>
  );
}

function DraftNote({ state }: { state: DraftState }) {
  const { t } = useTranslation();
  const text =
    state.status === 'saving'
      ? t('forms.draftSaving')
      : state.status === 'failed'
        ? t('forms.draftFailed')
        : state.savedAt
          ? t('forms.draftSaved', { time: time(state.savedAt) })
          : null;
  if (!text) return null;
  return (
    <span
      className={`form-draft-note form-draft-${state.status}`}
      data-testid="draft-note"
      data-status={state.status}
    >
      {text}
    </span>
  );
}
