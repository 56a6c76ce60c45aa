import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Collapse, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIGURE_KEYS, PROMISE_KEYS } from '../../../common/statistics/figures.ts';
import type { PromiseFigure } from './api.ts';
import { promiseUnit, useFormat } from './format.ts';

/** What the catalogue promises over the published matters in scope, each with what it was counted from. */
export function PromisesCard({ promises }: { promises: PromiseFigure[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card
      size="small"
      className="statistics-card"
      title={t('statistics.promises')}
      data-testid="statistics-promises"
    >
      <Typography.Paragraph type="secondary" className="statistics-hint">
        {t('statistics.promisesHint')}
      </Typography.Paragraph>
      <dl className="statistics-promises">
        {promises.map((p) => (
          <div key={p.key} data-testid="promise" data-promise={p.key}>
            <dt>
              {format.promiseName(p.key)}
              <Tooltip title={format.promiseFormula(p.key)}>
                <InfoCircleOutlined className="statistics-info" aria-label={t('statistics.formula')} />
              </Tooltip>
            </dt>
            <dd>
              <span className="statistics-promise-value" data-testid="promise-value">
                {format.value(promiseUnit(p.key), p.value)}
              </span>
              <Typography.Text type="secondary" className="statistics-fraction">
                {format.fraction(p.numerator, p.denominator)}
              </Typography.Text>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** 计算方法: how every figure and every promise is computed. */
export function MethodsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = (items: { key: string; name: string; formula: string }[]) => (
    <dl className="statistics-methods">
      {items.map((item) => (
        <div key={item.key} data-testid="method" data-figure={item.key}>
          <dt>{item.name}</dt>
          <dd>{item.formula}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <Card size="small" className="statistics-card" data-testid="statistics-methods">
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'figures',
            label: <Typography.Text strong>{t('statistics.methods')}</Typography.Text>,
            children: (
              <>
                {list(
                  FIGURE_KEYS.map((key) => ({
                    key,
                    name: format.figureName(key),
                    formula: format.figureFormula(key),
                  })),
                )}
                <Typography.Paragraph strong>{t('statistics.methodsPromises')}</Typography.Paragraph>
                {list(
                  PROMISE_KEYS.map((key) => ({
                    key,
                    name: format.promiseName(key),
                    formula: format.promiseFormula(key),
                  })),
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
