import { z } from 'astro/zod';

/** A special group (专项小组) that domains are filed under, as the reports themselves organise reform work. */
export const domainGroupSchema = z.object({
  /** Lower-case ASCII id. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Chinese name: 经济体制和生态文明体制. */
  name: z.string().min(1),
  /** English name. */
  nameEn: z.string().min(1),
  /** Position in content/domains.json (set by the loader), for listing in the file's order. */
  order: z.number().int(),
});

/** A reform domain of the taxonomy (content/domains.json), with the rules that find its passages. */
export const domainSchema = z.object({
  /** English slug, used in URLs: /compare/<id>/. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Id of its special group. */
  group: z.string(),
  /** Chinese name: 放管服与行政审批. */
  name: z.string().min(1),
  /** English name. */
  nameEn: z.string().min(1),
  /** One-line Chinese description of what the domain covers. */
  description: z.string().min(1),
  /** Phrases that, in a section heading or run-in heading, name this domain and decide for the text under it. */
  headings: z.array(z.string().min(1)),
  /** Words and phrases that point to this domain in text under no deciding heading. */
  keywords: z.array(z.string().min(1)).min(1),
  /** Position in content/domains.json (set by the loader), for listing in the file's order. */
  order: z.number().int(),
});
