import { z } from 'astro/zod';

/** A pattern that finds an indicator's value in a paragraph of report text. */
export const indicatorPatternSchema = z.object({
  /**
   * JavaScript regular expression (Unicode mode) with a named group `v` around the figure as
   * printed: 统筹推进改革任务(?<v>\d+项). The group must cover exactly one extracted figure, which
   * is how every value keeps its sentence.
   */
  pattern: z.string().refine((source) => {
    try {
      return new RegExp(source, 'u').source.includes('(?<v>');
    } catch {
      return false;
    }
  }, '不是有效的正则表达式,或缺少命名分组 (?<v>…)'),
  /** Breakdown the value belongs to when a report gives several (市一级, 区一级); none for the total. */
  label: z.string().optional(),
});

/** A comparable indicator (content/indicators.json): what it measures and how its value is found. */
export const indicatorSchema = z.object({
  /** English slug, used in URLs: /indicators/<id>/. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Chinese name shown on pages and charts. */
  name: z.string().min(1),
  /** English name. */
  nameEn: z.string().min(1),
  /** The unit values are compared in (a report may print another measure word, shown as printed). */
  unit: z.string().min(1),
  /** What the indicator counts and where the reports differ in what they count. */
  description: z.string().min(1),
  /** Where values come from. figures: a figure found by the patterns; firsts: the number of firsts a report claims. */
  valuesFrom: z.enum(['figures', 'firsts']).default('figures'),
  /** Patterns tried in order; for each report and label, the first that matches gives the value. */
  patterns: z.array(indicatorPatternSchema),
});

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorPattern = z.infer<typeof indicatorPatternSchema>;
