import ExcelJS from 'exceljs';
import type { Static } from 'typebox';
import type { RankingAnswer } from '../../common/assessment/api.ts';
import {
  ASSESSMENT_FIGURES,
  EXPORT_HEADERS,
  FIGURE_LABELS,
  KIND_LABELS,
} from '../../common/assessment/lists.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Ranking = Static<typeof RankingAnswer>;

const percent = (value: number) => Math.round(value * 10_000) / 100;

/** The ranking as a workbook: one row per department or district, the figures behind each score. */
export async function rankingWorkbook(ranking: Ranking): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const complete = ranking.complete ? '' : '（本月截至计算时）';
  workbook.title = `${ranking.region.name}${ranking.month}${KIND_LABELS[ranking.kind].zh}${complete}`;
  const sheet = workbook.addWorksheet(`${ranking.month}${KIND_LABELS[ranking.kind].zh}`, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const figureHeaders = ASSESSMENT_FIGURES.flatMap((f) => [
    `${FIGURE_LABELS[f].name.zh}（%，权重${ranking.weights[f] ?? 0}）`,
    `${FIGURE_LABELS[f].name.zh}（分子/分母）`,
  ]);
  const headers = [
    EXPORT_HEADERS.rank,
    EXPORT_HEADERS.name,
    EXPORT_HEADERS.score,
    ...figureHeaders,
    EXPORT_HEADERS.previousRank,
    EXPORT_HEADERS.flagged,
  ];
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  sheet.columns = headers.map((h, i) => ({ width: i === 1 ? 28 : Math.max(10, h.length * 2) }));
  for (const row of ranking.rows) {
    const added = sheet.addRow([
      row.rank,
      row.name,
      row.score,
      ...ASSESSMENT_FIGURES.flatMap((f) => {
        const figure = row.figures[f];
        return figure.empty
          ? [percent(figure.value), FIGURE_LABELS[f].empty.zh]
          : [percent(figure.value), `${figure.numerator}/${figure.denominator}`];
      }),
      row.previousRank,
      row.flagged ? '是' : '',
    ]);
    if (row.flagged) added.font = { color: { argb: 'FFC00000' }, bold: true };
  }
  for (const idle of ranking.idle) {
    sheet.addRow(['', idle.name, EXPORT_HEADERS.idle]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
