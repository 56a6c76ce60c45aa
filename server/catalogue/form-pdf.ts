import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { FormDefinition, FormValues } from '../../common/forms/schema.ts';
import { regionCodesOf } from '../../common/forms/texts.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { drawForm } from '../core/pdf/form.ts';
import { APPLICANT_DECLARATION, formHeading, signatureBlock, watermark } from '../core/pdf/form-page.ts';
import { createPdf, finish, footers } from '../core/pdf/layout.ts';
import { regionFullNames } from '../regions/index.ts';
import { SAMPLE_FILE, sampleValues } from './form-samples.ts';
import { formSheetOf, genericForm, genericFormTitle, genericSampleValues } from './generic-form.ts';
import { guidePageUrl } from './guide-pdf.ts';
import type { PublishedGuide } from './guides.ts';

/** The application form of a published matter to print: blank (空表) or filled with examples (样表). */
export type FormSheet = 'blank' | 'sample';

const SUBTITLES: Record<FormSheet, string> = {
  blank: '空白表格（可打印后手工填写，也可在线填写）',
  sample: '填写样表（示例内容，仅供参考）',
};
const GENERIC_SUBTITLES: Record<FormSheet, string> = {
  blank: '空白表格（打印后手工填写，随申请材料提交）',
  sample: '填写样表（示例内容，仅供参考）',
};

/** The form a guide prints: the matter's own, or the generic one of its 申请书 material (generic-form.ts). */
type PrintedForm = {
  definition: FormDefinition;
  title: string;
  generic: boolean;
  /** Sample values over those of form-samples.ts. */
  given: FormValues;
};

function printedForm(document: ImplementationDocument): PrintedForm {
  if (document.form)
    return { definition: document.form, title: `${document.name}申请书`, generic: false, given: {} };
  const sheet = formSheetOf(document);
  const material = sheet && document.materials.find((m) => m.key === sheet.material);
  if (!material) throw new AppError('resource.not_found', { params: { resource: '申请表' } });
  return {
    definition: genericForm(document),
    title: genericFormTitle(document, material),
    generic: true,
    given: genericSampleValues(document),
  };
}

/**
 * The 申请书 of a published matter as an A4 PDF: `blank` every field with a place to write or boxes
 * to tick, when it applies and what it needs (* required); `sample` filled with example values
 * (form-samples.ts) and marked 样表 across every page. A QR code opens the guide, where the form is
 * filled in online. A matter without a form of its own prints the generic form of the 申请书 material
 * its guide lists (generic-form.ts); with neither there is none: a 404.
 */
export async function renderFormSheet(options: {
  db: DbOrTx;
  guide: PublishedGuide;
  sheet: FormSheet;
  origin: string;
}): Promise<Buffer> {
  const { guide, sheet } = options;
  const { definition, title, generic, given } = printedForm(guide.document);
  const values = sheet === 'sample' ? sampleValues(definition, guide.region.code, given) : {};
  const regions = await regionFullNames(options.db, regionCodesOf(definition, values));
  const word = sheet === 'blank' ? '空表' : '样表';
  const doc = createPdf({ title: `${title}（${word}）`, subject: guide.department.name });
  const url = guidePageUrl(options.origin, guide.implementationId);
  await formHeading(doc, {
    title,
    subtitle: (generic ? GENERIC_SUBTITLES : SUBTITLES)[sheet],
    lines: [
      `受理部门：${guide.department.name}`,
      `办理地：${guide.region.name}　　实施编码：${guide.code}`,
      ...(sheet === 'blank' ? ['带 * 的为必填项；注明条件的项目在条件满足时填写。'] : []),
      ...(generic ? ['本表为通用申请书格式；受理部门另有格式要求的，以其要求为准。'] : []),
    ],
    qr: { url, caption: generic ? '扫码查看办事指南' : '扫码在线填写' },
  });
  drawForm(doc, {
    definition,
    mode: sheet,
    values,
    lookups: {
      regionName: (code) => regions.get(code),
      fileName: (sha) => (sha === SAMPLE_FILE ? '已附' : undefined),
    },
  });
  signatureBlock(doc, { declaration: APPLICANT_DECLARATION });
  if (sheet === 'sample') watermark(doc, '样表');
  footers(
    doc,
    (page, pages) => `${title}（${word}）· 第 ${guide.versionNo} 版 · 第 ${page} 页，共 ${pages} 页`,
  );
  return finish(doc);
}

const CACHE_SIZE = 100;
const rendered = new Map<string, Buffer>();

/** The sheet of a published version, rendered once (a published version never changes; the last 100 kept). */
export async function formSheetPdf(options: {
  db: DbOrTx;
  guide: PublishedGuide;
  sheet: FormSheet;
  origin: string;
}): Promise<Buffer> {
  const { guide } = options;
  const key = `${guide.implementationId}:${guide.versionNo}:${options.sheet}:${options.origin}`;
  const cached = rendered.get(key);
  if (cached) return cached;
  const pdf = await renderFormSheet(options);
  if (rendered.size >= CACHE_SIZE) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, pdf);
  return pdf;
}
