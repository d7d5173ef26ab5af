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
  kind: z.enum(['text', 'item', 'definition', 'place', 'box-label', 'table']),
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

/** The record of one report: the frontmatter of content/reports/<slug>.mdx, written by scripts/build-content.ts. */
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
  /** The outline with every paragraph. */
  outline: sectionSchema,
  /** The seed body exactly as stored, for the source view. */
  sourceText: z.string(),
  /** Seed-file line number of the body's first line. */
  sourceFirstLine: z.number(),
});

export type ReportRecord = z.infer<typeof reportSchema>;
