import { Card, Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_FIGURES, FIGURE_LABELS } from '../../../common/assessment/lists.ts';
import { useLabel } from './api.ts';

/** How the score is made: the weighted sum of the figures, and how each figure is counted. */
export function FormulaCard({ weights }: { weights: Record<string, number> }) {
  const { t } = useTranslation();
  const label = useLabel();
  const total = ASSESSMENT_FIGURES.reduce((sum, f) => sum + (weights[f] ?? 0), 0);
  const terms = ASSESSMENT_FIGURES.map((f) => `${weights[f] ?? 0} × ${label(FIGURE_LABELS[f].name)}`);
  return (
    <Card size="small" className="assessment-card" data-testid="assessment-formula">
      <Typography.Paragraph strong>{t('assessment.formula')}</Typography.Paragraph>
      <Typography.Paragraph className="assessment-formula-line" data-testid="formula-line">
        {`(${terms.join(' + ')}) ÷ ${total} × 100`}
      </Typography.Paragraph>
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'figures',
            label: t('assessment.formulaScore'),
            children: (
              <dl className="assessment-formulas">
                {ASSESSMENT_FIGURES.map((f) => (
                  <div key={f}>
                    <dt>
                      {label(FIGURE_LABELS[f].name)}（{t('assessment.weight', { weight: weights[f] ?? 0 })}）
                    </dt>
                    <dd>{label(FIGURE_LABELS[f].formula)}</dd>
                  </div>
                ))}
              </dl>
            ),
          },
        ]}
      />
    </Card>
  );
}
