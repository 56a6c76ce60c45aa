import { useTranslation } from 'react-i18next';

type Label = { zh: string; en: string };

/** A label of one of the shared lists (the lists.ts files of common/) in the UI's language (the value itself when unknown). */
export function useListLabel(): (labels: Record<string, Label>, value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (labels, value) => {
    if (!value) return '';
    const label = labels[value];
    return label ? (en ? label.en : label.zh) : value;
  };
}
