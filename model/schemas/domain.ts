import { z } from 'astro/zod';

/** A special group (专项小组) that domains are filed under, as the reports themselves organise reform work. */
export const domainGroupSchema = z.object({
  /** Lower-case ASCII id. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Chinese name: 经济体制和生态文明体制. */
  name: z.string().min(1),
  /** English name. */
  nameEn: z.string().min(1),
});
export type DomainGroup = z.infer<typeof domainGroupSchema>;

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
  /**
   * Those of its keywords specific enough that one alone files a passage, as two ordinary keywords
   * do (公立医院, 多规合一): a name of the domain's own subject that no other domain's text uses.
   */
  strong: z.array(z.string().min(1)).default([]),
});
export type Domain = z.infer<typeof domainSchema>;

/** The file content/domains.json: groups and domains, listed on every page in the file's order. */
export const taxonomySchema = z.object({
  /** Note for editors; ignored. */
  $comment: z.string().optional(),
  groups: z.array(domainGroupSchema).min(1),
  domains: z.array(domainSchema).min(1),
}).superRefine((taxonomy, ctx) => {
  taxonomy.domains.forEach((domain, i) => {
    domain.strong.forEach((word, j) => {
      if (!domain.keywords.includes(word)) {
        ctx.addIssue({ code: 'custom', path: ['domains', i, 'strong', j], message: `领域 ${domain.id} 的强关键词“${word}”不在它的 keywords 中:请把它也加进 keywords。` });
      }
      const other = taxonomy.domains.find((d) => d !== domain && d.keywords.some((k) => k.includes(word)));
      if (other) {
        ctx.addIssue({ code: 'custom', path: ['domains', i, 'strong', j], message: `领域 ${domain.id} 的强关键词“${word}”也出现在领域 ${other.id} 的关键词中,单独不能说明领域:请从 strong 中删去它,或改用更专门的词。` });
      }
    });
  });
});
export type Taxonomy = z.infer<typeof taxonomySchema>;

const domainId = z.string().describe('改革领域编号(见 domains.json)。');

/**
 * Why a passage is filed under a domain. heading: the nearest section heading names the domain
 * (`section` is that section's id); run-in: the paragraph's own run-in heading names it;
 * keywords: words of the domain's keywords occur in the text (model/keywords.ts finds which).
 */
export const domainTagSchema = z.discriminatedUnion('via', [
  z.object({ domain: domainId, via: z.literal('heading'), section: z.string() }),
  z.object({ domain: domainId, via: z.literal('run-in') }),
  z.object({ domain: domainId, via: z.literal('keywords') }),
]);
export type DomainTag = z.infer<typeof domainTagSchema>;
