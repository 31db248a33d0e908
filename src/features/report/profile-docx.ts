/**
 * The profile and the workshop annex as Word documents (.docx), so that the government and IOM can
 * edit the draft after the consultation. Same view models as the PDF (src/domain/profile.ts,
 * workshop-annex.ts), laid out with Word's own structure: real Heading 1-3 styles, a contents field
 * (filled in with the headings, Word updates the page numbers), tables, and a sign-off block.
 * Loaded only when a Word file is asked for (by the worker, or the command-line tool).
 *
 * Keep-together as Word does it: headings are "keep with next", table rows "can't split", a finding's
 * paragraphs keep with each other, so the layout survives whatever the editors change.
 * Right-to-left text (Arabic, Hebrew) is written in bidirectional paragraphs and runs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { ProfileModel } from '../../domain/profile';
import { hasRtl, type Script } from '../../domain/scripts';
import type { WorkshopAnnexModel } from '../../domain/workshop-annex';

const BRAND = '0B4F8A';
const MUTED = '4A5360';

/** Word picks the font of each character by its class; the scripts' Noto fonts are named for them. */
const scriptFonts: Partial<Record<Script, string>> = {
  arabic: 'Noto Sans Arabic',
  hebrew: 'Noto Sans Hebrew',
  han: 'Noto Sans SC',
  japanese: 'Noto Sans JP',
  korean: 'Noto Sans KR',
};

function fontsFor(scripts: readonly Script[]) {
  const complex = scripts.find((s) => s === 'arabic' || s === 'hebrew');
  const eastAsia = scripts.find((s) => s === 'han' || s === 'japanese' || s === 'korean');
  return {
    ascii: 'Noto Sans',
    hAnsi: 'Noto Sans',
    cs: complex ? scriptFonts[complex]! : 'Noto Sans',
    eastAsia: eastAsia ? scriptFonts[eastAsia]! : 'Noto Sans',
  };
}

function run(text: string, options: { bold?: boolean; color?: string; size?: number } = {}): TextRun {
  return new TextRun({ text, ...options, rightToLeft: hasRtl(text) || undefined });
}

/** A paragraph of the team's free text: line breaks kept, right-to-left when it is written so. */
function para(text: string, options: Omit<IParagraphOptions, 'children' | 'text'> & { bold?: boolean; color?: string; size?: number } = {}): Paragraph {
  const { bold, color, size, ...rest } = options;
  const lines = text.split('\n');
  const children: ParagraphChild[] = lines.flatMap((line, i) => (i === 0 ? [run(line, { bold, color, size })] : [new TextRun({ break: 1 }), run(line, { bold, color, size })]));
  return new Paragraph({ ...rest, children, bidirectional: hasRtl(text) || undefined });
}

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const headingLevel = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: headingLevel, keepNext: true, keepLines: true, bidirectional: hasRtl(text) || undefined, children: [run(text)] });
}

const bullet = (text: string) => para(text, { bullet: { level: 0 } });

function table(columns: string[], rows: string[][], widths: number[]): Table {
  const cell = (text: string, header = false, width = 0) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: text.split('\n\n').map((p) => para(p, { bold: header, size: 18 })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c, true, widths[i]!)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, widths[i]!)) })),
    ],
  });
}

const styles = {
  default: { document: { run: { font: 'Noto Sans', size: 20 }, paragraph: { spacing: { after: 120, line: 300 } } } },
  paragraphStyles: [
    { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 34, bold: true, color: BRAND }, paragraph: { spacing: { before: 360, after: 160 } } },
    { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, bold: true, color: BRAND }, paragraph: { spacing: { before: 280, after: 120 } } },
    { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 23, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
  ],
};

function frame(header: string, pageLabel: string, watermark: string | null) {
  const [before, between, after] = pageLabel.split(/\{\{page\}\}|\{\{total\}\}/);
  return {
    headers: { default: new Header({ children: [para(watermark ? `${watermark} · ${header}` : header, { color: MUTED, size: 16 })] }) },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({ text: before ?? '', size: 16, color: MUTED }),
              new TextRun({ children: [PageNumber.CURRENT], size: 16, color: MUTED }),
              new TextRun({ text: between ?? '', size: 16, color: MUTED }),
              new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: MUTED }),
              new TextRun({ text: after ?? '', size: 16, color: MUTED }),
            ],
          }),
        ],
      }),
    },
  };
}

