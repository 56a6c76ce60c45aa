import { GuideParams } from '../../common/catalogue/api.ts';
import type { App } from '../core/http/types.ts';
import { type FormSheet, formSheetPdf } from './form-pdf.ts';
import { getPublishedGuide } from './guides.ts';

const tags = ['catalogue-public'];

const SHEETS: [FormSheet, string, string][] = [
  ['blank', '空表', '下载申请书空白表格 PDF（有在线申请表的事项；打印后手工填写）'],
  ['sample', '样表', '下载申请书填写样表 PDF（有在线申请表的事项；示例内容，标注“样表”）'],
];

/** The application form of a published matter to print: 空表 and 样表. No sign-in. */
export async function formSheetRoutes(app: App): Promise<void> {
  for (const [sheet, word, summary] of SHEETS) {
    app.get(
      `/catalogue/guides/:implementationId/form-${sheet}.pdf`,
      { schema: { tags, summary, params: GuideParams } },
      async (request, reply) => {
        const db = app.deps.database.db;
        const guide = await getPublishedGuide(db, request.params.implementationId);
        const pdf = await formSheetPdf({ db, guide, sheet, origin: `${request.protocol}://${request.host}` });
        const name = `${guide.document.name}-申请书${word}.pdf`;
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `inline; filename="form-${sheet}-${guide.code}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(pdf);
      },
    );
  }
}
