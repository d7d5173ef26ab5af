import { z } from 'astro/zod';
import { sectionSchema } from './section.ts';
import { reportTermSchema } from './term.ts';

/**
 * How precisely the seed states the period: exact (2018), approximate (约2018: the editor read it
 * from the text but the text does not state it exactly), or unstated (未说明: the text does not say
 * which time it covers; start and end are then '' and years is empty, so no page, filter or chart
 * claims a time for it).
 */
export const periodPrecisionSchema = z.enum(['exact', 'approximate', 'unstated']);
export type PeriodPrecision = z.infer<typeof periodPrecisionSchema>;

/** The span of time a report covers, parsed from the seed's `period:`. */
export const periodSchema = z.object({
  /** The value as written in the seed: 2018, 2019-H1, 2013/2018, 约2018, 未说明. */
  raw: z.string(),
  /** How precisely the period is stated. */
  precision: periodPrecisionSchema.default('exact').describe('时期的确切程度:exact 确切、approximate 大约、unstated 原文未说明。'),
  /** First month covered, YYYY-MM; '' when the period is unstated. */
  start: z.string().regex(/^(\d{4}-\d{2})?$/).describe('时期起始月份 YYYY-MM;原文未说明时期时为空。'),
  /** Last month covered, YYYY-MM; '' when the period is unstated. */
  end: z.string().regex(/^(\d{4}-\d{2})?$/).describe('时期结束月份 YYYY-MM;原文未说明时期时为空。'),
  /** Every calendar year the period touches, for year filters; [] when unstated. */
  years: z.array(z.number().int()),
  /** Chinese label: 2018年, 2019年上半年, 2013—2018年, 约2018年, 时期未说明. */
  label: z.string().describe('报告所涵盖的时期。'),
  /** Free-text note on the period from the seed (回顾与计划), or ''. */
  note: z.string(),
});
export type Period = z.infer<typeof periodSchema>;

/** Where a line of page furniture came from: the kinds of chrome set aside from the report text. */
export const chromePartSchema = z.enum(['breadcrumb', 'share', 'navigation', 'byline', 'footer', 'ui-label', 'title', 'signature']);
export type ChromePart = z.infer<typeof chromePartSchema>;

/** A line of page chrome (navigation, byline, footer …) set aside from the text, kept for the source view. */
export const chromeLineSchema = z.object({
  /** Line number in the seed file. */
  line: z.number().int().min(1),
  part: chromePartSchema,
  /** The line's text, layout whitespace trimmed. */
  text: z.string(),
});
export type ChromeLine = z.infer<typeof chromeLineSchema>;

/** Metadata fields that the text itself can supply (a byline, a signature) when the seed leaves them empty. */
export const FROM_TEXT_FIELDS = ['author', 'editor', 'signedBy', 'source', 'date', 'dateKind'] as const;

/**
 * The record of one report: content/records/<slug>.json, written by the pipeline. It holds the
 * metadata, the structure with stable ids, positions and everything derived from the text; the
 * text itself is stored once, in the MDX body (content/reports/<slug>.mdx), and the seed file
 * keeps the original lines for the source view.
 */
export const reportSchema = z.object({
  /** File name of the seed without .md; the page is /reports/<slug>/. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('报告编号(slug);报告页为 /reports/<slug>/。'),
  /** Title as printed; '' when the document states none. */
  title: z.string().describe('原文标题;原文无标题时为空(见 displayTitle)。'),
  /** False when the document has no title of its own (the site then supplies a descriptive one). */
  titleStated: z.boolean(),
  /** Id in content/jurisdictions.json. */
  jurisdiction: z.string().describe('行政区编号(见 jurisdictions)。'),
  /** Province, as the seed states it. */
  province: z.string(),
  /** Administrative level as the seed states it, or '' (the jurisdiction's level applies). */
  level: z.string(),
  period: periodSchema,
  /** Id in content/kinds.json: the kind of document. */
  kind: z.string(),
  /** Publisher (出版者 / 网站). */
  publisher: z.string().describe('出版者或网站。'),
  /** The 来源 field: where the page or yearbook says the text comes from. */
  source: z.string().describe('来源。'),
  /** Address of the original, if known. */
  url: z.string(),
  /** Author. */
  author: z.string().describe('作者。'),
  /** Editor. */
  editor: z.string(),
  /** Name in a closing signature line: (李雪欣). */
  signedBy: z.string(),
  /** Date, YYYY-MM-DD, or ''. */
  date: z.string().describe('成文或发布日期 YYYY-MM-DD(dateKind 说明是哪一种)。'),
  /** What the date is (成文日期, 发布时间). */
  dateKind: z.string(),
  /** Fields read from the text rather than the seed's frontmatter, each with the seed-file line it came from. */
  fromText: z.partialRecord(z.enum(FROM_TEXT_FIELDS), z.number().int()),
  /** Path of the seed file, from the project root. */
  seedFile: z.string(),
  /** Seed-file line number of the body's first line. */
  bodyLine: z.number().int().min(1),
  /** Counts over the report text. */
  stats: z.object({
    sections: z.number().int(),
    paragraphs: z.number().int(),
    /** Characters of headings and paragraphs (code points). */
    characters: z.number().int(),
    /** Paragraphs no domain caught. */
    unclassified: z.number().int(),
  }),
  /** Page chrome set aside from the text, in line order. */
  chrome: z.array(chromeLineSchema).describe('从正文中分出的网页元素:line(源文件行号)、part(类别)、text。'),
  /** The outline: the root section and, under it, every section and paragraph. */
  outline: sectionSchema,
  /** Terms the report uses, sorted by term. */
  terms: z.array(reportTermSchema),
});
export type ReportRecord = z.infer<typeof reportSchema>;

/** The frontmatter of a report's MDX body (content/reports/<slug>.mdx): only the slug; the record holds the rest. */
export const reportBodySchema = z.object({
  /** Same as the record's slug. */
  slug: z.string(),
});
