import { getCollection, type CollectionEntry } from 'astro:content';
import { matchIndicators, type IndicatorValue, type ReportFigures } from '../../scripts/lib/figures.ts';
import type { Bar } from '../charts/bar.ts';
import type { StackedData } from '../charts/stacked.ts';
import type { TimelineItem } from '../charts/timeline.ts';
import type { FigureRecord, FirstRecord } from '../schemas/report.ts';
import { loadReports, type ReportView } from './reports.ts';

/**
 * Figures, firsts and indicator values for the pages and downloads. Values are matched here, at
 * build time, from content/indicators.json and the figures the pipeline extracted, so that adding
 * an indicator needs no content rebuild; every value keeps the figure (and so the sentence) it is.
 */

export type Indicator = CollectionEntry<'indicators'>['data'];

/** An indicator value with its report resolved, as the pages show it. */
export interface ValueView extends IndicatorValue {
  reportView: ReportView;
  /** Where the value's sentence is: the figure's mark on the report page, or the firsts list. */
  href: string;
  /** The value as shown: 115项, 5天(原20.7天). */
  display: string;
}

/** One row of an indicator's table and chart: a report with its value, or none (未报告). */
export interface IndicatorRow {
  report: ReportView;
  /** Row key, unique within the indicator: report slug and label. */
  key: string;
  /** 中山 2018年 · 市一级. */
  label: string;
  value: ValueView | null;
}

/** Returns the link to a figure's or first's sentence on its report page. */
export function sentenceHref(report: string, id: string): string {
  return `/reports/${report}/#${id}`;
}

/** Returns the anchor of a report's list of firsts on the firsts indicator page. */
export function firstsAnchor(report: string): string {
  return `firsts-${report}`;
}

/** Returns a number without float noise: 20.7, 5, 0.641. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Returns how a value is shown: the figure's number and unit, with the value before a change. */
export function displayValue(v: Pick<IndicatorValue, 'value' | 'unit' | 'change'>): string {
  const now = `${formatNumber(v.value)}${v.unit}`;
  return v.change ? `${now}(原${formatNumber(v.change.from)}${v.unit})` : now;
}

/** Returns the label of a report in charts and tables: 中山 2018年. */
export function reportLabel(r: ReportView): string {
  return `${r.jurisdiction.shortName} ${r.data.period.label}`;
}

/** Everything the figure pages read, loaded once per build. */
export interface FigureData {
  reports: ReportView[];
  indicators: Indicator[];
  values: ValueView[];
  figures: FigureRecord[];
  firsts: FirstRecord[];
}

let cached: Promise<FigureData> | undefined;

/** Returns the reports, indicators (in file order), matched values, and all figures and firsts in report order. */
export function loadFigureData(): Promise<FigureData> {
  cached ??= (async () => {
    const [reports, entries] = await Promise.all([loadReports(), getCollection('indicators')]);
    const order = await indicatorOrder();
    const indicators = entries.map((e) => e.data).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    const input: ReportFigures[] = reports.map((r) => ({ slug: r.data.slug, jurisdiction: r.data.jurisdiction, outline: r.data.outline, figures: r.data.figures, firsts: r.data.firsts }));
    const bySlug = new Map(reports.map((r) => [r.data.slug, r]));
    const values = matchIndicators(indicators, input).map((v) => ({
      ...v,
      reportView: bySlug.get(v.report)!,
      href: v.figure ? sentenceHref(v.report, v.figure) : `/indicators/${v.indicator}/#${firstsAnchor(v.report)}`,
      display: displayValue(v),
    }));
    return { reports, indicators, values, figures: reports.flatMap((r) => r.data.figures), firsts: reports.flatMap((r) => r.data.firsts) };
  })();
  return cached;
}

/** The file loader keys entries by id; the order of content/indicators.json is the editors' order. */
async function indicatorOrder(): Promise<string[]> {
  const { default: list } = await import('../../content/indicators.json');
  return (list as Array<{ id: string }>).map((i) => i.id);
}

/** Returns the rows of one indicator: each report's values (one per label), or one 未报告 row for a report without. */
export function indicatorRows(indicator: Indicator, data: FigureData): IndicatorRow[] {
  return data.reports.flatMap((report): IndicatorRow[] => {
    const mine = data.values.filter((v) => v.indicator === indicator.id && v.report === report.data.slug);
    if (mine.length === 0) return [{ report, key: report.data.slug, label: reportLabel(report), value: null }];
    return mine.map((v) => ({ report, key: `${report.data.slug}${v.label ? `-${v.label}` : ''}`, label: `${reportLabel(report)}${v.label ? ` · ${v.label}` : ''}`, value: v }));
  });
}

/** Returns the bars of an indicator's chart: a bar per row, null (未报告) where there is no value. */
export function indicatorBars(rows: IndicatorRow[]): Bar[] {
  return rows.map((r) => ({
    id: r.key,
    label: r.label,
    value: r.value ? r.value.value : null,
    display: r.value?.display,
    href: r.value?.href,
    tip: r.value ? `${r.label}:${r.value.display}(${r.value.text})` : undefined,
  }));
}

/** Scopes in the order charts stack them: widest first, then 未说明. */
const SCOPE_ORDER = ['全国', '国内', '全国同类城市', '同类城市', '全省', '省内', '珠三角', '长株潭', '全市', '市内', '全区', '全县', '未说明'];

/** Returns the firsts that count (restatements left out). */
export function countedFirsts(firsts: FirstRecord[]): FirstRecord[] {
  return firsts.filter((f) => !f.repeatOf);
}

/** Returns the data of the firsts-by-scope chart: a row per report, a series per scope found. */
export function firstsByScope(data: FigureData): StackedData {
  const counted = countedFirsts(data.firsts);
  const scopes = [...new Set(counted.map((f) => f.scope))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const cells = new Map<string, number>();
  for (const f of counted) cells.set(`${f.report}\u0000${f.scope}`, (cells.get(`${f.report}\u0000${f.scope}`) ?? 0) + 1);
  return {
    rows: data.reports.map((r) => ({ id: r.data.slug, label: reportLabel(r), href: `/indicators/firsts-claimed/#${firstsAnchor(r.data.slug)}` })),
    series: scopes.map((s) => ({ id: s, label: s })),
    cells: [...cells].map(([key, value]) => {
      const [row, series] = key.split('\u0000');
      return { row, series, value };
    }),
  };
}

function rank(scope: string): number {
  const i = SCOPE_ORDER.indexOf(scope);
  return i === -1 ? SCOPE_ORDER.length - 1 : i;
}

/** Returns the last day of a YYYY-MM month as YYYY-MM-DD. */
function monthEnd(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Returns the timeline items: one per report, from the first day of its first month to the last day of its last. */
export function periodItems(reports: ReportView[]): TimelineItem[] {
  return reports.map((r) => ({
    id: r.data.slug,
    label: r.jurisdiction.shortName,
    start: r.data.period.start.length === 7 ? `${r.data.period.start}-01` : r.data.period.start,
    end: r.data.period.end.length === 7 ? monthEnd(r.data.period.end) : r.data.period.end,
    period: r.data.period.label,
    kind: r.kind.name,
    href: `/reports/${r.data.slug}/`,
  }));
}
