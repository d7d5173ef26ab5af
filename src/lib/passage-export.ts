import type { Passage } from './passages.ts';

/** Returns a passage as a flat record for the downloads (columns documented in src/lib/codebook.ts); lists are joined with '; '. */
export function passageRecord(p: Passage): Record<string, string> {
  return {
    report: p.report.data.slug,
    jurisdiction: p.report.jurisdiction.id,
    paragraph_id: p.id,
    url: `/reports/${p.report.data.slug}/#${p.id}`,
    section: p.path.join(' > '),
    kind: p.kind,
    domains: p.domains.map((t) => t.domain).join('; '),
    evidence: p.domains.map((t) => `${t.domain}: ${t.via}: ${t.evidence.join('/')}`).join('; '),
    text: p.text,
  };
}
