/** Shapes shared by the seed → MDX pipeline. Kept free of I/O so every module can be tested on strings. */

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

/** Kinds of page furniture that are set aside from the report text but kept for the source view. */
export type ChromeKind =
  | 'breadcrumb'
  | 'share'
  | 'navigation'
  | 'byline'
  | 'footer'
  | 'ui-label'
  | 'title'
  | 'signature';

/** A line of page chrome: where it was, what kind it is and its text. */
export interface ChromeLine {
  line: number;
  kind: ChromeKind;
  text: string;
}

/** Metadata read from lines the text carries (bylines, signature lines). */
export interface TextMetadata {
  author?: string;
  editor?: string;
  /** Name in a closing signature line, e.g. the writer of a yearbook entry: (李雪欣). */
  signedBy?: string;
  source?: string;
  publisher?: string;
  date?: string;
  dateKind?: string;
  /** For each field read, the line it came from. */
  lines: Record<string, number>;
}

/** How a heading is marked in the source; the order of appearance decides the outline level. */
export type HeadingStyle =
  | 'markdown-1'
  | 'markdown-2'
  | 'markdown-3'
  | 'markdown-4'
  | 'markdown-5'
  | 'markdown-6'
  | 'bracket'
  | 'cn-number'
  | 'paren-cn'
  | 'arabic'
  | 'paren-arabic'
  | 'circled'
  | 'label'
  | 'plain';

/** What a paragraph is in the report's structure. */
export type ParagraphKind = 'text' | 'item' | 'definition' | 'place' | 'box-label' | 'table' | 'quote';

/** A paragraph of report text (or one item split from a paragraph), with a stable anchor id. */
export interface Paragraph {
  id: string;
  kind: ParagraphKind;
  /** The exact text, characters unchanged; several source lines are joined with '\n'. */
  text: string;
  /** First and last source line. */
  lines: [number, number];
  /** Enumeration marker at the start of `text` (一是, ——, 1.), if any. */
  marker?: string;
  /** Run-in heading that follows the marker (or opens the text): a prefix of the rest of `text`. */
  runIn?: string;
  /** For a glossary definition, the term it defines. */
  term?: string;
  /** For a paragraph in a list of sub-jurisdictions, the place it is about. */
  place?: string;
  /** Id of the enumeration this item belongs to (items of one list share it). */
  list?: string;
  /** Reform domains of the passage, with evidence (set by the domain classifier). */
  domains?: DomainTag[];
  /** Spans of the text to mark on the page (figures, firsts, glossary terms), by character offset. */
  marks?: TextMark[];
  /** For a markdown paragraph with inline markup: its mdast phrasing nodes (made inert), rendered instead of `text`. */
  md?: unknown[];
  /** For a markdown table: its mdast table node (made inert). */
  table?: unknown;
  /** For a markdown list item: its bullet or number (•, 1.), which is markup, not part of `text`. */
  bullet?: string;
}

/**
 * A span of a paragraph's text that the page marks up: a figure, a claim of being first, or a
 * glossary term. Offsets are UTF-16 indices into Paragraph.text (start inclusive, end exclusive).
 */
export interface TextMark {
  start: number;
  end: number;
  kind: 'figure' | 'first' | 'term';
  /** What the mark points to: a figure id, a first id, a term slug. */
  ref: string;
  /** Short text shown on hover and focus (a definition, a value with its unit). */
  note?: string;
}

/** A reform domain assigned to a passage or section, with how and why. */
export interface DomainTag {
  domain: string;
  via: 'heading' | 'run-in' | 'keywords';
  /** The heading text (heading, run-in) or the keywords found (keywords). */
  evidence: string[];
}

/** A section of the outline. The root section (level 0) holds the text before the first heading. */
export interface Section {
  id: string;
  level: number;
  style: HeadingStyle | 'root';
  /** Numbering as printed (一、, 1., (二)), if any. */
  number?: string;
  /** The heading without numbering, brackets or trailing punctuation, for tables of contents. */
  title: string;
  /** The heading exactly as printed; lines of a two-line heading are joined with '\n'. */
  heading: string;
  lines: [number, number];
  paragraphs: Paragraph[];
  children: Section[];
  /** For a numbered reform project: the official who leads it and the special group responsible. */
  project?: { lead?: string; group?: string };
  /** Reform domains of the section (set by the domain classifier). */
  domains?: DomainTag[];
}

/** A term defined in one of the report's own glossary boxes (·资料链接·). */
export interface GlossaryDefinition {
  term: string;
  definition: string;
  paragraph: string;
  section: string;
}

/** A numbered reform project found in the text. */
export interface Project {
  number: string;
  title: string;
  lead?: string;
  group?: string;
  section: string;
}

/** A sub-jurisdiction (district, county) paragraph in a list of local innovations. */
export interface PlaceItem {
  place: string;
  paragraph: string;
  section: string;
}

/** Everything the structure detector finds in one report body. */
export interface ReportStructure {
  root: Section;
  chrome: ChromeLine[];
  meta: TextMetadata;
  glossary: GlossaryDefinition[];
  projects: Project[];
  places: PlaceItem[];
}
