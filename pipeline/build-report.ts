import { bodyToMdx } from '../model/body.ts';
import { paragraphsOf, sectionsOf } from '../model/outline.ts';
import type { IndicatorValue } from '../model/schemas/corpus.ts';
import type { Indicator } from '../model/schemas/indicator.ts';
import { FROM_TEXT_FIELDS, reportSchema, type ReportRecord } from '../model/schemas/report.ts';
import { isNoise } from '../model/schemas/paragraph.ts';
import type { Seed, SeedProblem } from './1-read/seed-file.ts';
import { detectStructure } from './2-structure/structure.ts';
import { applyDomains, type DomainRule } from './3-classify/domains.ts';
import { detectNoise } from './3-classify/noise.ts';
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
  /** Paragraphs flagged as possible noise, in document order, with their first line, reasons and the editor's decision. */
  noise: Array<{ paragraph: string; line: number; reasons: string[]; status?: 'confirmed' | 'cleared' }>;
  /** Mistakes in the seed that only the built report reveals (a noise decision on a paragraph that does not exist). */
  problems: SeedProblem[];
}

/** Reasons given when an editor sets aside a paragraph the detector did not flag. */
const EDITOR_REASON = '编辑在 frontmatter 中标为无关段落';

/** Returns the words of the reform lexicon: the taxonomy's headings and keywords and the kept glossary's terms. */
function lexiconOf(data: PipelineData): string[] {
  return [...data.domains.flatMap((d) => [...d.headings, ...d.keywords]), ...data.glossary.map((g) => g.term)];
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

type StoredSection = ReturnType<typeof toRecordSection>;

/** Returns the stored outline with each flagged paragraph's noise flag set. */
function withNoise(s: StoredSection, flags: Map<string, { reasons: string[]; status?: 'confirmed' | 'cleared' }>): StoredSection {
  return {
    ...s,
    paragraphs: s.paragraphs.map((p) => (flags.has(p.id) ? { ...p, noise: flags.get(p.id) } : p)),
    children: s.children.map((c) => withNoise(c, flags)),
  };
}

/** Returns the record, the MDX body, the indicator values and the unclassified paragraphs of one report. */
export function buildReport(seed: Seed, data: PipelineData): BuiltReport {
  const { meta } = seed;
  // 2 structure: chrome set aside, sections, paragraphs, run-ins, boxes.
  const structure = detectStructure(seed.body, seed.bodyLine, meta.titleStated ? meta.title : '');
  const { root } = structure;
  // 3 classify: reform domains of every paragraph and section.
  const unclassified = applyDomains(root, data.domains);
  // 3 classify: paragraphs that may not belong to the report, and the editor's decisions on them.
  const allParagraphs = [...paragraphsOf<SectionDraft, ParagraphDraft>(root)].map(({ paragraph }) => paragraph);
  const flags = new Map<string, { reasons: string[]; status?: 'confirmed' | 'cleared' }>();
  for (const [id, reasons] of detectNoise(root, lexiconOf(data))) flags.set(id, { reasons });
  const problems: SeedProblem[] = [];
  const ids = new Set(allParagraphs.map((p) => p.id));
  for (const d of meta.noise ?? []) {
    if (!ids.has(d.paragraph)) {
      const pending = [...flags.keys()].filter((id) => !meta.noise.some((x) => x.paragraph === id));
      problems.push({
        file: seed.file,
        line: d.line,
        message: `noise.${d.action} 中的段落 ${d.paragraph} 在正文中不存在(段落的文字改动后编号会变)。`,
        fix: `到报告页或 /compare/unclassified/ 查到该段现在的 ¶ 编号后改正,或删掉这一项${pending.length > 0 ? `;目前待确认的疑似无关段落是 ${pending.join('、')}` : ''}。`,
      });
      continue;
    }
    const flag = flags.get(d.paragraph);
    if (d.action === 'confirm') flags.set(d.paragraph, { reasons: flag?.reasons ?? [EDITOR_REASON], status: 'confirmed' });
    else if (flag) flag.status = 'cleared';
  }
  // Text set aside as noise gives no indicator values.
  const kept = (p: ParagraphDraft) => !isNoise({ noise: flags.get(p.id) });
  // 4 extract: figures, firsts, terms, indicator values.
  const { figures, firsts } = extractFigures(root, seed.slug);
  applyFigures(root, figures, firsts);
  const terms = extractTerms(root, structure.glossary, data.glossary);
  applyTermMarks(root, terms);
  const paragraphs = allParagraphs.filter(kept);
  const keptIds = new Set(paragraphs.map((p) => p.id));
  const values = indicatorValues(data.indicators, {
    slug: seed.slug,
    jurisdiction: meta.jurisdiction,
    paragraphs,
    figures: figures.filter((f) => keptIds.has(f.paragraph)),
    firsts: firsts.filter((f) => keptIds.has(f.paragraph)),
  });

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
    outline: withNoise(toRecordSection(root), flags),
    terms,
  };
  // The pipeline checks its own output against the model the site reads it with.
  const record = reportSchema.parse(stored);
  const noise = allParagraphs.filter((p) => flags.has(p.id)).map((p) => ({ paragraph: p.id, line: p.lines[0], ...flags.get(p.id)! }));
  return { record, json: `${JSON.stringify(stored)}\n`, mdx: bodyToMdx(seed.slug, toBodySection(root)), values, unclassified, noise, problems };
}
