import { getCollection, type CollectionEntry } from 'astro:content';
import type { DomainTag, OutlineSection } from '../schemas/report.ts';
import { loadReports, type ReportView } from './reports.ts';

export type Domain = CollectionEntry<'domains'>['data'];
export type DomainGroup = CollectionEntry<'domainGroups'>['data'];

/** One passage (paragraph) of a report with where it stands and the domains it is filed under. */
export interface Passage {
  report: ReportView;
  /** The nearest section, or undefined for text before the first heading. */
  section?: OutlineSection;
  /** Headings from the top section down to the nearest, as printed (lines joined). */
  path: string[];
  id: string;
  kind: string;
  text: string;
  domains: DomainTag[];
  /** Position in the report, for report order. */
  order: number;
}

/** Returns the domain taxonomy in file order, with its groups. */
export async function loadDomains(): Promise<{ domains: Domain[]; groups: DomainGroup[] }> {
  const [domains, groups] = await Promise.all([getCollection('domains'), getCollection('domainGroups')]);
  const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
  return { domains: domains.map((d) => d.data).sort(byOrder), groups: groups.map((g) => g.data).sort(byOrder) };
}

/** Returns every passage of every report (glossary-box labels excluded), in report order. */
export async function loadPassages(): Promise<Passage[]> {
  const reports = await loadReports();
  const passages: Passage[] = [];
  for (const report of reports) {
    let order = 0;
    const visit = (section: OutlineSection, path: string[]) => {
      const here = section.level > 0 ? [...path, section.heading.replace(/——\n/g, '——').replace(/\n/g, ' ')] : path;
      for (const p of section.paragraphs) {
        if (p.kind === 'box-label') continue;
        passages.push({ report, section: section.level > 0 ? section : undefined, path: here, id: p.id, kind: p.kind, text: p.text, domains: p.domains, order: order++ });
      }
      for (const child of section.children) visit(child, here);
    };
    visit(report.data.outline, []);
  }
  return passages;
}

/** Returns how a tag was found, in Chinese, for showing beside a passage. */
export function evidenceLabel(tag: DomainTag): string {
  if (tag.via === 'heading') return `所在标题“${tag.evidence[0]}”`;
  if (tag.via === 'run-in') return `段首小标题“${tag.evidence[0]}”`;
  return `关键词:${tag.evidence.join('、')}`;
}
