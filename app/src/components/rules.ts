import { useTranslation } from 'react-i18next';

/** Form rules for required fields: `required` for typed text (blank is empty), `chosen` for a choice. */
export function useRules() {
  const { t } = useTranslation();
  return {
    required: (label: string) => ({
      required: true,
      whitespace: true,
      message: t('common.required', { label }),
    }),
    chosen: (label: string) => ({ required: true, message: t('common.required', { label }) }),
  };
}
