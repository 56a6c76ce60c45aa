import QRCode from 'qrcode';
import { LABELS } from '../../common/catalogue/elements.ts';
import type { TimeLimit } from '../../common/catalogue/guide.ts';
import {
  COLOURS,
  contentWidth,
  createPdf,
  facts,
  finish,
  footers,
  MARGIN,
  type Pdf,
  paragraph,
  section,
  table,
} from '../core/pdf/layout.ts';
import type { PublishedGuide } from './guides.ts';

const QR_SIZE = 92;

const chineseDate = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' });

const limitText = (limit: TimeLimit) =>
  limit.value === 0 ? '即时办结' : `${limit.value} 个${LABELS.limitUnit[limit.unit]}`;

const list = (values: string[], empty = '无') => (values.length ? values.join('、') : empty);

/** The address of a guide's page on the portal, which the QR code opens. */
export function guidePageUrl(origin: string, implementationId: string): string {
  return `${origin.replace(/\/+$/, '')}/guide/${implementationId}`;
}

async function header(doc: Pdf, guide: PublishedGuide, url: string): Promise<void> {
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const left = doc.page.margins.left;
  const textWidth = contentWidth(doc) - QR_SIZE - 16;
  const qrX = left + contentWidth(doc) - QR_SIZE;
  doc.image(qr, qrX, MARGIN, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text('扫码查看在线指南', qrX, MARGIN + QR_SIZE + 2, { width: QR_SIZE, align: 'center' });
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(COLOURS.accent)
    .text('办事指南', left, MARGIN, { width: textWidth });
  doc.moveDown(0.2);
  doc.font('bold').fontSize(20).fillColor(COLOURS.text).text(guide.document.name, { width: textWidth });
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(COLOURS.muted)
    .text(`实施主体：${guide.department.name}　　行政区划：${guide.region.name}`, { width: textWidth })
    .text(`实施编码：${guide.code}　　基本编码：${guide.basicMatter.code}`, { width: textWidth })
    .text(`在线指南：${url}`, { width: textWidth });
  doc.fillColor(COLOURS.text);
  doc.x = left;
  doc.y = Math.max(doc.y, MARGIN + QR_SIZE + 14) + 6;
  doc
    .lineWidth(1.2)
    .strokeColor(COLOURS.accent)
    .moveTo(left, doc.y)
    .lineTo(left + contentWidth(doc), doc.y)
    .stroke();
}

function basicInformation(doc: Pdf, guide: PublishedGuide): void {
  const d = guide.document;
  section(doc, '一、基本信息');
  facts(doc, [
    ['事项类型', LABELS.matterType[guide.basicMatter.matterType]],
    ['行使层级', LABELS.exercisingLevel[guide.basicMatter.exercisingLevel]],
    ['服务对象', LABELS.serviceObject[d.serviceObject]],
    ['办件类型', LABELS.caseType[d.caseType]],
    ['法定办结时限', limitText(d.legalLimit)],
    ['承诺办结时限', limitText(d.promisedLimit)],
    ['到现场次数', `${d.visitsRequired} 次`],
    ['实现方式', LABELS.realisationMode[d.realisationMode]],
    ['告知承诺', d.promiseAllowed ? '可实行告知承诺制' : '不适用'],
    ['办理渠道', list(d.channels.map((c) => LABELS.channel[c]))],
    [
      '特别程序',
      list(d.specialProcedures.map((p) => `${LABELS.specialProcedure[p.kind]}（不超过 ${p.maxDays} 日）`)),
    ],
    ['主题分类', list(d.themes.map((t) => LABELS.theme[t]))],
    [
      '设定依据',
      list(
        guide.basicMatter.legalBasis.map((b) => `${b.name}${b.article ? ` ${b.article}` : ''}`),
        '—',
      ),
    ],
  ]);
}

function materials(doc: Pdf, guide: PublishedGuide): void {
  section(doc, '三、申请材料');
  const rows = guide.document.materials.map((m, i) => {
    const source =
      m.source === 'e_certificate' && m.certificateType
        ? `${LABELS.materialSource[m.source]}（${m.certificateType}）`
        : LABELS.materialSource[m.source];
    const name = [m.name, m.condition ? `（${m.condition}）` : '', m.form ? `\n${m.form}` : ''].join('');
    return [
      String(i + 1),
      name,
      LABELS.materialType[m.type],
      m.paperCopies ? `${m.paperCopies} 份` : '—',
      m.required ? '必要' : '按情形',
      m.gapAllowed ? '是' : '否',
      source,
    ];
  });
  if (!rows.length) {
    paragraph(doc, '无需提交材料。');
    return;
  }
  table(
    doc,
    [
      { header: '序号', width: 0.07, align: 'center' },
      { header: '材料名称', width: 0.35 },
      { header: '原件/复印件', width: 0.11, align: 'center' },
      { header: '份数', width: 0.08, align: 'center' },
      { header: '必要性', width: 0.09, align: 'center' },
      { header: '容缺', width: 0.07, align: 'center' },
      { header: '来源', width: 0.23 },
    ],
    rows,
  );
}

function procedure(doc: Pdf, guide: PublishedGuide): void {
  const d = guide.document;
  section(doc, '四、办理流程');
  if (!d.steps.length) {
    paragraph(doc, '无');
    return;
  }
  table(
    doc,
    [
      { header: '环节', width: 0.12, align: 'center' },
      { header: '办理人员', width: 0.22 },
      { header: '时限', width: 0.14, align: 'center' },
      { header: '办理内容', width: 0.52 },
    ],
    d.steps.map((s, i) => [
      `${i + 1}. ${LABELS.step[s.name]}`,
      s.role,
      s.days ? `${s.days} 个${LABELS.limitUnit[d.promisedLimit.unit]}` : '即时',
      s.description,
    ]),
  );
}

function fees(doc: Pdf, guide: PublishedGuide): void {
  section(doc, '五、收费标准');
  const charged = guide.document.fees;
  if (!charged.length) {
    paragraph(doc, '不收费。');
    return;
  }
  table(
    doc,
    [
      { header: '收费项目', width: 0.3 },
      { header: '金额（元）', width: 0.15, align: 'right' },
      { header: '收费标准', width: 0.25 },
      { header: '收费依据', width: 0.3 },
    ],
    charged.map((f) => [f.name, f.amount ? f.amount.toFixed(2) : '不收费', f.standard, f.legalBasis]),
  );
}

/** The printable guide (办事指南) of a published implementation: A4, Chinese, with a QR code to its page. */
export async function renderGuidePdf(options: { guide: PublishedGuide; origin: string }): Promise<Buffer> {
  const { guide } = options;
  const d = guide.document;
  const url = guidePageUrl(options.origin, guide.implementationId);
  const doc = createPdf({ title: `${d.name} 办事指南`, subject: `${guide.department.name} ${guide.code}` });
  await header(doc, guide, url);
  basicInformation(doc, guide);
  section(doc, '二、受理条件');
  paragraph(doc, d.acceptanceConditions);
  materials(doc, guide);
  procedure(doc, guide);
  fees(doc, guide);
  section(doc, '六、办理地点和时间');
  if (!d.places.length) paragraph(doc, '网上办理，无需到现场。');
  for (const p of d.places) {
    paragraph(doc, `${p.name}${p.window ? `　${p.window}` : ''}\n地址：${p.address}\n时间：${p.hours}`);
    doc.moveDown(0.3);
  }
  section(doc, '七、咨询与投诉');
  paragraph(doc, `咨询方式：${d.consultation || '—'}\n投诉方式：${d.complaint || '—'}`);
  section(doc, '八、办理结果与送达');
  paragraph(
    doc,
    `结果类型：${LABELS.resultType[d.result.type]}　　结果名称：${d.result.name || '—'}\n送达方式：${list(
      d.delivery.map((o) => LABELS.delivery[o]),
    )}`,
  );
  const date = chineseDate.format(guide.publishedAt);
  footers(
    doc,
    (page, pages) => `${d.name} · 第 ${guide.versionNo} 版 · ${date}发布 · 第 ${page} 页，共 ${pages} 页`,
  );
  return finish(doc);
}

const CACHE_SIZE = 100;
const rendered = new Map<string, Buffer>();

/**
 * The PDF guide of a published version, rendered once: a published version never changes, so
 * the last hundred guides asked for are kept in memory (rendering one takes a few hundred ms).
 */
export async function guidePdf(options: { guide: PublishedGuide; origin: string }): Promise<Buffer> {
  const key = `${options.guide.implementationId}:${options.guide.versionNo}:${options.origin}`;
  const cached = rendered.get(key);
  if (cached) return cached;
  const pdf = await renderGuidePdf(options);
  if (rendered.size >= CACHE_SIZE) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, pdf);
  return pdf;
}
