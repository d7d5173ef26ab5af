import { bodyToMdx } from '../model/body.ts';
import { toSimplified } from '../model/simplified.ts';
import { paragraphsOf, sectionsOf } from '../model/outline.ts';
import type { IndicatorValue } from '../model/schemas/corpus.ts';
import type { Indicator } from '../model/schemas/indicator.ts';
import { FROM_TEXT_FIELDS, reportSchema, type ReportRecord } from '../model/schemas/report.ts';
import type { Seed } from './1-read/seed-file.ts';
import { detectStructure } from './2-structure/structure.ts';
import { applyDomains, type DomainRule } from './3-classify/domains.ts';
import { applyFigures, extractFigures } from './4-extract/figures.ts';
import { indicatorValues } from './4-extract/indicators.ts';
import { applyTermMarks, extractTerms, type KeptTerm } from './4-extract/terms.ts';
import { toBodySection, toRecordSection } from './5-write/outputs.ts';
import type { ParagraphDraft, SectionDraft } from './draft.ts';

/**
 * One seed → its record and its MDX body: the stages in the order the data flows through them.
 * 1 read (the seed is read and checked by the caller), 2 structure, 3 classify, 4 extract, 5 write.
 */

/** The hand-kept data the pipeline applies to every report. */
export interface PipelineData {
  /** The taxonomy's domains (content/domains.json). */
  domains: DomainRule[];
  /** The kept glossary (content/glossary.json); without it only quoted and box-defined terms are found. */
  glossary: KeptTerm[];
  /** The comparable indicators (content/indicators.json). */
  indicators: Indicator[];
}

/** What one report becomes. */
export interface BuiltReport {
  /** The record, as the model reads it. */
  record: ReportRecord;
  /** Its stored form, content/records/<slug>.json: compact, with schema defaults left out. */
  json: string;
  /** content/reports/<slug>.mdx: the text, once. */
  mdx: string;
  /** The report's indicator values, for content/corpus/indicator-values.json. */
  values: IndicatorValue[];
  /** Ids of the paragraphs no domain caught. */
  unclassified: string[];
}

/** Returns the counts over an outline: sections, paragraphs and characters (code points) of headings and paragraphs. */
function stats(root: SectionDraft): { sections: number; paragraphs: number; characters: number } {
  let sections = 0;
  let characters = 0;
  for (const s of sectionsOf(root)) {
    sections++;
    characters += [...s.heading].length;
  }
  let paragraphs = 0;
  for (const { paragraph } of paragraphsOf<SectionDraft, ParagraphDraft>(root)) {
    paragraphs++;
    characters += [...paragraph.text].length;
  }
  return { sections, paragraphs, characters };
}

/** Returns the record, the MDX body, the indicator values and the unclassified paragraphs of one report. */
export function buildReport(seed: Seed, data: PipelineData): BuiltReport {
  const { meta } = seed;
  // 2 structure: chrome set aside, sections, paragraphs, run-ins, boxes.
  const structure = detectStructure(seed.body, seed.bodyLine, meta.titleStated ? meta.title : '');
  const { root } = structure;
  // 3 classify: reform domains of every paragraph and section.
  const unclassified = applyDomains(root, data.domains);
  // 4 extract: figures, firsts, terms, indicator values.
  const { figures, firsts } = extractFigures(root, seed.slug);
  applyFigures(root, figures, firsts);
  const terms = extractTerms(root, structure.glossary, data.glossary);
  applyTermMarks(root, terms);
  // Indicator patterns match the Simplified form; offsets are those of the text as written.
  const paragraphs = [...paragraphsOf<SectionDraft, ParagraphDraft>(root)].map(({ paragraph }) => ({ id: paragraph.id, text: toSimplified(paragraph.text) }));
  const values = indicatorValues(data.indicators, { slug: seed.slug, jurisdiction: meta.jurisdiction, paragraphs, figures, firsts });

  // 5 write. A field the frontmatter leaves empty may be read from the text, with the line it came from.
  const fromText: ReportRecord['fromText'] = {};
  const filled: Record<(typeof FROM_TEXT_FIELDS)[number], string> = { author: '', editor: '', signedBy: '', source: '', date: '', dateKind: '' };
  for (const field of FROM_TEXT_FIELDS) {
    const own = field === 'editor' || field === 'signedBy' ? '' : meta[field];
    const read = structure.meta[field];
    if (own) filled[field] = own;
    else if (read) {
      filled[field] = read;
      const line = structure.meta.lines[field];
      if (line !== undefined) fromText[field] = line;
    }
  }
  if (fromText.date !== undefined && !meta.dateKind && structure.meta.dateKind) fromText.dateKind = fromText.date;

  const stored = {
    slug: seed.slug,
    title: meta.title,
    titleStated: meta.titleStated,
    jurisdiction: meta.jurisdiction,
    province: meta.province,
    level: meta.level,
    period: { ...meta.period, note: meta.periodNote },
    kind: meta.kind,
    publisher: meta.publisher,
    url: meta.url,
    ...filled,
    fromText,
    seedFile: seed.file,
    bodyLine: seed.bodyLine,
    stats: { ...stats(root), unclassified: unclassified.length },
    chrome: structure.chrome,
    outline: toRecordSection(root),
    terms,
  };
  // The pipeline checks its own output against the model the site reads it with.
  const record = reportSchema.parse(stored);
  return { record, json: `${JSON.stringify(stored)}\n`, mdx: bodyToMdx(seed.slug, toBodySection(root)), values, unclassified };
}
