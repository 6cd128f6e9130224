// Renders a petition document (DOMAIN.md §5) to PDF in the layout of a printed 公文: A4, title
// centred, body on a fixed character grid with a two-character first-line indent, 落款 and date
// at the right, the matter number on every page and 第 N 页 共 M 页 below.
// Lines are broken and justified here rather than by pdfkit: pdfkit neither justifies Chinese
// (it only stretches spaces) nor keeps 。，」 off the start of a line, and its automatic page
// breaks would fight the header and footer. CPU-bound (font subsetting): callers in the main
// process run it in a worker thread (DESIGN.md §1).
import PDFDocument from 'pdfkit';
import { DOCUMENT_TITLES, type DocumentKind } from '../../domain/documents/kinds';
import { err, ok, type Result } from '../../domain/result';
import type { CjkFont } from './fonts';
import { DEFAULT_TEMPLATES_DIR, fillTemplate, loadTemplate, type FilledDocument, type TableRow } from './templates';

export interface RenderOptions {
  font: CjkFont;
  templatesDir?: string;
}

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const BODY = 12;
const PITCH = 24; // line pitch of the body grid, 2.0 × the body size
const TEXT_WIDTH = 36 * BODY; // a whole number of characters, so justified lines form a grid
const LEFT = (PAGE.width - TEXT_WIDTH) / 2 + 2; // a little more room on the binding side
const TOP = 28 * MM;
const BOTTOM = PAGE.height - 28 * MM;
const TITLE = 22; // 二号
const SMALL = 9;
const CELL_PAD = 8;
const ROW_PITCH = 22; // table lines a little tighter, so that a 送达回证 fits on one sheet
const LABEL_WIDTH = 8 * BODY + 2 * CELL_PAD;
const INK = '#000000';
const GREY = '#555555';

// 禁则: characters that may not start a line, and ones that may not end it.
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’〉】…—·%,.;:?!)]']);
const NO_LINE_END = new Set([...'（《「『“‘〈【([']);

export async function renderDocument(
  kind: DocumentKind,
  fields: Readonly<Record<string, string | undefined>>,
  options: RenderOptions,
): Promise<Result<Buffer>> {
  const template = await loadTemplate(kind, options.templatesDir ?? DEFAULT_TEMPLATES_DIR);
  if (!template.ok) return template;
  const filled = fillTemplate(template.value, fields);
  if (!filled.ok) return filled;
  try {
    return ok(await toPdf(filled.value, options.font));
  } catch (e) {
    return err('pdf_render_failed', `${DOCUMENT_TITLES[kind]}生成失败：${e instanceof Error ? e.message : String(e)}`);
  }
}

function toPdf(d: FilledDocument, font: CjkFont): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: d.title, Creator: '信访窗口', Author: d.signature.issuer, Subject: d.matterNumber },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  (font.family ? doc.font(font.path, font.family) : doc.font(font.path)).fillColor(INK);

  const page = new Layout(doc);
  page.title(d.title);
  if (d.salutation) page.paragraph(d.salutation, { indent: 0 });
  for (const block of d.blocks) {
    if (block.kind === 'table') page.table(block.rows);
    // A value may hold several paragraphs (facts, reasons): each gets its own indent.
    else block.text.split(/\r?\n/).filter((p) => p.trim() !== '').forEach((p) => page.paragraph(p.trim(), { indent: 2 }));
  }
  page.signature(d.signature);

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    pageFurniture(doc, d.matterNumber, i - start + 1, count);
  }
  doc.end();
  return done;
}

function pageFurniture(doc: PDFKit.PDFDocument, matterNumber: string, n: number, total: number): void {
  doc.fontSize(SMALL).fillColor(GREY);
  const header = `信访件编号：${matterNumber}`;
  const headerBaseline = TOP - 14 * MM;
  doc.text(header, LEFT + TEXT_WIDTH - doc.widthOfString(header), headerBaseline, { lineBreak: false, baseline: 'alphabetic' });
  doc.moveTo(LEFT, headerBaseline + 5).lineTo(LEFT + TEXT_WIDTH, headerBaseline + 5).lineWidth(0.5).strokeColor(GREY).stroke();
  const footer = `第 ${n} 页 共 ${total} 页`;
  doc.text(footer, (PAGE.width - doc.widthOfString(footer)) / 2, BOTTOM + 14 * MM, { lineBreak: false, baseline: 'alphabetic' });
  doc.fillColor(INK);
}

interface Line {
  text: string;
  width: number;
  /** Stretched to the full measure: every line of a paragraph but its last. */
  justify: boolean;
}

/** Places text top-down on the grid and opens a new page when the next piece does not fit. */
class Layout {
  private y = TOP;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  title(text: string): void {
    const doc = this.doc.fontSize(TITLE);
    // A short title is spaced out (送 达 回 证), as printed forms do.
    const spacing = [...text].length <= 5 ? TITLE * 0.6 : 0;
    for (const line of wrap(doc, text, TEXT_WIDTH - 2 * TITLE, 0)) {
      const width = line.width + spacing * ([...line.text].length - 1);
      this.draw(line.text, LEFT + (TEXT_WIDTH - width) / 2, this.y, TITLE, TITLE * 1.6, spacing);
      this.y += TITLE * 1.6;
    }
    this.y += PITCH;
  }

  paragraph(text: string, { indent }: { indent: number }): void {
    const doc = this.doc.fontSize(BODY);
    wrap(doc, text, TEXT_WIDTH, indent * BODY).forEach((line, i) => {
      this.fit(PITCH);
      const x = LEFT + (i === 0 ? indent * BODY : 0);
      const available = TEXT_WIDTH - (x - LEFT);
      this.draw(line.text, x, this.y, BODY, PITCH, line.justify ? justifySpacing(line, available) : 0);
      this.y += PITCH;
    });
  }

