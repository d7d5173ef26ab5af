import { getCollection, type CollectionEntry } from 'astro:content';
import type { OutlineSection, ReportTerm } from '../schemas/report.ts';
import { loadReports, type Jurisdiction, type ReportView } from './reports.ts';

export type GlossaryEntry = CollectionEntry<'glossary'>['data'];
export type DomainEntry = CollectionEntry<'domains'>['data'];

/** Characters of context shown on each side of a term in a concordance line. */
const CONTEXT = 22;

/** One occurrence of a term in context: the words before, the term as written, the words after. */
export interface ConcordanceLine {
  report: ReportView;
  /** Anchor on the report page: the paragraph id, or the section id for a heading. */
  anchor: string;
  href: string;
  before: string;
  match: string;
  after: string;
  /** True when the occurrence is in a section heading. */
  inHeading: boolean;
  /** Section id, and the paragraph id unless the occurrence is in the heading. */
  section: string;
  paragraph?: string;
  /** UTF-16 offsets of the term in the paragraph text (or heading). */
  start: number;
  end: number;
}

/** The occurrences of a term in one jurisdiction's reports. */
export interface JurisdictionUse {
  jurisdiction: Jurisdiction;
  lines: ConcordanceLine[];
}

/** A term with a page: kept-glossary or found in the reports, with everything its page shows. */
export interface TermView {
  term: string;
  slug: string;
  href: string;
  /** The kept-glossary entry, for a core term. */
  kept?: GlossaryEntry;
  domain?: DomainEntry;
  /** True when the domain is read from the passages the term occurs in rather than from the glossary. */
  domainInferred: boolean;
  /** Definitions from the reports' own glossary boxes. */
  reportDefinitions: Array<{ report: ReportView; definition: string; href?: string }>;
  /** Every jurisdiction with reports, in site order, with the term's occurrences there (possibly none). */
  uses: JurisdictionUse[];
  occurrences: number;
  /** How many jurisdictions use the term. */
  jurisdictionCount: number;
}

const collator = new Intl.Collator('zh-u-co-pinyin');

/** Returns a comparison of two strings in pinyin order, as the glossary sorts terms. */
export function comparePinyin(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Returns the path of a term's page, percent-encoded. */
export function termHref(slug: string): string {
  return `/terms/${encodeURIComponent(slug)}/`;
}

/** Text without the line breaks of the source layout (lines of Chinese text join without a space). */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, '');
}

/** Where a paragraph is: its text and the domains of it or, for a heading, of its section. */
interface Place {
  text: string;
  domains: string[];
}

/** Returns each paragraph (by id) and each section heading (by section id) of an outline. */
function places(root: OutlineSection): Map<string, Place> {
  const out = new Map<string, Place>();
  const visit = (s: OutlineSection) => {
    out.set(s.id, { text: s.heading, domains: s.domains.map((d) => d.domain) });
    for (const p of s.paragraphs) out.set(p.id, { text: p.text, domains: p.domains.map((d) => d.domain) });
    s.children.forEach(visit);
  };
  visit(root);
  return out;
}

/**
 * Returns every term with a page, sorted by pinyin: the kept glossary's terms and every term the
 * reports quote or define, each with its occurrences grouped by jurisdiction.
 */
export async function loadTerms(): Promise<TermView[]> {
  const [reports, glossary, domains] = await Promise.all([loadReports(), getCollection('glossary'), getCollection('domains')]);
  const keptByTerm = new Map(glossary.map((g) => [g.data.term, g.data]));
  const domainById = new Map(domains.map((d) => [d.data.id, d.data]));
  const jurisdictions: Jurisdiction[] = [];
  for (const r of reports) if (!jurisdictions.some((j) => j.id === r.jurisdiction.id)) jurisdictions.push(r.jurisdiction);

  interface Gathered {
    term: string;
    slug: string;
    found: Array<{ report: ReportView; term: ReportTerm; places: Map<string, Place> }>;
  }
  const gathered = new Map<string, Gathered>();
  for (const g of glossary) gathered.set(g.data.term, { term: g.data.term, slug: g.data.term, found: [] });
  for (const report of reports) {
    const where = places(report.data.outline);
    for (const t of report.data.terms) {
      const entry = gathered.get(t.term) ?? { term: t.term, slug: t.slug, found: [] };
      entry.found.push({ report, term: t, places: where });
      gathered.set(t.term, entry);
    }
  }

  const views: TermView[] = [];
  for (const { term, slug, found } of gathered.values()) {
    const kept = keptByTerm.get(term);
    const domainVotes = new Map<string, number>();
    const uses: JurisdictionUse[] = jurisdictions.map((jurisdiction) => ({ jurisdiction, lines: [] }));
    const reportDefinitions: TermView['reportDefinitions'] = [];
    for (const { report, term: t, places: where } of found) {
      const use = uses.find((u) => u.jurisdiction.id === report.jurisdiction.id)!;
      for (const o of t.occurrences) {
        const anchor = o.paragraph ?? o.section;
        const place = where.get(anchor);
        if (!place) throw new Error(`${report.data.seedFile}: term ${t.term} occurs in ${anchor}, which the outline does not have`);
        use.lines.push({
          report,
          anchor,
          href: `/reports/${report.data.slug}/#${anchor}`,
          before: flat(place.text.slice(0, o.start)).slice(-CONTEXT),
          match: place.text.slice(o.start, o.end),
          after: flat(place.text.slice(o.end)).slice(0, CONTEXT),
          inHeading: !o.paragraph,
          section: o.section,
          paragraph: o.paragraph,
          start: o.start,
          end: o.end,
        });
        for (const d of place.domains) domainVotes.set(d, (domainVotes.get(d) ?? 0) + 1);
      }
      if (t.definition) {
        const defining = t.occurrences.find((o) => o.paragraph && where.get(o.paragraph)?.text.includes(t.definition!.slice(0, 12)));
        reportDefinitions.push({ report, definition: t.definition, href: defining ? `/reports/${report.data.slug}/#${defining.paragraph}` : undefined });
      }
    }
    // A term the glossary does not keep gets the domain of most of its passages (ties: taxonomy order).
    const voted = [...domainVotes.entries()].sort((a, b) => b[1] - a[1] || (domainById.get(a[0])?.order ?? 0) - (domainById.get(b[0])?.order ?? 0))[0]?.[0];
    const domain = kept ? domainById.get(kept.domain) : voted ? domainById.get(voted) : undefined;
    const occurrences = uses.reduce((n, u) => n + u.lines.length, 0);
    views.push({
      term,
      slug,
      href: termHref(slug),
      kept,
      domain,
      domainInferred: !kept && domain !== undefined,
      reportDefinitions,
      uses,
      occurrences,
      jurisdictionCount: uses.filter((u) => u.lines.length > 0).length,
    });
  }
  return views.sort((a, b) => comparePinyin(a.term, b.term) || (a.term < b.term ? -1 : 1));
}
