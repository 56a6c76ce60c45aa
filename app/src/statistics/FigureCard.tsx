import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  InfoCircleOutlined,
  MinusOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { Card, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIGURES } from '../../../common/statistics/figures.ts';
import type { Figure, FigureValue } from './api.ts';
import { trend, useFormat } from './format.ts';
import { isListable } from './groups.ts';

/** The value against the previous period: an arrow up or down, green when better, red when worse. */
function Previous({ figure }: { figure: Figure }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { unit } = FIGURES[figure.key];
  const current = figure.current.value;
  const previous = figure.previous.value;
  const direction = trend(figure.key, current, previous);
  const icon =
    direction === null ? null : direction === 'same' ? (
      <MinusOutlined />
    ) : current! > previous! ? (
      <ArrowUpOutlined />
    ) : (
      <ArrowDownOutlined />
    );
  return (
    <div
      className={`statistics-previous statistics-${direction ?? 'none'}`}
      data-testid="figure-previous"
      data-trend={direction ?? 'none'}
    >
      {t('statistics.previous', { value: format.value(unit, previous) })}
      {icon ? (
        <Tooltip title={t(`statistics.${direction!}`)}>
          <span className="statistics-arrow" role="img" aria-label={t(`statistics.${direction!}`)}>
            {icon}
          </span>
        </Tooltip>
      ) : null}
    </div>
  );
}

/** n / d in small text, for shares and averages. */
function Fraction({ figure, value }: { figure: Figure; value: FigureValue }) {
  const format = useFormat();
  const { unit } = FIGURES[figure.key];
  if (unit === 'count' || figure.key === 'p90WorkingDays') return null;
  return (
    <Typography.Text
      type="secondary"
      className="statistics-fraction"
      data-testid="figure-fraction"
      data-numerator={value.numerator}
      data-denominator={value.denominator}
    >
      {format.fraction(value.numerator, value.denominator)}
    </Typography.Text>
  );
}

/**
 * One figure: its value (— with 无数据 when there is nothing to count), what it was counted from, the
 * previous period with an arrow, the catalogue's promise beside it, and how it is computed; greyed
 * with the reason when the scope cannot count it. A figure with cases behind it opens them.
 */
export function FigureCard({ figure, onOpen }: { figure: Figure; onOpen: (figure: Figure) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const definition = FIGURES[figure.key];
  const openable = figure.available && isListable(figure.key);
  const open = () => {
    if (openable) onOpen(figure);
  };
  const hasPromise = definition.promise !== undefined && figure.promise !== undefined;
  return (
    <Card
      size="small"
      hoverable={openable}
      className={`statistics-figure${figure.available ? '' : ' statistics-unavailable'}`}
      data-testid="figure-card"
      data-figure={figure.key}
      data-available={figure.available}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open();
        }
      }}
      role={openable ? 'button' : undefined}
      tabIndex={openable ? 0 : undefined}
    >
      <div className="statistics-figure-name">
        <span data-testid="figure-name">{format.figureName(figure.key)}</span>
        <Tooltip title={format.figureFormula(figure.key)}>
          <InfoCircleOutlined
            className="statistics-info"
            aria-label={t('statistics.formula')}
            data-testid="figure-formula"
            onClick={(event) => event.stopPropagation()}
          />
        </Tooltip>
      </div>
      {figure.available ? (
        <>
          <div className="statistics-figure-value">
            <span data-testid="figure-value">{format.value(definition.unit, figure.current.value)}</span>
            {figure.current.value === null ? (
              <Typography.Text type="secondary" className="statistics-no-data" data-testid="figure-no-data">
                {t('statistics.noData')}
              </Typography.Text>
            ) : null}
          </div>
          <Fraction figure={figure} value={figure.current} />
          <Previous figure={figure} />
          {hasPromise ? (
            <Tag className="statistics-promise" data-testid="figure-promise">
              {t('statistics.promise', { value: format.value(definition.unit, figure.promise ?? null) })}
            </Tag>
          ) : null}
          {openable ? (
            <div className="statistics-open">
              {t('statistics.openCases')} <RightOutlined />
            </div>
          ) : null}
        </>
      ) : (
        <>
          <div className="statistics-figure-value" data-testid="figure-value">
            —
          </div>
          <Typography.Text type="secondary" className="statistics-why" data-testid="figure-unavailable">
            {t('statistics.unavailable')}：{t(`statistics.why.${definition.source}`)}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
