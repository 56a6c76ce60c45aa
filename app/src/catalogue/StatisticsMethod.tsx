import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The catalogue figures, in the order the page shows them. */
export const METHOD_KEYS = [
  'matters',
  'atMostOnce',
  'fullyOnline',
  'immediate',
  'compressionWorking',
  'compressionNatural',
  'visits',
] as const;
export type MethodKey = (typeof METHOD_KEYS)[number];

/** How each figure of the statistics page is computed (计算方法). */
export function StatisticsMethod() {
  const { t } = useTranslation();
  return (
    <Card
      title={t('catalogue.statistics.method.title')}
      className="statistics-card"
      data-testid="statistics-method"
    >
      <Typography.Paragraph type="secondary">{t('catalogue.statistics.method.scope')}</Typography.Paragraph>
      <dl className="statistics-method">
        {METHOD_KEYS.map((key) => (
          <div key={key}>
            <dt>{t(`catalogue.statistics.${key}`)}</dt>
            <dd>{t(`catalogue.statistics.method.${key}`)}</dd>
          </div>
        ))}
      </dl>
      <Typography.Paragraph type="secondary">
        {t('catalogue.statistics.method.reduction')}
      </Typography.Paragraph>
    </Card>
  );
}
