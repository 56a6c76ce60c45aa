import { GuideFileParams, GuideParams } from '../../common/catalogue/api.ts';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { AppError } from '../core/errors.ts';
import type { App } from '../core/http/types.ts';
import { openFile } from '../files/index.ts';
import { type FormSheet, formSheetPdf } from './form-pdf.ts';
import { getPublishedGuide } from './guides.ts';

const tags = ['catalogue-public'];

const SHEETS: [FormSheet, string, string][] = [
  ['blank', '空表', '下载申请书空白表格 PDF（事项的申请表，或指南所列申请书的通用格式；打印后手工填写）'],
  ['sample', '样表', '下载申请书填写样表 PDF（示例内容，标注“样表”）'],
];

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** The material of a guide that names a file as its blank form or sample, and which of the two. */
function namedFile(document: ImplementationDocument, sha256: string) {
  for (const material of document.materials) {
    if (material.blankFormFile === sha256) return { material, word: '空白表格' };
    if (material.sampleFile === sha256) return { material, word: '示例样表' };
  }
  return null;
}

/**
 * The application form of a published matter to print: 空表 and 样表, and the blank forms and
 * samples its materials name (files of the store, served only by a hash the published guide
 * names). No sign-in.
 */
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

  app.get(
    '/catalogue/guides/:implementationId/files/:sha256',
    {
      schema: {
        tags,
        summary: '下载指南中材料的空白表格或示例样表（仅限已发布指南列出的文件）',
        params: GuideFileParams,
      },
    },
    async (request, reply) => {
      const { database, config } = app.deps;
      const { implementationId, sha256 } = request.params;
      const guide = await getPublishedGuide(database.db, implementationId);
      const named = namedFile(guide.document, sha256);
      if (!named) throw new AppError('resource.not_found', { params: { resource: '文件' } });
      const file = await openFile({ db: database.db, dataDir: config.dataDir, sha256 });
      const name = `${named.material.name}-${named.word}.${EXTENSIONS[file.mediaType] ?? 'pdf'}`;
      return reply
        .type(file.mediaType)
        .header('content-length', file.size)
        .header(
          'content-disposition',
          `inline; filename="${sha256.slice(0, 16)}.${EXTENSIONS[file.mediaType] ?? 'pdf'}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(file.stream);
    },
  );
}
