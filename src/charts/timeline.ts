import { scaleBand, scaleUtc, utcFormat, utcYear } from 'd3';
import { chartRoot, el, render, textWidth, tip, type ChartBase, type SvgNode } from './svg.ts';

/** One period a report covers. */
export interface TimelineItem {
  id: string;
  /** Row label: the jurisdiction. */
  label: string;
  /** First and last day covered, YYYY-MM-DD. */
  start: string;
  end: string;
  /** Text on and after the bar: 2018年, 2019年上半年. */
  period: string;
  /** What kind of document it is (年度总结, 半年报告 …), shown in the tooltip. */
  kind?: string;
  href?: string;
}

/** Options of timelineSvg; every field but the ChartBase ones has a default in TIMELINE_DEFAULTS. */
export interface TimelineOptions extends ChartBase {
  width: number;
  rowHeight: number;
  labelWidth: number;
  fontSize: number;
}

/** Defaults of every timeline option except id, title and description. */
export const TIMELINE_DEFAULTS: Omit<TimelineOptions, keyof ChartBase> = {
  width: 560,
  rowHeight: 30,
  labelWidth: 72,
  fontSize: 14,
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Returns a timeline as an SVG string: one bar per report from the first to the last day it covers, on a yearly axis. */
export function timelineSvg(items: TimelineItem[], options: Partial<TimelineOptions> & ChartBase): string {
  const o = { ...TIMELINE_DEFAULTS, ...options };
  const labelWidth = Math.max(o.labelWidth, ...items.map((i) => textWidth(i.label, o.fontSize) + 12));
  const top = 4;
  const plotHeight = items.length * o.rowHeight;
  const height = top + plotHeight + 26;
  const starts = items.map((i) => day(i.start));
  const ends = items.map((i) => new Date(day(i.end).getTime() + 86_400_000));
  // Whole years on both sides, so the ticks fall on 1 January whatever the data.
  const from = utcYear.floor(new Date(Math.min(...starts.map(Number))));
  const to = utcYear.ceil(new Date(Math.max(...ends.map(Number))));
  const x = scaleUtc().domain([from, to]).range([labelWidth, o.width - 16]);
  const y = scaleBand<string>().domain(items.map((i) => i.id)).range([top, top + plotHeight]).paddingInner(0.3);
  const years = utcYear.range(from, utcYear.offset(to, 1));
  const yearLabel = utcFormat('%Y');
  const grid = el('g', { class: 'chart-grid', 'aria-hidden': 'true' }, years.map((t) => el('line', { x1: x(t), x2: x(t), y1: top, y2: top + plotHeight })));
  const axis = el(
    'g',
    { class: 'chart-axis', 'aria-hidden': 'true', 'font-size': o.fontSize - 2 },
    // Labels sit mid-year: a year is a span, not a point.
    years.slice(0, -1).map((t) => el('text', { class: 'chart-tick', x: (x(t) + x(utcYear.offset(t, 1))) / 2, y: top + plotHeight + 16, 'text-anchor': 'middle' }, `${yearLabel(t)}年`)),
  );
  const rows: SvgNode[] = items.map((item, i) => {
    const by = y(item.id) ?? 0;
    const mid = by + y.bandwidth() / 2;
    const x0 = x(starts[i]);
    const x1 = x(ends[i]);
    const tipText = `${item.label}:${item.period}${item.kind ? ` · ${item.kind}` : ''}(${item.start} 至 ${item.end})`;
    const bar = el('g', { class: 'chart-bar', 'data-tip': tipText }, tip(tipText), el('rect', { x: x0, y: by, width: Math.max(2, x1 - x0), height: y.bandwidth(), rx: 2 }));
    return el(
      'g',
      { class: 'chart-row' },
      el('text', { class: 'chart-label', x: labelWidth - 8, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': o.fontSize }, item.label),
      item.href ? el('a', { href: item.href, class: 'chart-link' }, bar) : bar,
    );
  });
  return render(chartRoot(o, 'timeline', o.width, height, [grid, el('g', { class: 'chart-rows' }, rows), axis], { interactive: items.some((i) => i.href) }));
}
