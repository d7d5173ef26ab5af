import type { PhrasingContent, Table } from 'mdast';
import type { BodyMark } from '../model/body.ts';
import type { DomainTag } from '../model/schemas/domain.ts';
import type { Figure } from '../model/schemas/figure.ts';
import type { First } from '../model/schemas/first.ts';
import type { ParagraphRole } from '../model/schemas/paragraph.ts';
import type { ChromeLine, FROM_TEXT_FIELDS } from '../model/schemas/report.ts';
import type { HeadingStyle } from '../model/schemas/section.ts';

/**
 * The report as the pipeline holds it while it works: the model's shapes (model/schemas/) with the
 * text still inside. The record drops the text (it goes to the MDX body) and keeps the rest.
 */

/** One line of a seed body: its 1-based number in the seed file, the raw text and the text without layout whitespace. */
export interface SourceLine {
  /** 1-based line number in the seed file (frontmatter included), as an editor's error message would cite it. */
  n: number;
  /** The line exactly as stored, without its line break. */
  raw: string;
  /** The line with indentation and trailing layout whitespace (ASCII, no-break and ideographic spaces) removed; '' when it held nothing else. */
  text: string;
  /** Offset of `text` inside `raw`. */
  indent: number;
}

/** Metadata read from lines the text carries (bylines, signature lines), each field with the line it came from. */
export type TextMetadata = Partial<Record<(typeof FROM_TEXT_FIELDS)[number], string>> & {
  /** For each field read, the seed-file line it came from. */
  lines: Partial<Record<(typeof FROM_TEXT_FIELDS)[number], number>>;
};

/** A paragraph while the pipeline works on it (see model/schemas/paragraph.ts for the stored fields). */
export interface ParagraphDraft {
  id: string;
  role: ParagraphRole;
  /** The exact text, characters unchanged; several source lines are joined with '\n'. */
  text: string;
  lines: [number, number];
  /** Enumeration marker at the start of `text` (一是, ——, 1.), if any. */
  marker?: string;
  /** Run-in heading that follows the marker (or opens the text): a prefix of the rest of `text`. */
  runIn?: string;
  term?: string;
  place?: string;
  list?: string;
  domains?: DomainTag[];
  figures?: Figure[];
  firsts?: First[];
  /** Spans to mark in the body: figures, firsts, glossary terms. */
  marks?: BodyMark[];
  /** For a markdown paragraph with inline markup: its phrasing nodes (made inert), rendered instead of `text`. */
  md?: PhrasingContent[];
  /** For a markdown table: its table node (made inert). */
  table?: Table;
  /** For a markdown list item: its bullet or number (•, 1.), which is markup, not part of `text`. */
  bullet?: string;
}

/** A section while the pipeline works on it (see model/schemas/section.ts). */
export interface SectionDraft {
  id: string;
  level: number;
  style: HeadingStyle;
  number?: string;
  title: string;
  heading: string;
  lines: [number, number];
  paragraphs: ParagraphDraft[];
  children: SectionDraft[];
  project?: { lead?: string; group?: string };
  domains?: string[];
}

/** A term defined in one of the report's own glossary boxes (·资料链接·). */
export interface BoxDefinition {
  term: string;
  /** The defining paragraph's text. */
  definition: string;
  paragraph: string;
  section: string;
}

/** Everything the structure detector finds in one report body. */
export interface ReportStructure {
  root: SectionDraft;
  chrome: ChromeLine[];
  meta: TextMetadata;
  glossary: BoxDefinition[];
}
