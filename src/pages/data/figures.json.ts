import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/codebook.ts';
import { loadFigureData, sentenceHref } from '../../lib/figures.ts';

/** dist/data/figures.json: every figure found in the reports, with its sentence and link. */
export const GET: APIRoute = async () => {
  const { figures, reports } = await loadFigureData();
  const bySlug = new Map(reports.map((r) => [r.data.slug, r]));
  return jsonResponse(
    figures.map((f) => {
      const r = bySlug.get(f.report)!;
      return {
        id: f.id,
        jurisdiction: f.jurisdiction,
        jurisdiction_name: r.jurisdiction.name,
        report: f.report,
        period: r.data.period.label,
        text: f.text,
        value: f.value,
        unit: f.unit,
        kind: f.kind,
        value_before: f.change?.from ?? null,
        change_verb: f.change?.verb ?? null,
        approx: f.approx ?? null,
        numeral: f.numeral,
        phrase: f.phrase,
        domains: f.domains,
        section: f.section,
        paragraph: f.paragraph,
        sentence: f.sentence,
        url: sentenceHref(f.report, f.id),
      };
    }),
  );
};
