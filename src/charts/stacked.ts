import { max, scaleBand, scaleLinear, stack } from 'd3';
import { chartRoot, el, render, textWidth, tip, type ChartBase, type SvgNode } from './svg.ts';

/** Data of a stacked bar chart: rows (jurisdictions), series (scopes) in stacking order, and counts. */
export interface StackedData {
  rows: Array<{ id: string; label: string; href?: string }>;
  series: Array<{ id: string; label: string }>;
  cells: Array<{ row: string; series: string; value: number }>;
}

/** Options of stackedBarSvg; every field but the ChartBase ones has a default in STACKED_DEFAULTS. */
export interface StackedOptions extends ChartBase {
  width: number;
  barHeight: number;
  gap: number;
  labelWidth: number;
  fontSize: number;
  /** Unit of the counts, in tooltips. */
  unit: string;
  /** What a row with nothing says. */
  missingLabel: string;
}

/** Defaults of every stacked-bar option except id, title and description. */
export const STACKED_DEFAULTS: Omit<StackedOptions, keyof ChartBase> = {
  width: 520,
  barHeight: 24,
  gap: 8,
  labelWidth: 96,
  fontSize: 14,
  unit: '处',
  missingLabel: '未提及',
};

/**
 * Returns a horizontal stacked bar chart as an SVG string: one bar per row, a segment per series
 * coloured from the categorical palette (classes cat-1 …), the total after the bar, a legend above.
 */
export function stackedBarSvg(data: StackedData, options: Partial<StackedOptions> & ChartBase): string {
  const o = { ...STACKED_DEFAULTS, ...options };
  const labelWidth = Math.max(o.labelWidth, ...data.rows.map((r) => textWidth(r.label, o.fontSize) + 12));
  const legendHeight = 26;
  const top = legendHeight + 6;
  const plotHeight = data.rows.length * (o.barHeight + o.gap);
  const height = top + plotHeight + 4;
  const value = new Map(data.cells.map((c) => [`${c.row}\u0000${c.series}`, c.value]));
  const table = data.rows.map((r) => Object.fromEntries([['row', r.id], ...data.series.map((s) => [s.id, value.get(`${r.id}\u0000${s.id}`) ?? 0])]));
  const layers = stack<Record<string, number | string>>()
    .keys(data.series.map((s) => s.id))
    .value((d, key) => Number(d[key]))(table);
  const totals = table.map((d) => data.series.reduce((n, s) => n + Number(d[s.id]), 0));
  const x = scaleLinear().domain([0, max(totals) || 1]).range([labelWidth, o.width - 48]);
  const y = scaleBand<string>().domain(data.rows.map((r) => r.id)).range([top, top + plotHeight]).paddingInner(o.gap / (o.barHeight + o.gap));
  const legend = el(
    'g',
    { class: 'chart-legend', 'font-size': o.fontSize - 1 },
    data.series.map((s, i) => {
      const lx = labelWidth + i * 86;
      return el('g', {}, el('rect', { class: `cat-${(i % 6) + 1}`, x: lx, y: 4, width: 14, height: 14, rx: 2 }), el('text', { x: lx + 18, y: 11, 'dominant-baseline': 'central' }, s.label));
    }),
  );
  const rows: SvgNode[] = data.rows.map((r, ri) => {
    const by = y(r.id) ?? 0;
    const mid = by + y.bandwidth() / 2;
    const labelText = el('text', { class: 'chart-label', x: labelWidth - 8, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': o.fontSize }, r.label);
    const label = r.href ? el('a', { href: r.href, class: 'chart-link' }, labelText) : labelText;
    if (totals[ri] === 0) {
      return el('g', { class: 'chart-row chart-row-missing' }, label, el('text', { class: 'chart-missing-label', x: labelWidth + 6, y: mid, 'dominant-baseline': 'central', 'font-size': o.fontSize - 1 }, o.missingLabel));
    }
    const segments = layers.flatMap((layer, si) => {
      const [x0, x1] = layer[ri];
      if (x1 - x0 <= 0) return [];
      const s = data.series[si];
      const tipText = `${r.label} · ${s.label}:${x1 - x0} ${o.unit}`;
      return [el('g', { class: 'chart-segment', 'data-tip': tipText, tabindex: 0 }, tip(tipText), el('rect', { class: `cat-${(si % 6) + 1}`, x: x(x0), y: by, width: x(x1) - x(x0), height: y.bandwidth() }))];
    });
    return el(
      'g',
      { class: 'chart-row' },
      label,
      segments,
      el('text', { x: x(totals[ri]) + 6, y: mid, 'dominant-baseline': 'central', 'font-size': o.fontSize, 'font-weight': 600 }, `${totals[ri]}`),
    );
  });
  return render(chartRoot(o, 'stacked', o.width, height, [legend, el('g', { class: 'chart-rows' }, rows)], { interactive: true }));
}
