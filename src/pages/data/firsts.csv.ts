import type { APIRoute } from 'astro';
import { csvResponse, toCsv } from '../../lib/codebook.ts';
import { loadFigureData, sentenceHref } from '../../lib/figures.ts';

/** dist/data/firsts.csv: the firsts as UTF-8 CSV with a byte-order mark; columns as in the codebook (/data/). */
export const GET: APIRoute = async () => {
  const { firsts, reports } = await loadFigureData();
  const bySlug = new Map(reports.map((r) => [r.data.slug, r]));
  return csvResponse(
    toCsv(
      'firsts.csv',
      firsts.map((f) => ({
        ...f,
        jurisdiction_name: bySlug.get(f.report)!.jurisdiction.name,
        period: bySlug.get(f.report)!.data.period.label,
        repeat_of: f.repeatOf,
        domains: f.domains.join(';'),
        url: sentenceHref(f.report, f.id),
      })) as never,
    ),
  );
};
