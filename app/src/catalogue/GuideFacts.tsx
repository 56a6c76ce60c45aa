import { useTranslation } from 'react-i18next';
import type { ImplementationDocument } from '../../../common/catalogue/guide.ts';
import { useLabels } from './labels.ts';

/** The figures a citizen looks at first: how long, how many visits, how, and what it costs. */
export function GuideFacts({ document: doc }: { document: ImplementationDocument }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const days = (limit: ImplementationDocument['legalLimit']) =>
    limit.value === 0
      ? t('catalogue.guide.immediate')
      : t('catalogue.guide.days', { value: limit.value, unit: labels.limitUnit[limit.unit] });
  const charged = doc.fees.filter((f) => f.amount > 0 || f.standard);
  const fee =
    charged.length === 0
      ? t('catalogue.guide.free')
      : charged.map((f) => (f.amount > 0 ? `${f.name} ${formatYuan(f.amount)}` : f.name)).join('；');
  const facts: { key: string; label: string; value: string; strong?: boolean }[] = [
    {
      key: 'promised',
      label: t('catalogue.guide.promisedLimit'),
      value: days(doc.promisedLimit),
      strong: true,
    },
    { key: 'legal', label: t('catalogue.guide.legalLimit'), value: days(doc.legalLimit) },
    {
      key: 'visits',
      label: t('catalogue.guide.visits'),
      value: t('catalogue.guide.visitsValue', { count: doc.visitsRequired }),
      strong: true,
    },
    { key: 'mode', label: t('catalogue.guide.mode'), value: labels.realisationMode[doc.realisationMode] },
    { key: 'fee', label: t('catalogue.guide.fee'), value: fee },
    { key: 'case', label: t('catalogue.guide.caseType'), value: labels.caseType[doc.caseType] },
    {
      key: 'object',
      label: t('catalogue.guide.serviceObject'),
      value: labels.serviceObject[doc.serviceObject],
    },
    {
      key: 'channels',
      label: t('catalogue.guide.channels'),
      value: doc.channels.map((c) => labels.channel[c]).join('、'),
    },
  ];
  return (
    <section className="guide-facts" data-testid="guide-facts" aria-label={t('catalogue.guide.keyFacts')}>
      {facts.map((f) => (
        <div key={f.key} className="guide-fact" data-testid={`fact-${f.key}`}>
          <div className="guide-fact-label">{f.label}</div>
          <div className={f.strong ? 'guide-fact-value guide-fact-strong' : 'guide-fact-value'}>
            {f.value}
          </div>
        </div>
      ))}
      {doc.promiseAllowed ? (
        <div className="guide-fact-note">{t('catalogue.guide.promiseAllowed')}</div>
      ) : null}
    </section>
  );
}

export function formatYuan(amount: number): string {
  return `¥${amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;
}