  table(rows: TableRow[]): void {
    const doc = this.doc.fontSize(BODY);
    const valueWidth = TEXT_WIDTH - LABEL_WIDTH;
    this.y += PITCH / 2;
    for (const row of rows) {
      const labelLines = balancedWrap(doc, row.label, LABEL_WIDTH - 2 * CELL_PAD);
      const valueLines = row.value.split(/\r?\n/).flatMap((p) => wrap(doc, p, valueWidth - 2 * CELL_PAD, 0));
      const slots = Math.max(labelLines.length, valueLines.length + (row.note ? 1 : 0), row.lines ?? 1);
      const height = slots * ROW_PITCH + CELL_PAD;
      this.fit(height);
      const top = this.y;
      doc.lineWidth(0.8).strokeColor(INK).rect(LEFT, top, LABEL_WIDTH, height).rect(LEFT + LABEL_WIDTH, top, valueWidth, height).stroke();
      const labelTop = top + (height - labelLines.length * ROW_PITCH) / 2;
      labelLines.forEach((line, i) =>
        this.draw(line.text, LEFT + (LABEL_WIDTH - line.width) / 2, labelTop + i * ROW_PITCH, BODY, ROW_PITCH, 0),
      );
      valueLines.forEach((line, i) =>
        this.draw(line.text, LEFT + LABEL_WIDTH + CELL_PAD, top + CELL_PAD / 2 + i * ROW_PITCH, BODY, ROW_PITCH, 0),
      );
      if (row.note) {
        const w = doc.widthOfString(row.note);
        this.draw(row.note, LEFT + TEXT_WIDTH - CELL_PAD - w - BODY, top + height - CELL_PAD / 2 - ROW_PITCH, BODY, ROW_PITCH, 0);
      }
      this.y += height;
    }
    this.y += PITCH / 2;
  }

  /** 落款 (GB/T 9704): the date four characters in from the right, the issuer centred over it. */
  signature(s: FilledDocument['signature']): void {
    const doc = this.doc.fontSize(BODY);
    const slots = s.seal ? 3 : 2;
    this.y += 1.5 * PITCH;
    this.fit(slots * PITCH);
    const dateWidth = doc.widthOfString(s.date);
    const issuerWidth = doc.widthOfString(s.issuer);
    const centre = Math.min(LEFT + TEXT_WIDTH - 4 * BODY - dateWidth / 2, LEFT + TEXT_WIDTH - 2 * BODY - issuerWidth / 2);
    if (s.seal) {
      doc.fillColor(GREY);
      this.draw(s.seal, centre - doc.widthOfString(s.seal) / 2, this.y, BODY, PITCH, 0);
      doc.fillColor(INK);
      this.y += PITCH;
    }
    this.draw(s.issuer, centre - issuerWidth / 2, this.y, BODY, PITCH, 0);
    this.y += PITCH;
    this.draw(s.date, centre - dateWidth / 2, this.y, BODY, PITCH, 0);
    this.y += PITCH;
  }

  private fit(height: number): void {
    if (this.y + height <= BOTTOM) return;
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = TOP;
  }

  /** Draws one line vertically centred in a slot: CJK glyphs sit 0.88 em above the baseline and 0.12 below. */
  private draw(text: string, x: number, slotTop: number, size: number, slot: number, characterSpacing: number): void {
    this.doc
      .fontSize(size)
      .text(text, x, slotTop + slot / 2 + 0.38 * size, { lineBreak: false, baseline: 'alphabetic', characterSpacing });
  }
}

function justifySpacing(line: Line, available: number): number {
  const gaps = [...line.text].length - 1;
  const spacing = gaps > 0 ? (available - line.width) / gaps : 0;
  // A line cut short by a long unbreakable run (a URL, a long number) stays ragged instead of gappy.
  return spacing > 0 && spacing < BODY / 5 ? spacing : 0;
}

/** Breaks text into lines at character boundaries, keeping Latin words and numbers whole. */
function wrap(doc: PDFKit.PDFDocument, text: string, width: number, firstIndent: number): Line[] {
  const measure = (s: string) => doc.widthOfString(s);
  const tokens = (text.match(/[A-Za-z0-9][A-Za-z0-9.,\-_/:@%]*[A-Za-z0-9%]|[A-Za-z0-9]|\s+|./gsu) ?? []).flatMap((t) =>
    measure(t) > width ? [...t] : [t],
  );
  const lines: Line[] = [];
  let current: string[] = [];
  let limit = width - firstIndent;
  const widthOf = (parts: string[]) => measure(parts.join(''));
  for (const token of tokens) {
    if (current.length === 0 && lines.length > 0 && /^\s+$/.test(token)) continue;
    if (current.length > 0 && widthOf([...current, token]) > limit) {
      const carry: string[] = [];
      if (NO_LINE_START.has(token[0] as string) && current.length > 1) carry.unshift(current.pop() as string);
      while (current.length > 1 && NO_LINE_END.has(current[current.length - 1] as string)) carry.unshift(current.pop() as string);
      lines.push({ text: current.join('').trimEnd(), width: measure(current.join('').trimEnd()), justify: true });
      current = carry;
      limit = width;
    }
    current.push(token);
  }
  const last = current.join('').trimEnd();
  lines.push({ text: last, width: measure(last), justify: false });
  return lines;
}

/** A label over two lines splits evenly (代收人签名 / 及代收理由), never leaving one character alone. */
function balancedWrap(doc: PDFKit.PDFDocument, text: string, width: number): Line[] {
  const lines = wrap(doc, text, width, 0);
  return lines.length > 1 ? wrap(doc, text, Math.ceil(doc.widthOfString(text) / lines.length / BODY) * BODY + 0.5, 0) : lines;
}
