import { z } from 'astro/zod';
import { spanSchema } from './span.ts';

/** A place where a term occurs: a paragraph, or a section heading, and the span of the words there. */
export const termOccurrenceSchema = z.object({
  /** Id of the paragraph, or of the section when the term is in its heading: the anchor on the report page. */
  anchor: z.string(),
  /** Where the words are in the paragraph's text, or in the heading as printed. */
  at: spanSchema,
  /** The words as written, when they are a synonym of the term rather than the term itself. */
  form: z.string().optional(),
});
export type TermOccurrence = z.infer<typeof termOccurrenceSchema>;

/** A term one report uses (kept in the glossary, defined by the report's own box, or quoted), with its occurrences in document order. */
export const reportTermSchema = z.object({
  /** The term: 放管服. */
  term: z.string().describe('术语。'),
  /** URL segment of its page /terms/<slug>/, present only when the term itself cannot be one (t- and a hash). */
  slug: z.string().optional(),
  /** Present (true) for a term of the kept glossary (content/glossary.json). */
  kept: z.literal(true).optional(),
  /** Id of the paragraph of the report's own glossary box that defines the term, if one does. */
  definedIn: z.string().optional(),
  occurrences: z.array(termOccurrenceSchema),
});
export type ReportTerm = z.infer<typeof reportTermSchema>;
