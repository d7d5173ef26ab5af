import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/codebook.ts';
import { indicatorRows, loadFigureData } from '../../lib/figures.ts';

/** dist/data/indicators.json: each indicator's definition (with its patterns) and its value in every report, or not_reported. */
export const GET: APIRoute = async () => {
  const data = await loadFigureData();
  return jsonResponse(
    data.indicators.map((indicator) => ({
      ...indicator,
      values: indicatorRows(indicator, data).map(({ report, value }) => ({
        jurisdiction: report.jurisdiction.id,
        jurisdiction_name: report.jurisdiction.name,
        report: report.data.slug,
        period: report.data.period.label,
        period_start: report.data.period.start,
        period_end: report.data.period.end,
        label: value?.label ?? null,
        status: value ? 'reported' : 'not_reported',
        value: value?.value ?? null,
        unit: value?.unit ?? null,
        value_before: value?.change?.from ?? null,
        text: value?.text ?? null,
        figure: value?.figure ?? null,
        sentence: value?.sentence ?? null,
        url: value?.href ?? null,
      })),
    })),
  );
};
