import { useTranslation } from 'react-i18next';

/** The words formatValue needs, in the UI language. */
export function useWords() {
  const { t } = useTranslation();
  return {
    yes: t('forms.yes'),
    no: t('forms.no'),
    yuan: t('forms.yuan'),
    uploaded: t('forms.uploaded'),
    to: t('forms.until'),
  };
}
