import { z } from 'astro/zod';

/**
 * Facts about the whole corpus, computed by the pipeline after every report (content/corpus/*.json),
 * so that pages only select from them: indicator values, the term index and each jurisdiction's coverage.
 */

/** The value of an indicator in one report: a figure (and so its sentence) or, for the firsts indicator, a count. */
export const indicatorValueSchema = z.object({
  /** indicator/report, and /label for a breakdown. */
  id: z.string(),
  /** Id in content/indicators.json. */
  indicator: z.string().describe('指标编号;指标页为 /indicators/<indicator>/。'),
  /** Slug of the report. */
  report: z.string().describe('报告编号。'),
  /** Id of the report's jurisdiction. */
  jurisdiction: z.string().describe('行政区编号。'),
  /** Breakdown the value belongs to (市一级, 区一级); none for the total. */
  label: z.string().optional().describe('分项(如 市一级、区一级);总数为空。'),
  /** The number. */
  value: z.number().describe('数值;未报告时为空。'),
  /** Unit as printed (处 for a count of firsts). */
  unit: z.string().describe('原文单位。'),
  /** Id of the figure the value is; absent for a count of firsts. */
  figure: z.string().optional().describe('对应数字的编号(见 figures);“率先”计数无此项。'),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/** A term that has a page (/terms/<slug>/): kept in the glossary or found in a report. */
export const termIndexEntrySchema = z.object({
  /** The term. */
  id: z.string(),
  /** URL segment of its page. */
  slug: z.string(),
  /** True for a term of the kept glossary. */
  kept: z.boolean(),
  /** Id of its domain: the glossary's, or else the one most of its passages are filed under (ties: taxonomy order). */
  domain: z.string().optional(),
  /** True when the domain was read from the passages rather than the glossary. */
  domainInferred: z.boolean(),
  /** Occurrences across all reports. */
  occurrences: z.number().int(),
  /** Slugs of the reports that use it, in site order. */
  reports: z.array(z.string()),
});
export type TermIndexEntry = z.infer<typeof termIndexEntrySchema>;

/** What one jurisdiction's reports cover: passages per reform domain. */
export const coverageSchema = z.object({
  /** Id of the jurisdiction. */
  id: z.string(),
  /** Slugs of its reports, in site order. */
  reports: z.array(z.string()),
  /** Passages of its reports (glossary-box labels left out). */
  passages: z.number().int(),
  /** Passages no domain caught. */
  unclassified: z.number().int(),
  /** Passages filed under each domain, by domain id (domains with none left out). */
  domains: z.record(z.string(), z.number().int()),
});
export type Coverage = z.infer<typeof coverageSchema>;
