import QRCode from 'qrcode';
import { COLOURS, createPdf, finish, type Pdf } from '../core/pdf/layout.ts';
import { chineseDate } from '../notices/index.ts';
import type { CertificateView } from './types.ts';

/**
 * The printable form of an electronic certificate: one A4 page in Chinese with a framed
 * border, the type name as the title, the number, every field of the type in its order,
 * the validity, the issuer and date under a red electronic seal, and a QR code that opens
 * the public verification page. The type's layout hints choose the orientation, the accent
 * colour, the title and the fields printed larger.
 */

const SEAL_RED = '#c8161d';
const ACCENT = '#a3161d';
const PAPER = '#fffdf7';
const PATTERN = '#f1e4cf';
const INSET = 26;
const QR_SIZE = 92;

type Row = { label: string; value: string; prominent?: boolean };

/** Where things go on the page, for one orientation. */
type Geometry = {
  width: number;
  height: number;
  left: number;
  right: number;
  titleY: number;
  fields: { right: number; top: number; bottom: number };
  qr: { x: number; y: number };
  issuer: { width: number; lineY: number; dateY: number; seal: { cx: number; cy: number } };
  rosette: { cx: number; cy: number; rx: number; ry: number };
};

function geometry(landscape: boolean): Geometry {
  if (landscape) {
    const [width, height] = [841.89, 595.28];
    const right = width - 72;
    return {
      width,
      height,
      left: 72,
      right,
      titleY: 56,
      fields: { right: right - 262, top: 180, bottom: height - INSET - 66 },
      qr: { x: right - QR_SIZE - 30, y: 180 },
      issuer: { width: 250, lineY: 410, dateY: 446, seal: { cx: right - 78, cy: 408 } },
      rosette: { cx: width / 2, cy: height / 2 + 30, rx: 210, ry: 66 },
    };
  }
  const [width, height] = [595.28, 841.89];
  const right = width - 72;
  return {
    width,
    height,
    left: 72,
    right,
    titleY: 78,
    fields: { right, top: 208, bottom: 596 },
    qr: { x: 78, y: 630 },
    issuer: { width: 310, lineY: 664, dateY: 700, seal: { cx: right - 78, cy: 662 } },
    rosette: { cx: width / 2, cy: 420, rx: 190, ry: 62 },
  };
}

const STATUS_MARKS: Record<CertificateView['status'], string | null> = {
  issued: null,
  changed: '已变更',
  revoked: '已撤销',
  expired: '已过期',
};

/** Pale paper, a rosette of thin curves in the middle, and a double frame with corner marks. */
function background(doc: Pdf, g: Geometry, accent: string): void {
  doc.rect(0, 0, g.width, g.height).fill(PAPER);
  const { cx, cy, rx, ry } = g.rosette;
  doc.save();
  doc.lineWidth(0.35).strokeColor(PATTERN);
  for (let i = 0; i < 36; i++) {
    doc.save();
    doc.rotate(i * 5, { origin: [cx, cy] });
    doc.ellipse(cx, cy, rx, ry).stroke();
    doc.restore();
  }
  doc.restore();

  const w = g.width - 2 * INSET;
  const h = g.height - 2 * INSET;
  doc.lineWidth(3).strokeColor(accent).rect(INSET, INSET, w, h).stroke();
  doc
    .lineWidth(0.8)
    .rect(INSET + 6, INSET + 6, w - 12, h - 12)
    .stroke();
  const corner = 16;
  for (const [x, y, dx, dy] of [
    [INSET + 6, INSET + 6, 1, 1],
    [INSET + w - 6, INSET + 6, -1, 1],
    [INSET + 6, INSET + h - 6, 1, -1],
    [INSET + w - 6, INSET + h - 6, -1, -1],
  ] as const) {
    doc
      .lineWidth(1.6)
      .moveTo(x + dx * 4, y + dy * (corner + 4))
      .lineTo(x + dx * 4, y + dy * 4)
      .lineTo(x + dx * (corner + 4), y + dy * 4)
      .stroke();
    doc.rect(x + dx * 8 - (dx < 0 ? 4 : 0), y + dy * 8 - (dy < 0 ? 4 : 0), 4, 4).fill(accent);
  }
}

