import type { Domain, DomainTag } from '../../model/schemas/domain.ts';
import { keywordsIn } from '../../model/keywords.ts';
import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import { toSimplified } from '../../model/simplified.ts';
import type { ParagraphDraft, SectionDraft } from '../draft.ts';

/**
 * Classification of report passages into reform domains (content/domains.json).
 *
 * Order of evidence, most specific first: a run-in heading of the paragraph that names a domain
 * adds that domain; the nearest section heading that names a domain decides for every paragraph
 * under it; a paragraph under no such heading is classified by the keywords it contains.
 * Every tag says how it was found: the section whose heading decided, the run-in heading, or the
 * keywords (which model/keywords.ts finds again from the text wherever they are shown).
 *
 * Evidence is weighed by specificity: a strong keyword (the domain's `strong` list in
 * content/domains.json: 公立医院, 多规合一) weighs as much as two ordinary ones, so one specific
 * mention files a passage as two general words do, and is not outvoted by another domain's two.
 * Headings, run-ins and text are read in their Simplified form, so a Traditional report is
 * classified as its Simplified twin (model/simplified.ts).
 */

/** One reform domain of the taxonomy, as the classifier needs it. */
export type DomainRule = Pick<Domain, 'id' | 'name' | 'headings' | 'keywords'> & { strong?: string[] };

/** At most this many domains come from keywords alone. */
const MAX_KEYWORD_DOMAINS = 3;
/** Evidence needed for a domain to be added beside the one a heading decided (three keywords, or a strong one and another). */
const STRONG_EVIDENCE = 3;
/** What one strong keyword weighs, in ordinary keywords. */
const STRONG_WEIGHT = 2;

/** Returns the weight of a domain's keyword evidence: one per distinct keyword, STRONG_WEIGHT per strong one. */
export function evidenceWeight(found: string[], strong: string[] = []): number {
  return found.reduce((sum, k) => sum + (strong.includes(k) ? STRONG_WEIGHT : 1), 0);
}

/** Returns the domains a heading names, each with the phrase that names it. */
export function domainsNamedBy(heading: string, rules: DomainRule[]): Array<{ domain: string; phrase: string }> {
  const flat = toSimplified(heading.replace(/\n/g, ''));
  const found: Array<{ domain: string; phrase: string }> = [];
  for (const rule of rules) {
    const phrase = rule.headings.find((h) => flat.includes(h));
    if (phrase) found.push({ domain: rule.id, phrase });
  }
  return found;
}

/**
 * Returns the domains that a text's keywords point to: each domain whose evidence weighs at least
 * `minimum` (default 2: two distinct keywords, or one strong one); for the default, when no domain
 * has two distinct keywords, also the domains with the most keywords (ties all kept), as before
 * strong keywords were weighed, so a strong keyword adds its domain and takes none away.
 * At most MAX_KEYWORD_DOMAINS, heaviest first.
 */
export function domainsByKeywords(text: string, rules: DomainRule[], minimum = 2): DomainTag[] {
  const scored = rules
    .map((rule, order) => {
      // A keyword inside a longer matched keyword of the same domain is not separate evidence.
      const distinct = keywordsIn(text, rule.keywords);
      return { rule, order, count: distinct.length, weight: evidenceWeight(distinct, rule.strong) };
    })
    .filter((s) => s.count > 0)
    .sort((a, b) => b.weight - a.weight || b.count - a.count || a.order - b.order);
  if (scored.length === 0) return [];
  const tag = (s: (typeof scored)[number]): DomainTag => ({ domain: s.rule.id, via: 'keywords' });
  const enough = scored.filter((s) => s.weight >= minimum);
  if (minimum > 2) return enough.slice(0, MAX_KEYWORD_DOMAINS).map(tag);
  const most = Math.max(...scored.map((s) => s.count));
  const best = most >= minimum ? [] : scored.filter((s) => s.count === most);
  return scored.filter((s) => enough.includes(s) || best.includes(s)).slice(0, MAX_KEYWORD_DOMAINS).map(tag);
}

/** Tags of one paragraph given the heading decision that applies to it. */
function tagParagraph(p: ParagraphDraft, inherited: DomainTag[], rules: DomainRule[]): DomainTag[] {
  if (p.role === 'box-label') return [];
  const tags: DomainTag[] = [];
  if (p.runIn) {
    for (const { domain } of domainsNamedBy(p.runIn, rules)) tags.push({ domain, via: 'run-in' });
  }
  for (const t of inherited) if (!tags.some((x) => x.domain === t.domain)) tags.push(t);
  if (tags.length === 0) return domainsByKeywords(p.text, rules);
  // Under a heading, the text's own keywords add a domain only on strong evidence; the items of
  // an enumeration or a list of places each have their own topic, so there ordinary evidence counts.
  const minimum = p.role === 'item' || p.role === 'place' ? 2 : STRONG_EVIDENCE;
  for (const t of domainsByKeywords(p.text, rules, minimum)) if (!tags.some((x) => x.domain === t.domain)) tags.push(t);
  return tags;
}

/**
 * Returns the domain tags of every paragraph (by paragraph id) and the domain ids of every section
 * (by section id). A section's domains are those its heading names, or else its own paragraphs' together.
 */
export function classifyDomains(root: SectionDraft, rules: DomainRule[]): { paragraphs: Map<string, DomainTag[]>; sections: Map<string, string[]> } {
  const paragraphs = new Map<string, DomainTag[]>();
  const sections = new Map<string, string[]>();
  const visit = (section: SectionDraft, inherited: DomainTag[]) => {
    const named = section.level > 0 ? domainsNamedBy(section.heading, rules) : [];
    const decided: DomainTag[] = named.length > 0 ? named.map(({ domain }) => ({ domain, via: 'heading', section: section.id })) : inherited;
    const union = new Set<string>();
    for (const p of section.paragraphs) {
      const tags = tagParagraph(p, decided, rules);
      paragraphs.set(p.id, tags);
      for (const t of tags) union.add(t.domain);
    }
    if (section.level > 0) sections.set(section.id, named.length > 0 ? decided.map((t) => t.domain) : [...union]);
    for (const child of section.children) visit(child, decided);
  };
  visit(root, []);
  return { paragraphs, sections };
}

/** Sets `domains` on every paragraph and section of an outline; returns the ids of paragraphs left without a domain. */
export function applyDomains(root: SectionDraft, rules: DomainRule[]): string[] {
  const { paragraphs, sections } = classifyDomains(root, rules);
  const unclassified: string[] = [];
  for (const { paragraph: p, section } of paragraphsOf<SectionDraft, ParagraphDraft>(root)) {
    p.domains = paragraphs.get(p.id) ?? [];
    if (p.domains.length === 0 && p.role !== 'box-label') unclassified.push(p.id);
  }
  for (const section of sectionsOf(root)) section.domains = sections.get(section.id) ?? [];
  return unclassified;
}
