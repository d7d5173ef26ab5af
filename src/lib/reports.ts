import { getCollection, type CollectionEntry } from 'astro:content';
import type { OutlineSection } from '../schemas/report.ts';

export type ReportEntry = CollectionEntry<'reports'>;
export type ReportRecord = CollectionEntry<'records'>['data'];
export type Jurisdiction = CollectionEntry<'jurisdictions'>['data'];
export type Kind = CollectionEntry<'kinds'>['data'];

/** A report with its jurisdiction and kind resolved. */
export interface ReportView {
  /** The MDX body, for render(). */
  entry: ReportEntry;
  /** The record: metadata, outline and everything extracted. */
  data: ReportRecord;
  jurisdiction: Jurisdiction;
  kind: Kind;
  /** The printed title, or a descriptive title in brackets when the document states none. */
  displayTitle: string;
}

const collator = new Intl.Collator('zh-u-co-pinyin');

/** Returns the descriptive title used when a document states no title of its own: [湘潭市2017年年度工作总结]. */
export function suppliedTitle(jurisdiction: Jurisdiction, periodLabel: string, kind: Kind): string {
  return `[${jurisdiction.name}${periodLabel}${kind.titleNoun}]`;
}

/** Returns every report with jurisdiction and kind, sorted by jurisdiction (pinyin) then period. */
export async function loadReports(): Promise<ReportView[]> {
  const [reports, records, jurisdictions, kinds] = await Promise.all([getCollection('reports'), getCollection('records'), getCollection('jurisdictions'), getCollection('kinds')]);
  const recordById = new Map(records.map((r) => [r.id, r.data]));
  const jById = new Map(jurisdictions.map((j) => [j.data.id, j.data]));
  const kById = new Map(kinds.map((k) => [k.data.id, k.data]));
  return reports
    .map((entry) => {
      const data = recordById.get(entry.data.slug);
      if (!data) throw new Error(`content/records/${entry.data.slug}.json is missing: run npm run content`);
      const jurisdiction = jById.get(data.jurisdiction);
      const kind = kById.get(data.kind);
      if (!jurisdiction) throw new Error(`${data.seedFile}: unknown jurisdiction ${data.jurisdiction}`);
      if (!kind) throw new Error(`${data.seedFile}: unknown kind ${data.kind}`);
      const displayTitle = data.titleStated ? data.title : suppliedTitle(jurisdiction, data.period.label, kind);
      return { entry, data, jurisdiction, kind, displayTitle };
    })
    .sort((a, b) => collator.compare(a.jurisdiction.name, b.jurisdiction.name) || a.data.period.start.localeCompare(b.data.period.start) || a.data.slug.localeCompare(b.data.slug));
}

/** Returns the sections of an outline in document order, root excluded. */
export function flattenSections(root: OutlineSection): OutlineSection[] {
  const out: OutlineSection[] = [];
  const visit = (s: OutlineSection) => {
    if (s.level > 0) out.push(s);
    s.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** Returns getStaticPaths entries for pages that exist once per report: params { slug }, props { report }. */
export async function reportStaticPaths() {
  const reports = await loadReports();
  return reports.map((report) => ({ params: { slug: report.data.slug }, props: { report } }));
}