/** The points of a five-pointed star around (cx, cy), one point straight up. */
function starPoints(cx: number, cy: number, outer: number): [number, number][] {
  const inner = outer * 0.382;
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const angle = (i * Math.PI) / 5;
    return [cx + r * Math.sin(angle), cy - r * Math.cos(angle)];
  });
}

/**
 * A round electronic seal drawn in vector: a red ring, a five-pointed star, the
 * organisation's name along the upper arc (each character turned to face the centre)
 * and 证照专用章 under the star; slightly translucent, as ink over the issuer line.
 */
function drawSeal(doc: Pdf, o: { cx: number; cy: number; radius: number; organisation: string }): void {
  const { cx, cy, radius } = o;
  doc.save();
  doc.fillOpacity(0.86).strokeOpacity(0.86).fillColor(SEAL_RED).strokeColor(SEAL_RED);
  doc
    .lineWidth(radius * 0.055)
    .circle(cx, cy, radius)
    .stroke();
  doc.polygon(...starPoints(cx, cy - radius * 0.02, radius * 0.3)).fill();

  const chars = [...o.organisation];
  const textRadius = radius * 0.74;
  const span = Math.min(250, 24 + chars.length * 19) * (Math.PI / 180);
  const step = chars.length > 1 ? span / (chars.length - 1) : 0;
  const size = Math.min(radius * 0.3, textRadius * step * 0.88 || radius * 0.3);
  doc.font('bold').fontSize(size);
  for (const [i, char] of chars.entries()) {
    const angle = -span / 2 + i * step;
    const x = cx + textRadius * Math.sin(angle);
    const y = cy - textRadius * Math.cos(angle);
    doc.save();
    doc.rotate((angle * 180) / Math.PI, { origin: [x, y] });
    doc.text(char, x - size / 2, y - size * 0.62, { width: size, align: 'center', lineBreak: false });
    doc.restore();
  }
  doc.fontSize(radius * 0.19);
  doc.text('证照专用章', cx - radius, cy + radius * 0.36, {
    width: 2 * radius,
    align: 'center',
    lineBreak: false,
  });
  doc.restore();
}

/** The title, large and spaced; the subtitle (电子证照 by default) and the number under it; a double rule. */
function heading(doc: Pdf, g: Geometry, certificate: CertificateView, accent: string): void {
  const width = g.right - g.left;
  const title = certificate.layout?.title || certificate.typeName;
  const size = Math.min(36, (width * 0.9) / ([...title].length * 1.35));
  const spacing = size * 0.35;
  doc.font('bold').fontSize(size).fillColor(accent);
  const textWidth = doc.widthOfString(title, { characterSpacing: spacing }) - spacing;
  doc.text(title, g.width / 2 - textWidth / 2, g.titleY, { characterSpacing: spacing, lineBreak: false });
  doc
    .font('regular')
    .fontSize(11)
    .fillColor(COLOURS.muted)
    .text(certificate.layout?.subtitle || '（电子证照）', g.left, g.titleY + size * 1.45, {
      width,
      align: 'center',
      lineBreak: false,
    });
  doc
    .font('regular')
    .fontSize(11.5)
    .fillColor(COLOURS.text)
    .text(`证照编号：${certificate.number}`, g.left, g.titleY + 72, {
      width,
      align: 'center',
      lineBreak: false,
    });
  const y = g.titleY + 100;
  doc.lineWidth(1.2).strokeColor(accent).moveTo(g.left, y).lineTo(g.right, y).stroke();
  doc
    .lineWidth(0.4)
    .moveTo(g.left, y + 3)
    .lineTo(g.right, y + 3)
    .stroke();
}

/** Fields the bottom of the page shows already, by the issuer line and the seal. */
const ISSUER_LABELS = /^(发证|签发|登记)(机关|单位|部门)$/;
const ISSUE_DATE_LABELS = /^(发证|签发|登记)日期$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The rows under the heading: the holder (unless a field names it), the fields (dates written
 * the Chinese way; the issuer and issue date left to the bottom of the page), and the validity
 * unless a field gives it.
 */
