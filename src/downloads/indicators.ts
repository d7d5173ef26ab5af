import { z } from 'astro/zod';
import { indicatorValueSchema } from '../../model/schemas/corpus.ts';
import { periodSchema } from '../../model/schemas/report.ts';
import { indicatorRows, type IndicatorRow } from '../lib/indicators.ts';
import { loadSite, loadValues } from '../lib/site.ts';
import { column, type Dataset } from './dataset.ts';

const v = indicatorValueSchema.shape;

/** The columns of one value of an indicator in one report (or not_reported). */
const valueColumns = {
  jurisdiction: column(z.string(), v.jurisdiction.description!, 'zhongshan'),
  jurisdiction_name: column(z.string(), '行政区名称。', '中山市'),
  report: column(z.string(), v.report.description!, 'zhongshan-2018'),
  period: column(z.string(), '数值所涵盖的时期(即报告的时期)。', '2018年'),
  period_start: column(z.string(), periodSchema.shape.start.description!, '2018-01'),
  period_end: column(z.string(), periodSchema.shape.end.description!, '2018-12'),
  label: column(z.string().nullable(), v.label.description!, ''),
  status: column(z.enum(['reported', 'not_reported']), 'reported 已报告;not_reported 报告中未找到此数值(页面显示“未报告”,不是 0)。', 'reported'),
  value: column(z.number().nullable(), v.value.description!, '115'),
  unit: column(z.string().nullable(), v.unit.description!, '项'),
  value_before: column(z.number().nullable(), '前后变化中变化前的值。', ''),
  text: column(z.string().nullable(), '原文写法。', '115项'),
  figure: column(z.string().nullable(), v.figure.description!, 'fig-1a2b3c4d'),
  sentence: column(z.string().nullable(), '数值所在的原句。', '……统筹推进改革任务115项。'),
  url: column(z.string().nullable(), '原句(或表述列表)在本站的链接。', '/reports/zhongshan-2018/#fig-1a2b3c4d'),
};

/** Returns the value columns of a row of an indicator's table. */
function valueRow({ report, value }: IndicatorRow) {
  return {
    jurisdiction: report.jurisdiction.id,
    jurisdiction_name: report.jurisdiction.name,
    report: report.slug,
    period: report.record.period.label,
    period_start: report.record.period.start,
    period_end: report.record.period.end,
    label: value?.label ?? null,
    status: value ? 'reported' : 'not_reported',
    value: value?.value ?? null,
    unit: value?.unit ?? null,
    value_before: value?.figureView?.change?.from ?? null,
    text: value?.text ?? null,
    figure: value?.figure ?? null,
    sentence: value?.sentence ?? null,
    url: value?.href ?? null,
  };
}

/** Returns each indicator with its rows (a value per report and breakdown, or not_reported). */
async function tables() {
  const [site, values] = await Promise.all([loadSite(), loadValues()]);
  return site.indicators.map((indicator) => ({ indicator, rows: indicatorRows(indicator, site.reports, values) }));
}

/** indicators.csv / indicators.json: every indicator's value in every report. */
export const indicators: Dataset = {
  name: 'indicators',
  title: '可比指标',
  description: '每个指标在每份报告中的数值,一行一个(分项各一行);报告中没有的记为 not_reported。',
  files: [
    { file: 'indicators.csv', format: 'csv', title: '可比指标', description: '每个指标在每份报告中的数值,一行一个(分项各一行);报告中没有的记为 not_reported。' },
    { file: 'indicators.json', format: 'json', title: '可比指标(JSON)', description: '指标定义(含查找数值的正则表达式)及其数值。' },
  ],
  row: z.object({
    indicator: column(z.string(), v.indicator.description!, 'reform-tasks'),
    indicator_name: column(z.string(), '指标名称。', '年度改革任务(举措)'),
    indicator_unit: column(z.string(), '指标的比较单位。', '项'),
    ...valueColumns,
  }),
  async rows() {
    return (await tables()).flatMap(({ indicator, rows }) => rows.map((row) => ({ indicator: indicator.id, indicator_name: indicator.name, indicator_unit: indicator.unit, ...valueRow(row) })));
  },
  async json() {
    return (await tables()).map(({ indicator, rows }) => ({ ...indicator, values: rows.map(valueRow) }));
  },
};
