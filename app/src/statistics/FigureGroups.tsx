import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FigureKey } from '../../../common/statistics/figures.ts';
import type { Figure } from './api.ts';
import { FigureCard } from './FigureCard.tsx';
import { FIGURE_GROUPS } from './groups.ts';

/** The figure cards under their group headings (收件与受理, 时效, 跑动与网办, 材料与表单, 评价与热线). */
export function FigureGroups({ figures, onOpen }: { figures: Figure[]; onOpen: (figure: Figure) => void }) {
  const { t } = useTranslation();
  const byKey = new Map<FigureKey, Figure>(figures.map((f) => [f.key, f]));
  return (
    <>
      {FIGURE_GROUPS.map((group) => {
        const shown = group.figures.flatMap((key) => byKey.get(key) ?? []);
        if (shown.length === 0) return null;
        return (
          <section
            key={group.key}
            className="statistics-group"
            data-testid="figure-group"
            data-group={group.key}
          >
            <Typography.Title level={5} className="statistics-group-title">
              {t(`statistics.groups.${group.key}`)}
            </Typography.Title>
            <Row gutter={[12, 12]}>
              {shown.map((figure) => (
                <Col key={figure.key} xs={12} md={8} lg={6} xxl={4}>
                  <FigureCard figure={figure} onOpen={onOpen} />
                </Col>
              ))}
            </Row>
          </section>
        );
      })}
    </>
  );
}
