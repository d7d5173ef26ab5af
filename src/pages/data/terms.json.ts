import type { APIRoute } from 'astro';
import { loadTerms, type TermView } from '../../lib/terms.ts';

/** Returns the exported form of a term: glossary fields, the reports' own definitions and every occurrence with its report and paragraph. */
function exportTerm(t: TermView) {
  return {
    term: t.term,
    url: t.href,
    kept: Boolean(t.kept),
    definition: t.kept?.definition ?? null,
    source: t.kept?.source ?? null,
    synonyms: t.kept?.synonyms ?? [],
    related: t.kept?.related ?? [],
    en: t.kept?.en ?? null,
    domain: t.domain ? { id: t.domain.id, name: t.domain.name, inferred: t.domainInferred } : null,
    reportDefinitions: t.reportDefinitions.map((d) => ({ report: d.report.data.slug, definition: d.definition, url: d.href ?? null })),
    jurisdictions: t.uses.filter((u) => u.lines.length > 0).map((u) => ({ id: u.jurisdiction.id, name: u.jurisdiction.name, occurrences: u.lines.length })),
    occurrences: t.uses.flatMap((u) =>
      u.lines.map((l) => ({
        report: l.report.data.slug,
        jurisdiction: u.jurisdiction.id,
        section: l.section,
        paragraph: l.paragraph ?? null,
        inHeading: l.inHeading,
        start: l.start,
        end: l.end,
        text: l.match,
        before: l.before,
        after: l.after,
        url: l.href,
      })),
    ),
  };
}

/** dist/data/terms.json: every term with a page, in pinyin order. */
export const GET: APIRoute = async () => {
  const terms = (await loadTerms()).filter((t) => t.kept || t.occurrences > 0);
  return new Response(JSON.stringify(terms.map(exportTerm), null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
