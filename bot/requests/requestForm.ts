import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** The form template in the policy folder (domain/forms/lateRenewalForm.json). */
export interface FormTemplate {
  institution: string;
  title: string;
  subtitle: string;
  fields: { label: string; value: string }[];
  body: string[];
  dateLabel: string;
  signatureLabel: string;
}

export const LATE_FORM_PATH = join(__dirname, '../../domain/forms/lateRenewalForm.json');
const FONT_DIR = join(__dirname, 'fonts');

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/**
 * The pre-filled wet-signed form for a late renewal (R2) as a PDF, with DejaVu Sans embedded
 * (subset) so ı İ ş ğ ç ö ü print correctly. `values` fill the template's {placeholders}.
 */
export async function renderForm(template: FormTemplate, values: Record<string, string>): Promise<Uint8Array> {
  fonts ??= { regular: readFileSync(join(FONT_DIR, 'DejaVuSans.ttf')), bold: readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf')) };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_whole, name: string) => values[name] ?? '');
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(fill(template.title));
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const page = pdf.addPage([595.28, 841.89]);
  const writer = new PageWriter(page, 56);
  writer.line(fill(template.institution), bold, 11);
  writer.gap(18);
  writer.line(fill(template.title), bold, 14);
  writer.line(fill(template.subtitle), regular, 10);
  writer.gap(16);
  for (const field of template.fields) writer.line(`${field.label}: ${fill(field.value)}`, regular, 11);
  writer.gap(16);
  for (const paragraph of template.body) {
    writer.paragraph(fill(paragraph), regular, 11);
    writer.gap(8);
  }
  writer.gap(40);
  writer.line(fill(template.dateLabel), regular, 11);
  writer.gap(40);
  writer.line('_______________________________', regular, 11);
  writer.line(fill(template.signatureLabel), regular, 10);
  return pdf.save();
}

/** Writes lines top to bottom, wrapping paragraphs to the page width. */
class PageWriter {
  private y: number;
  private readonly width: number;

  constructor(private readonly page: PDFPage, private readonly margin: number) {
    this.y = page.getHeight() - margin;
    this.width = page.getWidth() - margin * 2;
  }

  line(text: string, font: PDFFont, size: number): void {
    this.y -= size * 1.5;
    this.page.drawText(text, { x: this.margin, y: this.y, size, font, color: rgb(0, 0, 0) });
  }

  paragraph(text: string, font: PDFFont, size: number): void {
    let current = '';
    for (const word of text.split(/\s+/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > this.width && current) {
        this.line(current, font, size);
        current = word;
      } else current = candidate;
    }
    if (current) this.line(current, font, size);
  }

  gap(points: number): void {
    this.y -= points;
  }
}
