import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldSource, KeptSource } from '../types.ts';

type Props = {
  source: FieldSource | KeptSource;
  /** The value differs from the source's. */
  corrected: boolean;
  /** The source's value as a reader reads it. */
  sourceText: string;
  /** Puts the source's value back (the renderer only). */
  onRestore?: () => void;
};

/** Where a prefilled value came from (来自 营业执照 …), and when it was changed, the value it had. */
export function SourceNote({ source, corrected, sourceText, onRestore }: Props) {
  const { t } = useTranslation();
  const from = t('forms.from', { label: source.label || t(`forms.sources.${source.source}`) });
  if (!corrected)
    return (
      <div className="form-source" data-testid="field-source" data-source={source.source}>
        <CheckCircleFilled /> {from}
      </div>
    );
  return (
    <div
      className="form-source form-source-corrected"
      data-testid="field-corrected"
      data-source={source.source}
    >
      <EditOutlined /> <strong>{t('forms.corrected')}</strong> · {from} ·{' '}
      <span data-testid="field-source-value">{t('forms.sourceValue', { value: sourceText || '—' })}</span>
      {onRestore ? (
        <Button type="link" size="small" onClick={onRestore} data-testid="field-restore">
          {t('forms.restore')}
        </Button>
      ) : null}
    </div>
  );
}