export function profileDocument(model: ProfileModel): Document {
  const children: (Paragraph | Table | TableOfContents)[] = [];
  const push = (...items: (Paragraph | Table | TableOfContents)[]) => children.push(...items);

  // Cover
  push(
    para(model.cover.title, { size: 56, bold: true, color: BRAND, spacing: { before: 2400, after: 360 } }),
    para(model.cover.government, { size: 40, bold: true }),
    para(model.cover.yearLine, { size: 26 }),
    para(model.cover.status, { size: 26 }),
    ...(model.cover.focalPoint ? [para(model.cover.focalPoint, { size: 26 })] : []),
    para(model.cover.basis, { color: MUTED, spacing: { before: 600 } }),
    para(model.cover.selfAssessment, { color: MUTED }),
    new Paragraph({ children: [new PageBreak()] }),
  );

  // Contents: a real Word field over Heading 1, written with the entries so it is never empty.
  push(
    para(model.contents.title, { size: 34, bold: true, color: BRAND }),
    new TableOfContents(model.contents.title, { hyperlink: true, headingStyleRange: '1-1' }),
    new Paragraph({ children: [new PageBreak()] }),
  );

  push(heading(model.objectives.title, 1), ...model.objectives.paragraphs.map((p) => para(p)));
  push(heading(model.acronyms.title, 1), acronymTable(model));
  push(heading(model.introduction.title, 1));
  for (const part of model.introduction.parts) push(heading(part.title, 2), ...part.paragraphs.map((p) => para(p)), ...part.items.map(bullet));
  push(heading(model.context.title, 1), ...model.context.paragraphs.map((p) => para(p)));

  push(heading(model.findings.title, 1), para(model.findings.intro, { color: MUTED }));
  for (const d of model.findings.domains) {
    push(heading(d.heading, 2), para(d.description, { color: MUTED }));
    if (d.localNote) push(para(d.localNote));
    for (const group of [d.wellDeveloped, d.potential]) {
      push(heading(group.title, 3));
      if (group.items.length === 0) push(para(group.none, { color: MUTED }));
      for (const f of group.items) {
        const parts = [f.narrative, f.dissent, f.sources].filter((x): x is string => Boolean(x));
        push(
          new Paragraph({
            keepNext: parts.length > 0,
            keepLines: true,
            bidirectional: hasRtl(f.sentence) || undefined,
            children: [run(`${f.number}  `, { bold: true, color: BRAND }), run(f.sentence, { bold: true }), ...(f.tag ? [run(` ${f.tag}`, { color: MUTED })] : [])],
          }),
          ...parts.map((p, i) => para(p, { keepNext: i < parts.length - 1, keepLines: true, ...(p === f.narrative ? {} : { color: MUTED, size: 17 }) })),
        );
      }
    }
  }

  if (model.changes) {
    push(heading(model.changes.title, 1), para(model.changes.intro, { color: MUTED }));
    for (const d of model.changes.domains) {
      push(heading(d.title, 2));
      if (d.none) push(para(d.none, { color: MUTED }));
      for (const g of d.groups) push(heading(g.title, 3), ...g.items.map(bullet));
    }
  }
  if (model.local) {
    push(heading(model.local.title, 1), ...model.local.paragraphs.map((p) => para(p)));
    for (const n of model.local.notes) push(para(n.domain, { bold: true, keepNext: true }), para(n.note));
  }

  push(heading(model.sources.title, 1), para(model.sources.intro, { color: MUTED }));
  if (model.sources.items.length === 0) push(para(model.sources.none));
  push(...model.sources.items.map((s) => para(s, { indent: { left: 360, hanging: 360 }, keepLines: true })));

  if (model.conventions) {
    push(
      heading(model.conventions.title, 1),
      para(model.conventions.intro, { color: MUTED }),
      table(
        [model.conventions.columns.instrument, model.conventions.columns.status],
        model.conventions.rows.map((r) => [r.instrument, r.status]),
        [58, 42],
      ),
    );
  }

  push(heading(model.gcm.title, 1), para(model.gcm.intro, { color: MUTED }));
  for (const o of model.gcm.objectives) push(heading(o.title, 3), ...(o.lines.length === 0 ? [para(o.none, { color: MUTED })] : o.lines.map((l) => para(l))));

  // Sign-off: a table per role with blank cells to fill in by hand.
  push(heading(model.signOff.title, 1), para(model.signOff.intro));
  for (const role of model.signOff.roles) {
    push(
      para(role, { bold: true, keepNext: true, spacing: { before: 240 } }),
      table(
        [model.signOff.fields.name, model.signOff.fields.position],
        [
          ['', ''],
          [model.signOff.fields.signature, model.signOff.fields.date],
          ['', ''],
        ],
        [50, 50],
      ),
    );
  }

  return new Document({
    title: model.meta.title,
    creator: model.meta.creator,
    subject: model.meta.subject,
    keywords: model.meta.keywords,
    description: model.meta.author,
    styles: { ...styles, default: { document: { run: { font: fontsFor(model.scripts), size: 20 }, paragraph: styles.default.document.paragraph } } },
    features: { updateFields: true },
    sections: [{ properties: {}, ...frame(model.header, model.pageLabel, model.watermark), children }],
  });
}