export function certificateRows(certificate: CertificateView): Row[] {
  const prominent = new Set(certificate.layout?.prominent ?? []);
  const issuedOn = chineseDate(certificate.issuedAt);
  const rows: Row[] = [];
  for (const field of certificate.fields) {
    const raw = certificate.data[field.key]?.trim() ?? '';
    const value = ISO_DATE.test(raw) ? chineseDate(raw) : raw;
    if (ISSUER_LABELS.test(field.label) && value === certificate.issuerName) continue;
    if (ISSUE_DATE_LABELS.test(field.label) && value === issuedOn) continue;
    rows.push({
      label: field.label,
      value: value || '—',
      ...(prominent.has(field.key) ? { prominent: true } : {}),
    });
  }
  rows.sort((a, b) => Number(Boolean(b.prominent)) - Number(Boolean(a.prominent)));
  if (!rows.some((row) => row.value === certificate.holderName)) {
    rows.unshift({
      label: certificate.holderKind === 'company' ? '持证主体' : '持证人',
      value: certificate.holderName,
    });
  }
  if (!rows.some((row) => row.label.includes('有效期'))) {
    rows.push({
      label: '有效期限',
      value: certificate.validUntil
        ? `${issuedOn} 至 ${chineseDate(certificate.validUntil)}`
        : `${issuedOn} 起长期有效`,
    });
  }
  return rows;
}

type RowLayout = { size: number; labelWidth: number; gap: number };

const valueSize = (row: Row, size: number) => (row.prominent ? size + 2 : size);

function rowsHeight(doc: Pdf, g: Geometry, rows: Row[], layout: RowLayout): number {
  const valueWidth = g.fields.right - g.left - layout.labelWidth;
  return rows.reduce((sum, row) => {
    doc.font(row.prominent ? 'bold' : 'regular').fontSize(valueSize(row, layout.size));
    return (
      sum + doc.heightOfString(row.value, { width: valueWidth, lineGap: layout.size * 0.3 }) + layout.gap
    );
  }, 0);
}

/**
 * A label set to the label column's width, as printed certificates align 名　称 with 住　所:
 * a short label spread out, a long one (统一社会信用代码) narrowed.
 */
function fittedLabel(doc: Pdf, label: string, at: { x: number; y: number; width: number }): void {
  const chars = [...label];
  const natural = doc.widthOfString(label);
  if (natural > at.width) {
    // pdfkit knows horizontalScaling (per cent); its type declarations do not yet.
    const narrowed = { horizontalScaling: (100 * at.width) / natural, lineBreak: false };
    doc.text(label, at.x, at.y, narrowed);
    return;
  }
  const spacing = chars.length > 1 ? (at.width - natural) / (chars.length - 1) : 0;
  doc.text(label, at.x, at.y, { characterSpacing: spacing, lineBreak: false });
}

/** The fields in two columns, the font made smaller until everything fits above the seal. */
function fieldRows(doc: Pdf, g: Geometry, rows: Row[]): void {
  // Labels up to six characters are spread to that width; longer ones are narrowed into it.
  const columnChars = Math.min(6, Math.max(4, ...rows.map((row) => [...row.label].length)));
  const room = g.fields.bottom - g.fields.top;
  let layout: RowLayout = { size: 13, labelWidth: 0, gap: 0 };
  for (let size = 13; size >= 7; size -= 0.5) {
    layout = { size, labelWidth: columnChars * size + 2 * size, gap: size * 0.9 };
    if (rowsHeight(doc, g, rows, layout) <= room) break;
  }
  const { size, labelWidth, gap } = layout;
  const spread = labelWidth - 2 * size;
  let y = g.fields.top + Math.max(0, (room - rowsHeight(doc, g, rows, layout)) / 6);
  for (const row of rows) {
    const rowSize = valueSize(row, size);
    const labelY = y + (rowSize - size) * 0.8;
    doc.font('bold').fontSize(size).fillColor(COLOURS.text);
    fittedLabel(doc, row.label, { x: g.left, y: labelY, width: spread });
    doc.font('regular').text('：', g.left + spread, labelY, { lineBreak: false });
    doc
      .font(row.prominent ? 'bold' : 'regular')
      .fontSize(rowSize)
      .text(row.value, g.left + labelWidth, y, {
        width: g.fields.right - g.left - labelWidth,
        lineGap: size * 0.3,
      });
    y = doc.y + gap;
  }
}

