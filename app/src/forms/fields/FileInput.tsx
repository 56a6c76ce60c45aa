import { CheckCircleFilled, UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldContext } from './context.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

type Props = {
  id: string;
  disabled: boolean;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  context: FieldContext;
};

/** A file field: the file uploaded at once (uploadFile), its hash kept as the value, its name shown. */
export function FileInput({ id, disabled, value, onChange, context }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const upload = context.uploadFile;
  const name = value ? (context.fileNames[value] ?? t('forms.uploaded')) : null;
  const chosen = async (file: File) => {
    if (!upload) return;
    setBusy(true);
    try {
      const stored = await upload(file);
      context.rememberFile(stored);
      onChange(stored.sha256);
    } catch (error) {
      message.error(t('forms.uploadFailed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="form-file">
      {name ? (
        <span className="form-file-name" data-testid="form-file-name">
          <CheckCircleFilled style={{ color: '#52c41a' }} /> {name}
        </span>
      ) : null}
      {upload ? (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          disabled={disabled}
          customRequest={({ file }) => void chosen(file as File)}
        >
          <Button id={id} icon={<UploadOutlined />} loading={busy} disabled={disabled}>
            {value ? t('forms.reupload') : t('forms.upload')}
          </Button>
        </Upload>
      ) : value ? null : (
        <span className="form-note">{t('forms.noUpload')}</span>
      )}
    </div>
  );
}
