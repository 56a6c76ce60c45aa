import { isEmpty } from '../../../common/forms/conditions.ts';
import type { ColumnField, FormDefinition, FormField, FormValues } from '../../../common/forms/schema.ts';
import { conditionText, fieldText, type TextLookups, tableTexts } from '../../../common/forms/texts.ts';
import { COLOURS, contentWidth, ensureSpace, type Pdf, section } from './layout.ts';

/*
 * An application form (申请表) on A4 pages: its sections, each field as a ruled row of label and
 * value, a table field as a table. Three ways: `filled` prints an application's values (with the
 * sources of prefilled fields in small print), `blank` the empty form to fill in by hand (boxes to
 * tick, lines to write on, when a field applies), `sample` a filled example (boxes ticked).
 */

export type FormPrintMode = 'filled' | 'blank' | 'sample';

/** Where a prefilled value came from, as the case keeps it (KeptSource). */
export type PrintedSource = { label: string; corrected?: boolean; value?: unknown };

export type FormPrint = {
  definition: FormDefinition;
  mode: FormPrintMode;
  /** The values to print (none for a blank form), as validateForm keeps them. */
  values?: FormValues;
  lookups?: TextLookups;
  /** By field key: where a prefilled value came from. */
  sources?: Record<string, PrintedSource>;
};

const NUMERALS = '一二三四五六七八九十';
/** 一 … 十, 十一 … 五十 (a form has at most 50 sections). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? NUMERALS[tens - 1] : ''}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;
}

const PAD = 5;
const VALUE_SIZE = 10;
const NOTE_SIZE = 7.5;
const LABEL_SHARE = 0.26;
/** The height of a blank row to write in by hand, and of a blank long text. */
const WRITING_HEIGHT = 24;
const LONG_WRITING_HEIGHT = 66;

type Line = { text: string; size: number; colour: string; font?: 'regular' | 'bold' };

/** One ruled cell pair: the label and what goes beside it. */
type Cell = { label: string; required: boolean; lines: Line[]; minHeight: number };

const value = (text: string): Line => ({ text, size: VALUE_SIZE, colour: COLOURS.text });
const note = (text: string): Line => ({ text, size: NOTE_SIZE, colour: COLOURS.muted });

const boxes = (options: { label: string; ticked: boolean }[]) =>
  options.map((o) => `${o.ticked ? '■' : '□'} ${o.label}`).join('　');

/** What a blank form shows in a field's value cell: boxes to tick, or the frame of what to write. */
function blankValue(field: FormField | ColumnField): string {
  switch (field.type) {
    case 'choice':
    case 'multiChoice':
      return boxes((field.options ?? []).map((o) => ({ label: o.label, ticked: false })));
    case 'yesNo':
      return boxes([
        { label: '是', ticked: false },
        { label: '否', ticked: false },
      ]);
    case 'date':
      return '　　　　年　　月　　日';
    case 'dateRange':
      return '　　　　年　　月　　日　至　　　　　年　　月　　日';
    case 'money':
      return '　　　　　　　　　　　　元';
    case 'file':
      return '□ 已附';
    default:
      return '';
  }
}

/** A sample's value cell: choices as boxes with those chosen ticked, the rest as the text. */
function sampleValue(field: FormField | ColumnField, given: unknown, lookups: TextLookups): string {
  if (field.type === 'choice' || field.type === 'multiChoice') {
    const chosen = Array.isArray(given) ? given : [given];
    return boxes((field.options ?? []).map((o) => ({ label: o.label, ticked: chosen.includes(o.value) })));
  }
  if (field.type === 'yesNo')
    return boxes([
      { label: '是', ticked: given === true },
      { label: '否', ticked: given === false },
    ]);
  return fieldText(field, given, lookups) ?? '';
}

/** The notes of a blank form's field: when it applies, when it is required, how to fill it in. */
function blankNotes(field: FormField, fields: readonly FormField[]): string[] {
  const notes: string[] = [];
  if (field.shownWhen) notes.push(`${conditionText(field.shownWhen, fields)}时填写`);
  if (field.requiredWhen) notes.push(`${conditionText(field.requiredWhen, fields)}时必填`);
  if (field.type === 'multiChoice') {
    const max = field.validation?.maxItems;
    notes.push(max ? `可多选，最多${max}项` : '可多选');
  }
  if (field.type === 'file') notes.push(`请另附${field.label}`);
  if (field.help) notes.push(field.help);
  return notes;
}

/** The source of a prefilled field in small print; a corrected value says what the source gave. */
function sourceNote(field: FormField, source: PrintedSource, lookups: TextLookups): string {
  if (!source.corrected) return `数据来源：${source.label}`;
  const was = fieldText(field, source.value, lookups);
  return `数据来源：${source.label}（申请人已更正${was ? `，原值：${was}` : ''}）`;
}