function acronymTable(model: ProfileModel): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    },
    rows: model.acronyms.items.map(
      (a) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: 18, type: WidthType.PERCENTAGE }, children: [para(a.short, { bold: true })] }),
            new TableCell({ width: { size: 82, type: WidthType.PERCENTAGE }, children: [para(a.long)] }),
          ],
        }),
    ),
  });
}

export function annexDocument(model: WorkshopAnnexModel): Document {
  const children: (Paragraph | Table)[] = [
    para(model.cover.title, { size: 44, bold: true, color: BRAND }),
    para(model.cover.government, { size: 32, bold: true }),
    para(`${model.cover.yearLine} · ${model.cover.date}`),
    para(model.cover.notProfile, { color: MUTED }),
    heading(model.method.title, 2),
    ...model.method.items.map(bullet),
    heading(model.summary.title, 2),
    para(model.summary.caption, { color: MUTED, keepNext: true }),
    table(
      model.summary.columns,
      model.summary.rows.map((r) => r.cells),
      [30, 12, 12, 8, 9, 8, 10, 11],
    ),
    heading(model.flags.title, 2),
    ...model.flags.domains.flatMap((d) => [para(d.title, { bold: true, keepNext: true }), ...d.lines.map((l) => para(l))]),
    heading(model.answers.title, 1),
    para(model.answers.intro, { color: MUTED }),
  ];
  for (const d of model.answers.domains) {
    children.push(
      heading(d.title, 2),
      table(
        [model.answers.columns.question, model.answers.columns.answer, model.answers.columns.notes],
        d.rows.map((r) => [r.question, r.answer, r.notes.join('\n\n')]),
        [42, 16, 42],
      ),
    );
  }
  return new Document({
    title: model.meta.title,
    creator: model.meta.creator,
    subject: model.meta.subject,
    keywords: model.meta.keywords,
    styles: { ...styles, default: { document: { run: { font: fontsFor(model.scripts), size: 20 }, paragraph: styles.default.document.paragraph } } },
    sections: [{ properties: {}, ...frame(model.header, model.pageLabel, null), children }],
  });
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function profileDocx(model: ProfileModel): Promise<Blob> {
  return new Blob([await Packer.toBlob(profileDocument(model))], { type: DOCX_TYPE });
}

export async function annexDocx(model: WorkshopAnnexModel): Promise<Blob> {
  return new Blob([await Packer.toBlob(annexDocument(model))], { type: DOCX_TYPE });
}

