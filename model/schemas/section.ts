import { z } from 'astro/zod';
import { paragraphSchema } from './paragraph.ts';

/** How a heading is marked in the source; the order of appearance decides the outline level. */
export const headingStyleSchema = z.enum([
  'root',
  'markdown-1',
  'markdown-2',
  'markdown-3',
  'markdown-4',
  'markdown-5',
  'markdown-6',
  'bracket',
  'cn-number',
  'paren-cn',
  'arabic',
  'paren-arabic',
  'circled',
  'label',
  'plain',
]);
export type HeadingStyle = z.infer<typeof headingStyleSchema>;

/** A section of the outline. The root (level 0, id `top`) holds the text before the first heading. */
export const sectionSchema = z.object({
  /** Stable anchor: s- and six hex digits of the SHA-1 of the printed heading; `top` for the root. */
  id: z.string().describe('章节的固定锚点编号。'),
  /** Outline level: 0 for the root, 1 for top sections. */
  level: z.number().int().min(0),
  /** How the heading is marked in the source. */
  style: headingStyleSchema,
  /** Numbering as printed (一、, 1., (二)), if any. */
  number: z.string().optional(),
  /** The heading without numbering, brackets or trailing punctuation, for tables of contents. */
  title: z.string(),
  /** The heading exactly as printed; the lines of a two-line heading are joined with '\n'. */
  heading: z.string(),
  /** First and last line of the heading in the seed file ([0, 0] for the root). */
  lines: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  /** For a numbered reform project: the official who leads it and the special group responsible. */
  project: z.object({ lead: z.string().optional(), group: z.string().optional() }).optional(),
  /** Ids of the section's reform domains: those its heading names, or else its own paragraphs' together. */
  domains: z.array(z.string()),
  paragraphs: z.array(paragraphSchema),
  get children() {
    return z.array(sectionSchema);
  },
});
export type Section = z.infer<typeof sectionSchema>;
