import type { Bar } from '../charts/bar.ts';
import type { StackedData } from '../charts/stacked.ts';
import type { TimelineItem } from '../charts/timeline.ts';
import type { Indicator } from '../../model/schemas/indicator.ts';
import { indicatorUrl } from '../../model/urls.ts';
import { SCOPE_UNSTATED, scopeRank } from '../../model/zh.ts';
import { countedFirsts, firstsAnchor, type FirstView, type ReportView, type ValueView } from './site.ts';

/** Indicator tables and the data of the indicator charts, selected from the loaded site. */

/** Returns a number without float noise: 20.7, 5, 0.641. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/**
 * Returns how a figure or value is shown, the one display format on the site: its number with
 * any hedge (近1亿元, 6000余万元) and unit, and the value before a change: 5天(原20.7天).
 */
export function displayValue(v: { value: number; unit: string; approx?: string; change?: { from: number } }): string {
  const after = v.approx === '多' || v.approx === '余' ? v.approx : '';
  const before = v.approx && !after ? v.approx : '';
  const now = `${before}${formatNumber(v.value)}${after}${v.unit}`;
  return v.change ? `${now}(原${formatNumber(v.change.from)}${v.unit})` : now;
}

/** One row of an indicator's table and chart: a report with its value, or none (未报告). */
export interface IndicatorRow {
  report: ReportView;
  /** Row key, unique within the indicator: report slug and label. */
  key: string;
  /** 中山 2018年 · 市一级. */
  label: string;
  value: (ValueView & { display: string; sentence?: string }) | null;
}

/** Returns the rows of one indicator: each report's values (one per label), or one 未报告 row for a report without. */
export function indicatorRows(indicator: Indicator, reports: ReportView[], values: ValueView[]): IndicatorRow[] {
  return reports.flatMap((report): IndicatorRow[] => {
    const mine = values.filter((v) => v.indicator === indicator.id && v.report.slug === report.slug);
    if (mine.length === 0) return [{ report, key: report.slug, label: report.label, value: null }];
    return mine.map((v) => ({
      report,
      key: `${report.slug}${v.label ? `-${v.label}` : ''}`,
      label: `${report.label}${v.label ? ` · ${v.label}` : ''}`,
      value: { ...v, display: displayValue({ ...v, approx: v.figureView?.approx, change: v.figureView?.change }), sentence: v.figureView?.sentence },
    }));
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

/** Returns the data of the firsts-by-scope chart: a row per report, a series per scope found, widest first. */
export function firstsByScope(reports: ReportView[], firsts: FirstView[]): StackedData {
  const counted = countedFirsts(firsts);
  const scopes = [...new Set(counted.map((f) => f.scope))].sort((a, b) => (a === SCOPE_UNSTATED ? 1 : 0) - (b === SCOPE_UNSTATED ? 1 : 0) || scopeRank(a) - scopeRank(b) || a.localeCompare(b));
  const cells = new Map<string, number>();
  for (const f of counted) cells.set(`${f.report.slug}\u0000${f.scope}`, (cells.get(`${f.report.slug}\u0000${f.scope}`) ?? 0) + 1);
  return {
    rows: reports.map((r) => ({ id: r.slug, label: r.label, href: indicatorUrl('firsts-claimed', firstsAnchor(r.slug)) })),
    series: scopes.map((s) => ({ id: s, label: s })),
    cells: [...cells].map(([key, value]) => {
      const [row, series] = key.split('\u0000');
      return { row, series, value };
    }),
  };
}

/** Returns the last day of a YYYY-MM month as YYYY-MM-DD. */
function monthEnd(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Returns the timeline items: one per report whose period is known, from the first day of its first
 * month to the last day of its last. A report whose text states no period is not drawn (the table
 * beside the chart lists it as 时期未说明); an approximate one is drawn with its 约 label.
 */
export function periodItems(reports: ReportView[]): TimelineItem[] {
  return reports.filter((r) => r.record.period.precision !== 'unstated').map((r) => ({
    id: r.slug,
    label: r.jurisdiction.shortName,
    start: `${r.record.period.start}-01`,
    end: monthEnd(r.record.period.end),
    period: r.record.period.label,
    kind: r.kind.name,
    href: r.url,
  }));
}
