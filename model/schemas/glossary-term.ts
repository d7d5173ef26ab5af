import { z } from 'astro/zod';

/**
 * A term of the kept glossary (content/glossary.json): a core reform term with a definition
 * written for this site. The pipeline finds the term and its synonyms in every report; the site
 * gives it a page at /terms/<term>/.
 */
export const glossaryTermSchema = z.object({
  /** The term as the reports write it: 放管服. It is also the URL segment of its page. */
  term: z.string().min(1).max(16).regex(/^[^/\\?#%\s.]+$/, 'a term must be usable as a URL segment'),
  /** Id of the reform domain in content/domains.json that the term belongs to. */
  domain: z.string().regex(/^[a-z0-9-]+$/),
  /** Short English gloss. */
  en: z.string().min(1),
  /** Short definition written for this site in its own words; never a copy of a report sentence. */
  definition: z.string().min(10).max(160),
  /** What the definition rests on: the national policy the term refers to (document title and year), or a report's own 资料链接 box. */
  basis: z.string().min(4).describe('释义依据的文件或报告。'),
  /** Other names for the same thing; their occurrences count as occurrences of the term, and search finds the term by them. */
  synonyms: z.array(z.string().min(1)).default([]),
  /** Terms of the kept glossary that are about a neighbouring thing (多证合一 → 证照分离); linked from the term page. */
  related: z.array(z.string().min(1)).default([]),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

/** The file content/glossary.json: the kept terms in any order (pages sort them by pinyin). */
export const glossaryFileSchema = z.object({
  /** Note for editors; ignored. */
  $comment: z.string().optional(),
  terms: z.array(glossaryTermSchema).min(1),
});
