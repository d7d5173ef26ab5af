import type { APIRoute } from 'astro';
import { csvResponse, toCsv } from '../../lib/codebook.ts';
import { indicatorRows, loadFigureData } from '../../lib/figures.ts';

/** dist/data/indicators.csv: one row per indicator, report and breakdown; not_reported rows where a report has no value. */
export const GET: APIRoute = async () => {
  const data = await loadFigureData();
  const rows = data.indicators.flatMap((indicator) =>
    indicatorRows(indicator, data).map(({ report, value }) => ({
      indicator: indicator.id,
      indicator_name: indicator.name,
      indicator_unit: indicator.unit,
      jurisdiction: report.jurisdiction.id,
      jurisdiction_name: report.jurisdiction.name,
      report: report.data.slug,
      period: report.data.period.label,
      period_start: report.data.period.start,
      period_end: report.data.period.end,
      label: value?.label,
      status: value ? 'reported' : 'not_reported',
      value: value?.value,
      unit: value?.unit,
      value_before: value?.change?.from,
      text: value?.text,
      figure: value?.figure,
      sentence: value?.sentence,
      url: value?.href,
    })),
  );
  return csvResponse(toCsv('indicators.csv', rows));
};
