import { z } from 'astro/zod';
import { domainTagSchema } from './domain.ts';
import { figureSchema } from './figure.ts';
import { firstSchema } from './first.ts';
import { spanSchema } from './span.ts';

/**
 * What a paragraph is in the report's structure: text; item (an enumeration item: 一是…, ——…, a
 * list item); definition (in the report's own glossary box); place (one of a list of
 * sub-jurisdictions); box-label (the label of a glossary box); table; quote.
 */
export const paragraphRoleSchema = z
  .enum(['text', 'item', 'definition', 'place', 'box-label', 'table', 'quote'])
  .describe('段落类型:text 普通段落、item 分项、definition 资料链接中的定义、place 区县条目、box-label 资料链接标签、table 表格、quote 引用。');
export type ParagraphRole = z.infer<typeof paragraphRoleSchema>;

/**
 * A paragraph of report text (or one item split from a paragraph) as the record stores it: where
 * it is, what it is, and what was found in it. Its text is stored once, in the report's MDX body,
 * under the same id. Fields with a default are left out of the stored JSON when they hold it.
 */
export const paragraphSchema = z.object({
  /** Stable anchor: p- and six hex digits of the SHA-1 of the text (-2, -3 for repeats). */
  id: z.string().regex(/^p-[0-9a-f]{6}(?:-\d+)?$/).describe('段落的固定锚点编号。'),
  role: paragraphRoleSchema.default('text'),
  /** First and last line in the seed file. */
  lines: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
  /** Id of the enumeration the paragraph belongs to (items of one list share it). */
  list: z.string().optional(),
  /** The run-in heading at the start of the text (after any enumeration marker). */
  runIn: spanSchema.optional(),
  /** For a glossary-box definition, the term it defines. */
  term: z.string().optional(),
  /** For an entry of a list of sub-jurisdictions, the place it is about. */
  place: z.string().optional(),
  /** Reform domains of the passage, each with why; none for a box label. */
  domains: z.array(domainTagSchema).default([]),
  /** Figures in the text, in order. */
  figures: z.array(figureSchema).default([]),
  /** Claims of being first in the text, in order. */
  firsts: z.array(firstSchema).default([]),
  /**
   * Set when the paragraph may not belong to the report (text of another article scraped with the
   * page): the reasons, in Chinese, and the editor's decision from the seed's frontmatter, if any.
   * Kept and shown; left out of comparisons, indicators and search unless cleared.
   */
  noise: z
    .object({ reasons: z.array(z.string()).min(1), status: z.enum(['confirmed', 'cleared']).optional() })
    .optional()
    .describe('疑似混入的无关段落:reasons 原因;status 编辑的决定(confirmed 确认无关,cleared 确认属于报告)。'),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

/** Returns true when a paragraph is set aside as noise: flagged and not cleared by an editor. */
export function isNoise(p: Pick<Paragraph, 'noise'>): boolean {
  return p.noise !== undefined && p.noise.status !== 'cleared';
}