/** The QR code of the verification page with 扫码核验 under it. */
async function verificationCode(doc: Pdf, g: Geometry, verifyUrl: string): Promise<void> {
  const qr = await QRCode.toBuffer(verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 300,
  });
  const { x, y } = g.qr;
  doc.rect(x - 4, y - 4, QR_SIZE + 8, QR_SIZE + 8).fill('#ffffff');
  doc.image(qr, x, y, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(COLOURS.text)
    .text('扫码核验', x - 10, y + QR_SIZE + 8, { width: QR_SIZE + 20, align: 'center', lineBreak: false });
}

/** 发证机关 and the issue date at the bottom right, the seal stamped over them. */
function issuer(doc: Pdf, g: Geometry, certificate: CertificateView): void {
  const { width, lineY, dateY, seal } = g.issuer;
  const x = g.right - width;
  const line = `发证机关：${certificate.issuerName}`;
  doc.font('regular').fontSize(12.5).fillColor(COLOURS.text);
  // A long organisation name is set smaller rather than wrapped into the date.
  doc.fontSize(Math.min(12.5, (12.5 * width) / doc.widthOfString(line)));
  doc.text(line, x, lineY, { width, align: 'right', lineBreak: false });
  doc
    .fontSize(12.5)
    .text(`发证日期：${chineseDate(certificate.issuedAt)}`, x, dateY, { width, align: 'right' });
  drawSeal(doc, { ...seal, radius: 58, organisation: certificate.issuerName });
}

function footer(doc: Pdf, g: Geometry, verifyUrl: string): void {
  const y = g.height - INSET - 52;
  doc.lineWidth(0.4).strokeColor(COLOURS.rule).moveTo(g.left, y).lineTo(g.right, y).stroke();
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(COLOURS.muted)
    .text(
      `本证照为电子证照，经发证机关电子印章签章，与纸质证照具有同等效力。可扫描二维码或访问 ${verifyUrl} 核验真伪及当前状态。`,
      g.left,
      y + 7,
      { width: g.right - g.left, align: 'center', lineGap: 2 },
    );
}

/** A changed, revoked or expired certificate carries its state across the page. */
function statusMark(doc: Pdf, g: Geometry, status: CertificateView['status']): void {
  const mark = STATUS_MARKS[status];
  if (!mark) return;
  doc.save();
  doc.rotate(-30, { origin: [g.width / 2, g.height / 2] });
  doc.fillOpacity(0.16).font('bold').fontSize(110).fillColor('#555555');
  doc.text(mark, 0, g.height / 2 - 60, {
    width: g.width,
    align: 'center',
    lineBreak: false,
    characterSpacing: 20,
  });
  doc.restore();
}

export async function renderCertificatePdf(o: {
  certificate: CertificateView;
  verifyUrl: string;
}): Promise<Buffer> {
  const { certificate, verifyUrl } = o;
  const hints = certificate.layout ?? {};
  const landscape = hints.orientation === 'landscape';
  const accent = hints.accent && /^#[0-9a-f]{6}$/i.test(hints.accent) ? hints.accent : ACCENT;
  const g = geometry(landscape);
  const doc = createPdf({
    title: `${certificate.typeName}（${certificate.number}）`,
    subject: `${certificate.issuerName} · 电子证照`,
    landscape,
  });
  // Everything is placed at fixed positions; no margin may push text onto a second page.
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  background(doc, g, accent);
  heading(doc, g, certificate, accent);
  fieldRows(doc, g, certificateRows(certificate));
  await verificationCode(doc, g, verifyUrl);
  issuer(doc, g, certificate);
  footer(doc, g, verifyUrl);
  statusMark(doc, g, certificate.status);
  return finish(doc);
}
