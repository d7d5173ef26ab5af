import type { APIRoute } from 'astro';
import { csvResponse, toCsv } from '../../lib/codebook.ts';
import { loadFigureData, sentenceHref } from '../../lib/figures.ts';

/** dist/data/figures.csv: the figures as UTF-8 CSV with a byte-order mark; columns as in the codebook (/data/). */
export const GET: APIRoute = async () => {
  const { figures, reports } = await loadFigureData();
  const bySlug = new Map(reports.map((r) => [r.data.slug, r]));
  return csvResponse(
    toCsv(
      'figures.csv',
      figures.map((f) => ({
        ...f,
        jurisdiction_name: bySlug.get(f.report)!.jurisdiction.name,
        period: bySlug.get(f.report)!.data.period.label,
        value_before: f.change?.from,
        change_verb: f.change?.verb,
        domains: f.domains.join(';'),
        url: sentenceHref(f.report, f.id),
      })) as never,
    ),
  );
};
