import { z } from 'astro/zod';

/**
 * A kind of document (content/kinds.json; a seed's `kind:`): a plan, a summary and a half-year
 * review are different evidence. "Kind" on this site means only this.
 */
export const documentKindSchema = z.object({
  /** Id used in seed frontmatter (`kind:`). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Chinese name shown on pages: 年鉴条目. */
  name: z.string().min(1),
  /** English name. */
  nameEn: z.string().min(1),
  /** Noun for a supplied title when the document states none: [湘潭市2017年改革工作总结]. */
  titleNoun: z.string().min(1),
  /** One Chinese sentence on what this kind of document can and cannot show. */
  evidence: z.string().min(1),
  /** Whether the document reports what was done, what is planned, or both. */
  tense: z.enum(['done', 'planned', 'mixed']),
});
export type DocumentKind = z.infer<typeof documentKindSchema>;
