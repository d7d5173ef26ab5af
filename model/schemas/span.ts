import { z } from 'astro/zod';

/**
 * A stretch of a paragraph's text: [start, end) in UTF-16 code units (what JavaScript's
 * String.prototype.slice takes). Records point into the text with spans instead of copying it.
 */
export const spanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([start, end]) => end >= start, 'a span ends after it starts');

export type Span = z.infer<typeof spanSchema>;
