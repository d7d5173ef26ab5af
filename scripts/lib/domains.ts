import type { DomainTag, Paragraph, Section } from './types.ts';

export type { DomainTag };

/**
 * Classification of report passages into reform domains (content/domains.json).
 *
 * Order of evidence, most specific first: a run-in heading of the paragraph that names a domain
 * adds that domain; the nearest section heading that names a domain decides for every paragraph
 * under it; a paragraph under no such heading is classified by the keywords it contains.
 * Every tag keeps its evidence: the heading, or the words matched.
 */

/** One reform domain of the taxonomy, as the classifier needs it. */
export interface DomainRule {
  id: string;
  name: string;
  /** Phrases that, in a heading, name the domain. */
  headings: string[];
  /** Words and phrases that, in the text, point to the domain. */
  keywords: string[];
}

/** At most this many domains come from keywords alone. */
const MAX_KEYWORD_DOMAINS = 3;
/** Distinct keywords needed for a domain to be added beside the one a heading decided. */
const STRONG_EVIDENCE = 3;

/** Returns the domains a heading names, each with the phrase that names it. */
export function domainsNamedBy(heading: string, rules: DomainRule[]): Array<{ domain: string; phrase: string }> {
  const flat = heading.replace(/\n/g, '');
  const found: Array<{ domain: string; phrase: string }> = [];
  for (const rule of rules) {
    const phrase = rule.headings.find((h) => flat.includes(h));
    if (phrase) found.push({ domain: rule.id, phrase });
  }
  return found;
}

/**
 * Returns the domains that a text's keywords point to: each domain with at least `minimum`
 * distinct keywords (default 2), or else, for the default, the best-scoring ones (ties all
 * kept). At most MAX_KEYWORD_DOMAINS, most keywords first.
 */
export function domainsByKeywords(text: string, rules: DomainRule[], minimum = 2): DomainTag[] {
  const scored = rules
    .map((rule, order) => {
      const hits = rule.keywords.filter((k) => text.includes(k));
      // A keyword inside a longer matched keyword of the same domain is not separate evidence.
      const distinct = hits.filter((k) => !hits.some((other) => other !== k && other.includes(k)));
      return { rule, order, distinct };
    })
    .filter((s) => s.distinct.length > 0)
    .sort((a, b) => b.distinct.length - a.distinct.length || a.order - b.order);
  if (scored.length === 0) return [];
  const strong = scored.filter((s) => s.distinct.length >= minimum);
  if (minimum > 2) return strong.slice(0, MAX_KEYWORD_DOMAINS).map((s) => ({ domain: s.rule.id, via: 'keywords', evidence: s.distinct }));
  const best = scored.filter((s) => s.distinct.length === scored[0].distinct.length);
  const chosen = (strong.length > 0 ? strong : best).slice(0, MAX_KEYWORD_DOMAINS);
  return chosen.map((s) => ({ domain: s.rule.id, via: 'keywords', evidence: s.distinct }));
}

/** Tags of one paragraph given the heading decision that applies to it. */
function tagParagraph(p: Paragraph, inherited: DomainTag[], rules: DomainRule[]): DomainTag[] {
  if (p.kind === 'box-label') return [];
  const tags: DomainTag[] = [];
  if (p.runIn) {
    for (const { domain } of domainsNamedBy(p.runIn, rules)) tags.push({ domain, via: 'run-in', evidence: [p.runIn] });
  }
  for (const t of inherited) if (!tags.some((x) => x.domain === t.domain)) tags.push(t);
  if (tags.length === 0) return domainsByKeywords(p.text, rules);
  // Under a heading, the text's own keywords add a domain only on strong evidence; the items of
  // an enumeration or a list of places each have their own topic, so there ordinary evidence counts.
  const minimum = p.kind === 'item' || p.kind === 'place' ? 2 : STRONG_EVIDENCE;
  for (const t of domainsByKeywords(p.text, rules, minimum)) if (!tags.some((x) => x.domain === t.domain)) tags.push(t);
  return tags;
}

/**
 * Returns the domain tags of every paragraph (by paragraph id) and of every section (by section
 * id). A section's tags are those its heading names, or else the union of its own paragraphs'.
 */
export function classifyDomains(root: Section, rules: DomainRule[]): { paragraphs: Map<string, DomainTag[]>; sections: Map<string, DomainTag[]> } {
  const paragraphs = new Map<string, DomainTag[]>();
  const sections = new Map<string, DomainTag[]>();
  const visit = (section: Section, inherited: DomainTag[]) => {
    const named = section.level > 0 ? domainsNamedBy(section.heading, rules) : [];
    const decided: DomainTag[] = named.length > 0 ? named.map(({ domain }) => ({ domain, via: 'heading', evidence: [section.heading.replace(/\n/g, '')] })) : inherited;
    const union = new Map<string, DomainTag>();
    for (const p of section.paragraphs) {
      const tags = tagParagraph(p, decided, rules);
      paragraphs.set(p.id, tags);
      for (const t of tags) if (!union.has(t.domain)) union.set(t.domain, t);
    }
    if (section.level > 0) sections.set(section.id, named.length > 0 ? decided : [...union.values()]);
    for (const child of section.children) visit(child, decided);
  };
  visit(root, []);
  return { paragraphs, sections };
}

/** Sets `domains` on every paragraph and section of an outline; returns the ids of paragraphs left without a domain. */
export function applyDomains(root: Section, rules: DomainRule[]): string[] {
  const { paragraphs, sections } = classifyDomains(root, rules);
  const unclassified: string[] = [];
  const visit = (section: Section) => {
    if (section.level > 0) section.domains = sections.get(section.id) ?? [];
    for (const p of section.paragraphs) {
      p.domains = paragraphs.get(p.id) ?? [];
      if (p.domains.length === 0 && p.kind !== 'box-label') unclassified.push(p.id);
    }
    section.children.forEach(visit);
  };
  visit(root);
  return unclassified;
}
