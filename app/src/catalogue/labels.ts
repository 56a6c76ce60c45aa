import { useTranslation } from 'react-i18next';
import { labelsEn } from './messages.en.ts';
import { labelsZh } from './messages.zh-CN.ts';

export type CodeLabels = typeof labelsZh;

/** The labels of the catalogue's codes in the user's language. */
export function useLabels(): CodeLabels {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? labelsEn : labelsZh;
}

/** Options for a Select over one kind of code. */
export function optionsOf<K extends keyof CodeLabels>(labels: CodeLabels, kind: K) {
  return Object.entries(labels[kind]).map(([value, label]) => ({ value, label: label as string }));
}
