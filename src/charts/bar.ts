import { format, max, scaleBand, scaleLinear } from 'd3';
import { chartRoot, el, render, textWidth, tip, type ChartBase, type SvgNode } from './svg.ts';

/** One bar: a jurisdiction (or a jurisdiction and a breakdown) and its value, or null when not reported. */
export interface Bar {
  id: string;
  /** Label on the axis: 中山 2018. */
  label: string;
  /** The value; null draws no bar and says 未报告 (never 0). */
  value: number | null;
  /** The value as shown at the end of the bar: 115项, 5天(原20.7天). */
  display?: string;
  /** Where the value comes from (its sentence); the bar becomes a link. */
  href?: string;
  /** Tooltip text; defaults to label and display. */
  tip?: string;
}

/** Options of barChartSvg; every field but the ChartBase ones has a default in BAR_DEFAULTS. */
export interface BarOptions extends ChartBase {
  width: number;
  barHeight: number;
  gap: number;
  /** Least width kept for the labels left of the bars (more when a label needs it). */
  labelWidth: number;
  /** Width kept right of the longest bar for its value. */
  valueWidth: number;
  fontSize: number;
  /** Unit shown after the axis ticks' caption. */
  unit: string;
  /** What a bar without a value says. */
  missingLabel: string;
  /** Number of ticks the axis aims for. */
  ticks: number;
}

/** Defaults of every bar-chart option except id, title and description. */
export const BAR_DEFAULTS: Omit<BarOptions, keyof ChartBase> = {
  width: 520,
  barHeight: 24,
  gap: 8,
  labelWidth: 96,
  valueWidth: 110,
  fontSize: 14,
  unit: '',
  missingLabel: '未报告',
  ticks: 4,
};

/** Returns a horizontal bar chart as an SVG string: one bar per item, 未报告 where there is no value, bars linking to their sentence. */
export function barChartSvg(bars: Bar[], options: Partial<BarOptions> & ChartBase): string {
  const o = { ...BAR_DEFAULTS, ...options };
  const labelWidth = Math.max(o.labelWidth, ...bars.map((b) => textWidth(b.label, o.fontSize) + 12));
  const top = 8;
  const axisHeight = 28;
  const plotHeight = bars.length * (o.barHeight + o.gap);
  const height = top + plotHeight + axisHeight;
  const y = scaleBand<string>().domain(bars.map((b) => b.id)).range([top, top + plotHeight]).paddingInner(o.gap / (o.barHeight + o.gap));
  const x = scaleLinear()
    .domain([0, max(bars, (b) => b.value ?? 0) || 1])
    .nice(o.ticks)
    .range([labelWidth, o.width - o.valueWidth]);
  const ticks = x.ticks(o.ticks);
  const tickFormat = format(',~r');
  const grid = el(
    'g',
    { class: 'chart-grid', 'aria-hidden': 'true' },
    ticks.map((t) => el('line', { x1: x(t), x2: x(t), y1: top, y2: top + plotHeight })),
  );
  const axis = el(
    'g',
    { class: 'chart-axis', 'aria-hidden': 'true', 'font-size': o.fontSize - 2 },
    el('line', { class: 'chart-baseline', x1: x(0), x2: x(0), y1: top, y2: top + plotHeight }),
    ticks.map((t) => el('text', { class: 'chart-tick', x: x(t), y: top + plotHeight + 16, 'text-anchor': 'middle' }, tickFormat(t))),
    o.unit ? el('text', { class: 'chart-tick', x: o.width - o.valueWidth + 24, y: top + plotHeight + 16 }, `(${o.unit})`) : null,
  );
  const rows: SvgNode[] = bars.map((b) => {
    const by = y(b.id) ?? 0;
    const mid = by + y.bandwidth() / 2;
    const label = el('text', { class: 'chart-label', x: labelWidth - 8, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': o.fontSize }, b.label);
    if (b.value === null) {
      return el('g', { class: 'chart-row chart-row-missing' }, label, el('text', { class: 'chart-missing-label', x: x(0) + 6, y: mid, 'dominant-baseline': 'central', 'font-size': o.fontSize - 1 }, o.missingLabel));
    }
    const display = b.display ?? String(b.value);
    const tipText = b.tip ?? `${b.label}:${display}`;
    const mark = el(
      'g',
      { class: 'chart-bar', 'data-tip': tipText },
      tip(tipText),
      el('rect', { x: x(0), y: by, width: Math.max(1, x(b.value) - x(0)), height: y.bandwidth(), rx: 2 }),
      el('text', { x: x(b.value) + 6, y: mid, 'dominant-baseline': 'central', 'font-size': o.fontSize, 'font-weight': 600 }, display),
    );
    return el('g', { class: 'chart-row' }, label, b.href ? el('a', { href: b.href, class: 'chart-link' }, mark) : mark);
  });
  return render(chartRoot(o, 'bar', o.width, height, [grid, el('g', { class: 'chart-rows' }, rows), axis], { interactive: bars.some((b) => b.href) }));
}