function cellOf(field: FormField, print: FormPrint, fields: readonly FormField[]): Cell | null {
  const lookups = print.lookups ?? {};
  const given = print.values?.[field.key];
  const long = field.type === 'textarea';
  const cell: Cell = { label: field.label, required: field.required === true, lines: [], minHeight: 0 };
  if (print.mode === 'blank') {
    const text = blankValue(field);
    if (text) cell.lines.push(value(text));
    cell.lines.push(...blankNotes(field, fields).map(note));
    cell.minHeight = long ? LONG_WRITING_HEIGHT : WRITING_HEIGHT;
    return cell;
  }
  if (print.mode === 'sample') {
    if (isEmpty(given)) return null;
    cell.lines.push(value(sampleValue(field, given, lookups)));
    return cell;
  }
  const text = fieldText(field, given, lookups);
  cell.lines.push(value(text ?? ''));
  const source = print.sources?.[field.key];
  if (text !== null && source) cell.lines.push(note(sourceNote(field, source, lookups)));
  cell.minHeight = WRITING_HEIGHT - 4;
  return cell;
}

function linesHeight(doc: Pdf, lines: Line[], width: number): number {
  return lines.reduce((sum, line) => {
    doc.font(line.font ?? 'regular').fontSize(line.size);
    return sum + doc.heightOfString(line.text || ' ', { width, lineGap: 1.5 }) + 1;
  }, 0);
}

function labelText(cell: Cell, mode: FormPrintMode): string {
  return mode === 'blank' && cell.required ? `* ${cell.label}` : cell.label;
}

/** The height of a row of cells, each with its share of the line's width. */
function rowHeight(doc: Pdf, cells: Cell[], widths: number[], mode: FormPrintMode): number {
  let height = 0;
  cells.forEach((cell, i) => {
    const [labelWidth, valueWidth] = [widths[2 * i]!, widths[2 * i + 1]!];
    doc.font('bold').fontSize(9.5);
    const label = doc.heightOfString(labelText(cell, mode), { width: labelWidth - 2 * PAD });
    const content = linesHeight(doc, cell.lines, valueWidth - 2 * PAD);
    height = Math.max(height, label + 2 * PAD, content + 2 * PAD, cell.minHeight);
  });
  return height;
}

function drawLines(doc: Pdf, lines: Line[], x: number, y: number, width: number): void {
  let at = y;
  for (const line of lines) {
    doc
      .font(line.font ?? 'regular')
      .fontSize(line.size)
      .fillColor(line.colour)
      .text(line.text || ' ', x, at, { width, lineGap: 1.5 });
    at = doc.y + 1;
  }
}

/** A ruled row of one or two label–value pairs (widths of label, value, label, value). */
function drawRow(doc: Pdf, cells: Cell[], mode: FormPrintMode): void {
  const total = contentWidth(doc);
  const widths =
    cells.length === 2
      ? [total * 0.17, total * 0.33, total * 0.17, total * 0.33]
      : [total * LABEL_SHARE, total * (1 - LABEL_SHARE)];
  const height = rowHeight(doc, cells, widths, mode);
  ensureSpace(doc, height);
  const y = doc.y;
  let x = doc.page.margins.left;
  doc.lineWidth(0.5).strokeColor(COLOURS.rule);
  cells.forEach((cell, i) => {
    const [labelWidth, valueWidth] = [widths[2 * i]!, widths[2 * i + 1]!];
    doc.rect(x, y, labelWidth, height).fill(COLOURS.band);
    doc.rect(x, y, labelWidth, height).stroke();
    doc.rect(x + labelWidth, y, valueWidth, height).stroke();
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(COLOURS.text)
      .text(labelText(cell, mode), x + PAD, y + PAD, { width: labelWidth - 2 * PAD });
    drawLines(doc, cell.lines, x + labelWidth + PAD, y + PAD, valueWidth - 2 * PAD);
    x += labelWidth + valueWidth;
  });
  doc.fillColor(COLOURS.text);
  doc.x = doc.page.margins.left;
  doc.y = y + height;
}

/** Whether a cell is short enough to share its row with another (one line of a few words). */
function short(doc: Pdf, cell: Cell): boolean {
  if (cell.lines.length > 1 || cell.minHeight > WRITING_HEIGHT) return false;
  doc.font('regular').fontSize(VALUE_SIZE);
  const width = contentWidth(doc) * 0.33 - 2 * PAD;
  return (
    doc.widthOfString(cell.lines[0]?.text ?? '') <= width &&
    doc.font('bold').fontSize(9.5).widthOfString(labelText(cell, 'blank')) <=
      contentWidth(doc) * 0.17 - 2 * PAD
  );
}

/** Rows of cells: two short cells side by side, a long one alone. */
function drawCells(doc: Pdf, cells: Cell[], mode: FormPrintMode): void {
  for (let i = 0; i < cells.length; i++) {
    const [a, b] = [cells[i]!, cells[i + 1]];
    if (b && short(doc, a) && short(doc, b)) {
      drawRow(doc, [a, b], mode);
      i++;
    } else drawRow(doc, [a], mode);
  }
}

