import { z } from 'astro/zod';

/** A reform domain assigned to a passage or section, with how and why (scripts/lib/domains.ts). */
const domainTagSchema = z.object({
  /** Id in content/domains.json. */
  domain: z.string(),
  /** heading: a section heading names the domain; run-in: the paragraph's own lead phrase does; keywords: words in the text. */
  via: z.enum(['heading', 'run-in', 'keywords']),
  /** The heading text, or the keywords found. */
  evidence: z.array(z.string()),
});
export type DomainTag = z.infer<typeof domainTagSchema>;

/** A paragraph of report text with its stable anchor. */
const paragraphSchema = z.object({
  /** Stable anchor: p- and six hex digits of the SHA-1 of the text (-2, -3 for repeats). */
  id: z.string(),
  /** text, item (enumeration item), definition (glossary box), place (sub-jurisdiction), box-label, table. */
  kind: z.enum(['text', 'item', 'definition', 'place', 'box-label', 'table', 'quote']),
  /** The exact text of the paragraph. */
  text: z.string(),
  /** First and last line in the seed file. */
  lines: z.tuple([z.number(), z.number()]),
  /** Enumeration marker that opens the text (一是, ——). */
  marker: z.string().optional(),
  /** Run-in heading at the start of the text. */
  runIn: z.string().optional(),
  /** Term a glossary definition defines. */
  term: z.string().optional(),
  /** Sub-jurisdiction a place paragraph is about. */
  place: z.string().optional(),
  /** Enumeration the paragraph belongs to. */
  list: z.string().optional(),
  /** Reform domains of the passage. */
  domains: z.array(domainTagSchema).default([]),
  /** Markdown phrasing nodes of a paragraph with inline markup (rendered from the MDX body; kept for exports). */
  md: z.array(z.unknown()).optional(),
  /** Markdown table node (rendered from the MDX body). */
  table: z.unknown().optional(),
  /** Bullet or number of a markdown list item (markup, not text). */
  bullet: z.string().optional(),
});

/** A section of the outline; the root (level 0) holds the text before the first heading. */
export type OutlineSection = {
  id: string;
  level: number;
  style: string;
  number?: string;
  title: string;
  heading: string;
  lines: [number, number];
  paragraphs: z.infer<typeof paragraphSchema>[];
  children: OutlineSection[];
  project?: { lead?: string; group?: string };
  domains: DomainTag[];
};

const sectionSchema: z.ZodType<OutlineSection> = z.lazy(() =>
  z.object({
    /** Stable anchor: s- and six hex digits of the SHA-1 of the printed heading. */
    id: z.string(),
    /** Outline level, 1 for top sections. */
    level: z.number().int().min(0),
    /** How the heading is marked in the source (bracket, cn-number, arabic, label, plain, markdown-N). */
    style: z.string(),
    /** Numbering as printed. */
    number: z.string().optional(),
    /** Heading without numbering and brackets, for the table of contents. */
    title: z.string(),
    /** Heading exactly as printed. */
    heading: z.string(),
    /** First and last line of the heading in the seed file. */
    lines: z.tuple([z.number(), z.number()]),
    paragraphs: z.array(paragraphSchema),
    children: z.array(sectionSchema),
    /** Lead official and responsible special group, for a numbered reform project. */
    project: z.object({ lead: z.string().optional(), group: z.string().optional() }).optional(),
    /** Reform domains of the section: those its heading names, or its paragraphs' together. */
    domains: z.array(domainTagSchema).default([]),
  }),
) as z.ZodType<OutlineSection>;

/** A place where a term occurs in a report. */
const termOccurrenceSchema = z.object({
  /** Paragraph id; absent when the term is in the section heading. */
  paragraph: z.string().optional(),
  /** Section id (top for text before the first heading). */
  section: z.string(),
  /** UTF-16 offset of the first character in the paragraph text (or the heading as printed). */
  start: z.number().int().min(0),
  /** UTF-16 offset after the last character. */
  end: z.number().int().min(0),
  /** The words as written, when they are a synonym of the term. */
  form: z.string().optional(),
  /** True when the words stand inside “…”. */
  quoted: z.boolean(),
});

/** A term one report uses, with its occurrences in document order. */
const reportTermSchema = z.object({
  /** The term: 放管服. */
  term: z.string(),
  /** URL segment of its page /terms/<slug>/: the term itself unless it cannot be one. */
  slug: z.string(),
  /** True for a term of the kept glossary (content/glossary.json). */
  kept: z.boolean(),
  /** The report's own definition, from one of its glossary boxes. */
  definition: z.string().optional(),
  occurrences: z.array(termOccurrenceSchema),
});
export type ReportTerm = z.infer<typeof reportTermSchema>;

/** A span of a report's text that the pipeline found (a figure or a first): where it is and what it says. */
const textSpanSchema = z.object({
  /** Stable id (fig-… or first- and eight hex digits from report, paragraph and text); the anchor of its <mark> on the report page. */
  id: z.string(),
  /** Slug of the report. */
  report: z.string(),
  /** Id in content/jurisdictions.json. */
  jurisdiction: z.string(),
  /** Section id it is in. */
  section: z.string(),
  /** Paragraph id it is in. */
  paragraph: z.string(),
  /** UTF-16 offset in the paragraph text. */
  start: z.number().int().min(0),
  /** UTF-16 offset after it. */
  end: z.number().int().min(0),
  /** The span as printed: 115项, 由20.7天缩短至5天, 在全省率先. */
  text: z.string(),
});

