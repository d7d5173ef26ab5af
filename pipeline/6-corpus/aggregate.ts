import { paragraphsOf } from '../../model/outline.ts';
import { compareReports } from '../../model/order.ts';
import type { Coverage, IndicatorValue, TermIndexEntry } from '../../model/schemas/corpus.ts';
import type { Jurisdiction } from '../../model/schemas/jurisdiction.ts';
import type { ReportRecord } from '../../model/schemas/report.ts';
import { isNoise, type Paragraph } from '../../model/schemas/paragraph.ts';
import type { Section } from '../../model/schemas/section.ts';

/**
 * Facts about the whole corpus, computed once after every report is built, from the records alone:
 * the site order of reports, each jurisdiction's coverage, the term index and the indicator values
 * in the indicators' order. Pages select from these; they compute none of them.
 */

/** Returns the records in site order: jurisdiction name in pinyin, then period, then slug. */
export function inSiteOrder(records: ReportRecord[], jurisdictions: Jurisdiction[]): ReportRecord[] {
  const name = new Map(jurisdictions.map((j) => [j.id, j.name]));
  const key = (r: ReportRecord) => ({ jurisdictionName: name.get(r.jurisdiction) ?? r.jurisdiction, periodStart: r.period.start, slug: r.slug });
  return [...records].sort((a, b) => compareReports(key(a), key(b)));
}

/** Returns the passages of a report: its paragraphs without glossary-box labels and paragraphs set aside as noise. */
function passagesOf(record: ReportRecord): Paragraph[] {
  return [...paragraphsOf<Section, Paragraph>(record.outline)].map(({ paragraph }) => paragraph).filter((p) => p.role !== 'box-label' && !isNoise(p));
}

/** Returns each jurisdiction's coverage, in the order its first report appears in site order. */
export function coverageOf(ordered: ReportRecord[]): Coverage[] {
  const byId = new Map<string, Coverage>();
  for (const record of ordered) {
    let c = byId.get(record.jurisdiction);
    if (!c) {
      c = { id: record.jurisdiction, reports: [], passages: 0, unclassified: 0, domains: {} };
      byId.set(record.jurisdiction, c);
    }
    c.reports.push(record.slug);
    for (const p of passagesOf(record)) {
      c.passages++;
      if (p.domains.length === 0) c.unclassified++;
      for (const t of p.domains) c.domains[t.domain] = (c.domains[t.domain] ?? 0) + 1;
    }
  }
  return [...byId.values()];
}

/** What the term index needs of the kept glossary and the taxonomy. */
export interface TermIndexData {
  /** Kept terms with their domain, in the glossary's order. */
  glossary: Array<{ term: string; domain: string }>;
  /** Domain ids in taxonomy order (ties in the domain vote go to the earlier). */
  domainOrder: string[];
}

/**
 * Returns every term with a page: the kept glossary's terms (even those no report uses) and every
 * term a report quotes or defines. A term the glossary does not keep gets the domain most of its
 * passages (or headings) are filed under.
 */
export function termIndex(ordered: ReportRecord[], data: TermIndexData): TermIndexEntry[] {
  const kept = new Map(data.glossary.map((g) => [g.term, g.domain]));
  const entries = new Map<string, TermIndexEntry & { votes: Map<string, number> }>();
  for (const g of data.glossary) entries.set(g.term, { id: g.term, slug: g.term, kept: true, domain: g.domain, domainInferred: false, occurrences: 0, reports: [], votes: new Map() });
  for (const record of ordered) {
    const domainsAt = new Map<string, string[]>();
    for (const { paragraph, section } of paragraphsOf<Section, Paragraph>(record.outline)) {
      domainsAt.set(paragraph.id, paragraph.domains.map((t) => t.domain));
      domainsAt.set(section.id, section.domains);
    }
    for (const t of record.terms) {
      let e = entries.get(t.term);
      if (!e) {
        e = { id: t.term, slug: t.slug ?? t.term, kept: false, domainInferred: false, occurrences: 0, reports: [], votes: new Map() };
        entries.set(t.term, e);
      }
      if (t.occurrences.length > 0 && !e.reports.includes(record.slug)) e.reports.push(record.slug);
      e.occurrences += t.occurrences.length;
      for (const o of t.occurrences) for (const d of domainsAt.get(o.anchor) ?? []) e.votes.set(d, (e.votes.get(d) ?? 0) + 1);
    }
  }
  const rank = (d: string) => data.domainOrder.indexOf(d);
  return [...entries.values()].map(({ votes, ...e }) => {
    if (kept.has(e.id)) return e;
    const voted = [...votes].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0]?.[0];
    return voted ? { ...e, domain: voted, domainInferred: true } : e;
  });
}

/** Returns the indicator values ordered as the indicators are listed, then reports in site order. */
export function orderValues(values: IndicatorValue[], indicatorOrder: string[], ordered: ReportRecord[]): IndicatorValue[] {
  const reportRank = new Map(ordered.map((r, i) => [r.slug, i]));
  return [...values].sort((a, b) => indicatorOrder.indexOf(a.indicator) - indicatorOrder.indexOf(b.indicator) || reportRank.get(a.report)! - reportRank.get(b.report)!);
}
