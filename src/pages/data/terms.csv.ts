import type { APIRoute } from 'astro';
import { csvResponse, toCsv } from '../../lib/codebook.ts';
import { loadTerms } from '../../lib/terms.ts';

const HEADER = [
  'term', 'kept', 'definition', 'source', 'synonyms', 'related', 'en', 'domain', 'domain_name', 'domain_inferred',
  'report', 'jurisdiction', 'section', 'paragraph', 'in_heading', 'start', 'end', 'text', 'context', 'url',
];

/**
 * dist/data/terms.csv: one row per occurrence of a term (a kept term that no report uses gets one
 * row with the occurrence columns empty); lists are joined with 、. UTF-8 with a byte-order mark.
 */
export const GET: APIRoute = async () => {
  const rows: Array<Array<string | number | null>> = [];
  for (const t of await loadTerms()) {
    if (!t.kept && t.occurrences === 0) continue;
    const head = [
      t.term,
      t.kept ? 'true' : 'false',
      t.kept?.definition ?? '',
      t.kept?.source ?? '',
      (t.kept?.synonyms ?? []).join('、'),
      (t.kept?.related ?? []).join('、'),
      t.kept?.en ?? '',
      t.domain?.id ?? '',
      t.domain?.name ?? '',
      t.domain ? String(t.domainInferred) : '',
    ];
    const lines = t.uses.flatMap((u) => u.lines);
    if (lines.length === 0) rows.push([...head, '', '', '', '', '', '', '', '', '', '']);
    for (const l of lines) {
      rows.push([...head, l.report.data.slug, l.report.jurisdiction.id, l.section, l.paragraph ?? '', String(l.inHeading), l.start, l.end, l.match, `${l.before}${l.match}${l.after}`, l.href]);
    }
  }
  return csvResponse(toCsv('terms.csv', rows.map((row) => Object.fromEntries(HEADER.map((name, i) => [name, row[i]])))));
};
