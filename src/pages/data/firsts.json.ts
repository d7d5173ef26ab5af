import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/codebook.ts';
import { loadFigureData, sentenceHref } from '../../lib/figures.ts';

/** dist/data/firsts.json: every claim of being first or leading, with scope, sentence and link. */
export const GET: APIRoute = async () => {
  const { firsts, reports } = await loadFigureData();
  const bySlug = new Map(reports.map((r) => [r.data.slug, r]));
  return jsonResponse(
    firsts.map((f) => ({
      id: f.id,
      jurisdiction: f.jurisdiction,
      jurisdiction_name: bySlug.get(f.report)!.jurisdiction.name,
      report: f.report,
      period: bySlug.get(f.report)!.data.period.label,
      text: f.text,
      claim: f.claim,
      scope: f.scope,
      repeat_of: f.repeatOf ?? null,
      domains: f.domains,
      paragraph: f.paragraph,
      sentence: f.sentence,
      url: sentenceHref(f.report, f.id),
    })),
  );
};