/** How wide a table's column is against the others, by its type (an ID number stays on one line). */
const COLUMN_WEIGHTS: Partial<Record<ColumnField['type'], number>> = {
  idNumber: 1.7,
  creditCode: 1.7,
  address: 1.8,
  textarea: 1.8,
  dateRange: 1.6,
  yesNo: 0.7,
  number: 0.8,
};

/** How many empty rows a blank table gets: what it must have, at least 3, at most what it may have. */
function blankRows(field: FormField): number {
  const { minItems, maxItems } = field.validation ?? {};
  return Math.min(Math.max(minItems ?? 0, 3), maxItems ?? 10);
}

/** A table field: its label and notes, then the table with a 序号 column. */
function drawTable(doc: Pdf, field: FormField, print: FormPrint, fields: readonly FormField[]): void {
  const lookups = print.lookups ?? {};
  const columns = field.columns ?? [];
  const given = print.values?.[field.key];
  const notes: string[] = [];
  let rows: string[][];
  if (print.mode === 'blank') {
    notes.push(...blankNotes(field, fields));
    const hints = columns.filter((c) => blankValue(c)).map((c) => `${c.label}：${blankValue(c)}`);
    if (hints.length) notes.push(hints.join('；'));
    rows = Array.from({ length: blankRows(field) }, () => columns.map(() => ''));
  } else {
    if (print.mode === 'sample' && isEmpty(given)) return;
    rows = tableTexts(field, given, lookups);
    const source = print.sources?.[field.key];
    if (source && rows.length) notes.push(sourceNote(field, source, lookups));
  }
  ensureSpace(doc, 70);
  doc.moveDown(0.4);
  const left = doc.page.margins.left;
  const label = print.mode === 'blank' && field.required ? `* ${field.label}` : field.label;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(COLOURS.text)
    .text(label, left, doc.y, { width: contentWidth(doc) });
  for (const text of notes)
    doc
      .font('regular')
      .fontSize(NOTE_SIZE)
      .fillColor(COLOURS.muted)
      .text(text, { width: contentWidth(doc) });
  doc.moveDown(0.2);
  const total = contentWidth(doc);
  const numberWidth = total * 0.08;
  const weights = columns.map((c) => COLUMN_WEIGHTS[c.type] ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = [numberWidth, ...weights.map((w) => ((total - numberWidth) * w) / sum)];
  const header = ['序号', ...columns.map((c) => c.label)];
  const minHeight = print.mode === 'blank' ? WRITING_HEIGHT : 0;
  const drawTableRow = (cells: string[], head: boolean) => {
    doc.font(head ? 'bold' : 'regular').fontSize(9);
    const height = Math.max(
      minHeight,
      ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * PAD }) + 2 * PAD),
    );
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!head) drawTableRow(header, true);
    }
    const y = doc.y;
    let x = left;
    doc.lineWidth(0.5).strokeColor(COLOURS.rule);
    cells.forEach((cell, i) => {
      if (head) doc.rect(x, y, widths[i]!, height).fill(COLOURS.band);
      doc.rect(x, y, widths[i]!, height).stroke();
      doc
        .font(head ? 'bold' : 'regular')
        .fontSize(9)
        .fillColor(COLOURS.text)
        .text(cell, x + PAD, y + PAD, { width: widths[i]! - 2 * PAD, align: i === 0 ? 'center' : 'left' });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + height;
  };
  ensureSpace(doc, 2 * WRITING_HEIGHT);
  drawTableRow(header, true);
  if (rows.length === 0) drawTableRow(['', ...columns.map((_, i) => (i === 0 ? '未填写' : ''))], false);
  rows.forEach((row, i) => {
    drawTableRow([String(i + 1), ...row], false);
  });
  doc.moveDown(0.3);
}

/**
 * The form's sections one after another (一、申请人信息 …). A blank form prints every field, with
 * when it applies; a filled one every field without a condition (an empty row when left empty) and
 * those whose condition held (kept with a value); a sample only the fields it fills.
 */
export function drawForm(doc: Pdf, print: FormPrint): void {
  const fields = print.definition.sections.flatMap((s) => s.fields);
  const kept = print.values ?? {};
  print.definition.sections.forEach((s, index) => {
    const shown = s.fields.filter(
      (f) => print.mode === 'blank' || !f.shownWhen || Object.hasOwn(kept, f.key),
    );
    if (shown.length === 0) return;
    // A heading never ends a page: room for it and the first rows (a table's heading and header).
    ensureSpace(doc, 130);
    section(doc, `${chineseNumeral(index + 1)}、${s.title}`);
    if (s.description && print.mode === 'blank')
      doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(COLOURS.muted)
        .text(s.description, doc.page.margins.left, doc.y, { width: contentWidth(doc) })
        .moveDown(0.3);
    let run: Cell[] = [];
    const flush = () => {
      drawCells(doc, run, print.mode);
      run = [];
    };
    for (const field of shown) {
      if (field.type === 'table') {
        flush();
        drawTable(doc, field, print, fields);
        continue;
      }
      const cell = cellOf(field, print, fields);
      if (cell) run.push(cell);
    }
    flush();
  });
}
