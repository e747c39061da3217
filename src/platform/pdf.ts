import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';

/**
 * Printable documents (statements, slips, receipts, later minutes) as PDF files, from one simple
 * description: a title, then sections of label–value pairs and tables. Helvetica's built-in metrics
 * cover Spanish (á, ñ, ü, ¿, «»), so no font file ships. Receipts use thermal-paper widths.
 */
export type PaperSize = 'a4' | '80mm' | '58mm';

export interface PdfTable {
  headers: string[];
  rows: (string | number | null)[][];
  /** Columns aligned right (amounts); by index. */
  numeric?: number[];
  /** Relative widths of the columns (e.g. [1, 3, 2, 6]); equal widths when absent. */
  widths?: number[];
}

export interface PdfSection {
  heading?: string;
  pairs?: [string, string][];
  table?: PdfTable;
  /** A line in bold after the section: a total. */
  total?: [string, string];
  text?: string;
  /** A QR code of this text (error correction M), drawn as vector squares of the given side. */
  qr?: { data: string; sizeMm: number };
}

export interface PdfDescription {
  title: string;
  subtitle?: string[];
  sections: PdfSection[];
  footer?: string;
  paper?: PaperSize;
  /** Shown in the PDF's properties. */
  author?: string;
}

const MM = 72 / 25.4;
const PAPER: Record<PaperSize, { width: number; margin: number; font: number }> = {
  a4: { width: 595.28, margin: 48, font: 10 },
  '80mm': { width: 80 * MM, margin: 8, font: 8 },
  '58mm': { width: 58 * MM, margin: 6, font: 7 },
};

/**
 * The built-in fonts encode WinAnsi only: a few characters our messages use are outside it and would
 * print as garbage, so they are written the way a typewriter would.
 */
const OUTSIDE_WINANSI: Record<string, string> = {
  '\u2212': '-',
  '\u2265': '>=',
  '\u2264': '<=',
  '\u2248': '~',
  '\u00a0': ' ',
  '\u202f': ' ',
};
export const pdfText = (text: string) =>
  text.replace(/[\u2212\u2265\u2264\u2248\u00a0\u202f]/g, (c) => OUTSIDE_WINANSI[c] ?? c);

export function renderPdf(description: PdfDescription): Promise<Buffer> {
  const paper = PAPER[description.paper ?? 'a4'];
  const thermal = description.paper !== undefined && description.paper !== 'a4';
  const doc = new PDFDocument({
    size: [paper.width, thermal ? 1200 : 841.89],
    margin: paper.margin,
    info: { Title: description.title, Author: description.author ?? 'Ayni', Creator: 'Ayni' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = paper.width - 2 * paper.margin;
  const left = paper.margin;

  doc
    .font('Helvetica-Bold')
    .fontSize(paper.font + 4)
    .text(description.title, { width });
  doc.font('Helvetica').fontSize(paper.font);
  for (const line of description.subtitle ?? []) doc.text(pdfText(line), { width });
  doc.moveDown(0.6);

  for (const section of description.sections) {
    if (section.heading) {
      doc
        .moveDown(0.4)
        .font('Helvetica-Bold')
        .fontSize(paper.font + 1)
        .text(pdfText(section.heading), left, doc.y, { width });
      doc.font('Helvetica').fontSize(paper.font);
    }
    if (section.text) doc.text(pdfText(section.text), left, doc.y, { width });
    for (const [label, value] of section.pairs ?? []) {
      const y = doc.y;
      doc.text(pdfText(label), left, y, { width: width * 0.55 });
      const afterLabel = doc.y;
      doc.text(pdfText(value), left + width * 0.55, y, { width: width * 0.45, align: 'right' });
      doc.y = Math.max(afterLabel, doc.y);
    }
    if (section.table) drawTable(doc, section.table, left, width, paper.font);
    if (section.qr) drawQr(doc, section.qr, left + (width - section.qr.sizeMm * MM) / 2);
    if (section.total) {
      const y = doc.y + 2;
      doc.font('Helvetica-Bold').text(pdfText(section.total[0]), left, y, { width: width * 0.6 });
      doc.text(pdfText(section.total[1]), left + width * 0.6, y, { width: width * 0.4, align: 'right' });
      doc.font('Helvetica');
    }
    doc.moveDown(0.5);
  }
  if (description.footer)
    doc
      .moveDown(0.5)
      .fontSize(paper.font - 1)
      .fillColor('#555')
      .text(pdfText(description.footer), left, doc.y, { width });
  doc.end();
  return done;
}

function drawQr(doc: PDFKit.PDFDocument, qr: { data: string; sizeMm: number }, x: number) {
  const code = qrcode(0, 'M');
  code.addData(qr.data, 'Byte');
  code.make();
  const count = code.getModuleCount();
  // four modules of quiet zone on each side, as scanners expect
  const module = (qr.sizeMm * MM) / (count + 8);
  const top = doc.y + 4 * module;
  const start = x + 4 * module;
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++)
      if (code.isDark(row, col)) doc.rect(start + col * module, top + row * module, module, module);
  doc.fillColor('#000').fill();
  doc.y = top + (count + 4) * module;
}

function drawTable(doc: PDFKit.PDFDocument, table: PdfTable, left: number, width: number, font: number) {
  const columns = table.headers.length;
  const weights = table.widths?.length === columns ? table.widths : Array.from({ length: columns }, () => 1);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const colWidths = weights.map((w) => (width * w) / totalWeight);
  const colLeft = colWidths.map((_, i) => colWidths.slice(0, i).reduce((sum, w) => sum + w, left));
  const numeric = new Set(table.numeric ?? []);
  const row = (cells: (string | number | null)[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(font);
    const texts = cells.map((cell) => (cell === null ? '' : pdfText(String(cell))));
    // A row that wraps onto several lines starts on a new page rather than being cut across two.
    const height = Math.max(
      font * 3,
      ...texts.map((text, i) => doc.heightOfString(text, { width: (colWidths[i] ?? 0) - 3 })),
    );
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let bottom = y;
    texts.forEach((text, i) => {
      doc.text(text, colLeft[i] ?? left, y, {
        width: (colWidths[i] ?? 0) - 3,
        align: numeric.has(i) ? 'right' : 'left',
      });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 2;
    doc
      .moveTo(left, doc.y - 1)
      .lineTo(left + width, doc.y - 1)
      .lineWidth(0.3)
      .strokeColor('#bbb')
      .stroke();
  };
  row(table.headers, true);
  for (const cells of table.rows) row(cells, false);
  doc.font('Helvetica');
}
