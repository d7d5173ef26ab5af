import type { Passage } from './passages.ts';

/** The columns of passages.csv / passages.json, in order. */
export const PASSAGE_COLUMNS = ['report', 'jurisdiction', 'paragraph_id', 'url', 'section', 'kind', 'domains', 'evidence', 'text'] as const;

/** Returns a passage as a flat record for the downloads; lists are joined with '; '. */
export function passageRecord(p: Passage): Record<(typeof PASSAGE_COLUMNS)[number], string> {
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
