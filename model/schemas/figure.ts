import { z } from 'astro/zod';
import { spanSchema } from './span.ts';

/** What a figure's unit measures. */
export const figureMeasureSchema = z
  .enum(['count', 'percent', 'points', 'money', 'area', 'duration'])
  .describe('数字的类别:count 计数、percent 百分比、points 百分点、money 金额、area 面积、duration 时长。');
export type FigureMeasure = z.infer<typeof figureMeasureSchema>;

/** A before → after change a figure states (由20.7天缩短至5天). */
export const figureChangeSchema = z.object({
  from: z.number().describe('前后变化中变化前的值;无变化时为空。'),
  to: z.number(),
  verb: z.string().describe('表示变化的动词(缩短、减少、简化…);无变化时为空。'),
});

/**
 * A number found in report text with the unit that says what it counts (115项, 由20.7天缩短至5天),
 * stored in its paragraph (model/schemas/paragraph.ts) with its span there; the printed words, the
 * sentence, what the unit measures (model/units.ts) and the numerals are read from the text and the unit.
 */
export const figureSchema = z.object({
  /** Stable id, fig- and eight hex digits from report, paragraph and text (-2, -3 for repeats); the anchor of its mark on the report page. */
  id: z.string().regex(/^fig-[0-9a-f]{8}(?:-\d+)?$/).describe('数字的固定编号,也是报告页上该数字的锚点(#id)。'),
  /** Where it is in the paragraph's text. */
  at: spanSchema,
  /** The number (for a change, the value after it) as printed: 2.3万元 is 2.3 with unit 万元. */
  value: z.number().describe('数值;前后变化取变化后的值。原文“2.3万元”记为 2.3,单位“万元”。'),
  /** The unit as printed: 项, 个工作日, 万元, %. */
  unit: z.string().describe('原文单位(量词)。'),
  /** Before → after, when the text gives both. */
  change: figureChangeSchema.optional(),
  /** Hedge printed with the number: 多, 余, 近, 约, 超过. */
  approx: z.string().optional().describe('原文的约数标记(多、余、近、约、超过);无则为空。'),
  /** Where the words the figure quantifies are (chosen automatically, at most twelve characters). */
  phrase: spanSchema,
});
export type Figure = z.infer<typeof figureSchema>;
