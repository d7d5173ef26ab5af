import { z } from 'astro/zod';
import { spanSchema } from './span.ts';

/** A claim of being first or leading (在全省率先, 全国首个, 排名第一位, 走在前列), stored in its paragraph with the span of its words. */
export const firstSchema = z.object({
  /** Stable id, first- and eight hex digits from report, paragraph and text; the anchor of its mark on the report page. */
  id: z.string().regex(/^first-[0-9a-f]{8}(?:-\d+)?$/).describe('表述的固定编号,也是报告页上的锚点。'),
  /** Where the claim is in the paragraph's text. */
  at: spanSchema,
  /** 率先 (did it first), 首个 (first of its kind), 第一 (ranked first), 前列 (among the leaders). */
  claim: z.enum(['率先', '首个', '第一', '前列']).describe('率先(率先做到)、首个(首个/首家/首批)、第一(排名第一)、前列(走在前列、领先)。'),
  /** Where the claim holds: 全国, 全省, 全市 …, or 未说明 when the sentence names none. */
  scope: z.string().describe('表述的范围:全国、全省、全市……;原句未说明时为“未说明”。'),
  /** Id of a first of the same report that this one restates (a run-in heading and its paragraph); counts leave it out. */
  repeatOf: z.string().optional().describe('若与本报告另一处表述重复(如小标题与正文),为那一处的编号;计数时不计。'),
});
export type First = z.infer<typeof firstSchema>;