/** A number found in report text, with its unit and the sentence it came from (scripts/lib/figures.ts). */
export const figureSchema = textSpanSchema.extend({
  /** The number (for a change, the value after it) as printed: 2.3万元 is 2.3 with unit 万元. */
  value: z.number(),
  /** Unit as printed: 项, 个工作日, 万元, %. */
  unit: z.string(),
  /** What the unit measures. */
  kind: z.enum(['count', 'percent', 'points', 'money', 'area', 'duration']),
  /** Before → after, when the text gives both. */
  change: z.object({ from: z.number(), to: z.number(), verb: z.string() }).optional(),
  /** Hedge printed with the number: 多, 余, 近, 约, 超过. */
  approx: z.string().optional(),
  /** Arabic or Chinese numerals. */
  numeral: z.enum(['arabic', 'chinese']),
  /** The words the figure quantifies. */
  phrase: z.string(),
  /** The sentence the figure is in. */
  sentence: z.string(),
  /** Reform domains of the paragraph (ids in content/domains.json). */
  domains: z.array(z.string()),
});
export type FigureRecord = z.infer<typeof figureSchema>;

/** A claim of being first or leading (在全省率先, 全国首个, 排名第一位, 走在前列). */
export const firstSchema = textSpanSchema.extend({
  /** 率先 (did it first), 首个 (first of its kind), 第一 (ranked first), 前列 (among the leaders). */
  claim: z.enum(['率先', '首个', '第一', '前列']),
  /** Where the claim holds: 全国, 全省, 全市 …, or 未说明. */
  scope: z.string(),
  /** The sentence the claim is in. */
  sentence: z.string(),
  /** Reform domains of the paragraph. */
  domains: z.array(z.string()),
  /** Id of the first this one restates (a run-in heading and its paragraph); counts leave it out. */
  repeatOf: z.string().optional(),
});
export type FirstRecord = z.infer<typeof firstSchema>;

/** The record of one report: content/records/<slug>.json, written by scripts/build-content.ts. */
export const reportSchema = z.object({
  /** File name of the seed without .md; the URL is /reports/<slug>/. */
  slug: z.string(),
  /** Title as printed; '' when the document states none. */
  title: z.string(),
  /** False when the document has no title of its own. */
  titleStated: z.boolean(),
  /** Id in content/jurisdictions.json. */
  jurisdiction: z.string(),
  /** Province. */
  province: z.string(),
  /** Administrative level as the catalogue states it. */
  level: z.string(),
  /** Period covered. */
  period: z.object({
    raw: z.string(),
    start: z.string(),
    end: z.string(),
    years: z.array(z.number()),
    label: z.string(),
    /** Free-text note on the period (回顾与计划). */
    note: z.string(),
  }),
  /** Id in content/kinds.json. */
  kind: z.string(),
  /** Publisher (出版者 / 网站). */
  publisher: z.string(),
  /** Source (来源) as the page or yearbook states it. */
  source: z.string(),
  /** Address of the original, if known. */
  url: z.string(),
  /** Author. */
  author: z.string(),
  /** Editor. */
  editor: z.string(),
  /** Name in a closing signature line. */
  signedBy: z.string(),
  /** Date, YYYY-MM-DD, or ''. */
  date: z.string(),
  /** What the date is (成文日期, 发布时间). */
  dateKind: z.string(),
  /** Fields read from the text rather than the frontmatter, with the line they came from. */
  fromText: z.record(z.string(), z.number()),
  /** Path of the seed file. */
  seedFile: z.string(),
  /** Counts over the report text. */
  stats: z.object({ sections: z.number(), paragraphs: z.number(), characters: z.number(), unclassified: z.number() }),
  /** Page chrome set aside from the text, kept for the source view. */
  chrome: z.array(z.object({ line: z.number(), kind: z.string(), text: z.string() })),
  /** Terms defined in the report's own glossary boxes. */
  glossary: z.array(z.object({ term: z.string(), definition: z.string(), paragraph: z.string(), section: z.string() })),
  /** Numbered reform projects with lead official and responsible group. */
  projects: z.array(
    z.object({ number: z.string(), title: z.string(), lead: z.string().optional(), group: z.string().optional(), section: z.string() }),
  ),
  /** Paragraphs in lists of sub-jurisdictions (districts, counties). */
  places: z.array(z.object({ place: z.string(), paragraph: z.string(), section: z.string() })),
  /** Terms the report uses (scripts/lib/terms.ts): kept-glossary terms, terms its glossary boxes define, quoted terms. */
  terms: z.array(reportTermSchema).default([]),
  /** Figures found in the text (scripts/lib/figures.ts), in document order. */
  figures: z.array(figureSchema).default([]),
  /** Claims of being first or leading, in document order. */
  firsts: z.array(firstSchema).default([]),
  /** The outline with every paragraph. */
  outline: sectionSchema,
  /** The seed body exactly as stored, for the source view. */
  sourceText: z.string(),
  /** Seed-file line number of the body's first line. */
  sourceFirstLine: z.number(),
});

export type ReportRecord = z.infer<typeof reportSchema>;

/** The frontmatter of a generated MDX body (content/reports/<slug>.mdx): only the slug; the record holds the rest. */
export const reportBodySchema = z.object({
  /** Same as the record's slug. */
  slug: z.string(),
});
