import { max, scaleBand, scaleQuantize } from 'd3';
import { chartRoot, el, render, tip, type ChartBase, type SvgNode } from './svg.ts';

/** A row or column of the heatmap: an id and the label shown. */
export interface HeatmapAxisItem {
  id: string;
  label: string;
}

/** One cell: how many passages of a jurisdiction (row) fall in a domain (column), and where they are. */
export interface HeatmapCell {
  row: string;
  col: string;
  value: number;
  /** Page listing the passages; the cell becomes a link. */
  href?: string;
}

/** Data of the city × domain heatmap: rows are jurisdictions, columns reform domains. */
export interface HeatmapData {
  rows: HeatmapAxisItem[];
  cols: HeatmapAxisItem[];
  cells: HeatmapCell[];
}

/** Options of heatmapSvg; every field has a default in HEATMAP_DEFAULTS except the ChartBase ones. */
export interface HeatmapOptions extends ChartBase {
  cellWidth: number;
  cellHeight: number;
  /** Width kept for row labels (jurisdiction names). */
  rowLabelWidth: number;
  /** Height kept for column labels, which are set vertically (CJK vertical writing). */
  colLabelHeight: number;
  fontSize: number;
  /** Number of colour steps (the stylesheet defines classes heat-1 … heat-5). */
  steps: number;
  /** What a cell with no passages says: never 0, never blank. */
  missingLabel: string;
  /** Unit after the number in tooltips. */
  unit: string;
}

/** Defaults of every heatmap option except id, title and description. */
export const HEATMAP_DEFAULTS: Omit<HeatmapOptions, keyof ChartBase> = {
  cellWidth: 38,
  cellHeight: 30,
  rowLabelWidth: 84,
  colLabelHeight: 132,
  fontSize: 12,
  steps: 5,
  missingLabel: '未提及',
  unit: '段',
};

/** Returns the heatmap drawn as an SVG string: coloured cells with their count, links where given, 未提及 where nothing was found. */
export function heatmapSvg(data: HeatmapData, options: Partial<HeatmapOptions> & ChartBase): string {
  const o = { ...HEATMAP_DEFAULTS, ...options };
  const gridRight = o.rowLabelWidth + data.cols.length * o.cellWidth;
  const legendRight = o.rowLabelWidth + 70 + o.steps * 34 + 8 * o.fontSize;
  const width = Math.max(gridRight, legendRight);
  const height = o.colLabelHeight + data.rows.length * o.cellHeight + 34;
  const x = scaleBand<string>().domain(data.cols.map((c) => c.id)).range([o.rowLabelWidth, gridRight]);
  const y = scaleBand<string>().domain(data.rows.map((r) => r.id)).range([o.colLabelHeight, o.colLabelHeight + data.rows.length * o.cellHeight]);
  const byKey = new Map(data.cells.map((c) => [`${c.row}\u0000${c.col}`, c]));
  const top = max(data.cells, (c) => c.value) ?? 0;
  // Steps are over 1…max: 0 is not a low value but "not mentioned", drawn apart from the scale.
  const step = scaleQuantize<number>().domain([1, Math.max(top, 2)]).range(Array.from({ length: o.steps }, (_, i) => i + 1));

  const colLabels = data.cols.map((c) =>
    el('text', { class: 'chart-label', x: (x(c.id) ?? 0) + o.cellWidth / 2, y: o.colLabelHeight - 6, 'writing-mode': 'vertical-rl', 'text-anchor': 'end', 'font-size': o.fontSize }, c.label),
  );
  const rowLabels = data.rows.map((r) =>
    el('text', { class: 'chart-label', x: o.rowLabelWidth - 8, y: (y(r.id) ?? 0) + o.cellHeight / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': o.fontSize }, r.label),
  );
  const cells: SvgNode[] = [];
  for (const r of data.rows) {
    for (const c of data.cols) {
      const cell = byKey.get(`${r.id}\u0000${c.id}`);
      const value = cell?.value ?? 0;
      const cx = x(c.id) ?? 0;
      const cy = y(r.id) ?? 0;
      const missing = value <= 0;
      const label = missing ? o.missingLabel : String(value);
      const tipText = `${r.label} · ${c.label}:${missing ? o.missingLabel : `${value} ${o.unit}`}`;
      const group = el(
        'g',
        { class: missing ? 'chart-cell heat-none' : `chart-cell heat-${step(value)}`, 'data-tip': tipText },
        tip(tipText),
        el('rect', { x: cx + 1, y: cy + 1, width: o.cellWidth - 2, height: o.cellHeight - 2, rx: 2 }),
        el('text', { x: cx + o.cellWidth / 2, y: cy + o.cellHeight / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': missing ? o.fontSize - 2.5 : o.fontSize }, label),
      );
      // Only cells with passages link (a link to "nothing found" is a dead end); links take keyboard focus.
      cells.push(cell?.href && !missing ? el('a', { href: cell.href, class: 'chart-link' }, group) : group);
    }
  }
  const legendY = o.colLabelHeight + data.rows.length * o.cellHeight + 12;
  const legend = el(
    'g',
    { class: 'chart-legend', 'font-size': o.fontSize - 1, 'aria-hidden': 'true' },
    el('g', { class: 'heat-none' }, el('rect', { x: o.rowLabelWidth, y: legendY, width: 14, height: 14, rx: 2 })),
    el('text', { x: o.rowLabelWidth + 18, y: legendY + 7, 'dominant-baseline': 'central' }, o.missingLabel),
    Array.from({ length: o.steps }, (_, i) => {
      const [lo, hi] = step.invertExtent(i + 1);
      const lx = o.rowLabelWidth + 70 + i * 34;
      const from = Math.ceil(lo);
      const to = Math.max(from, Math.floor(hi));
      return el('g', { class: `heat-${i + 1}` }, el('rect', { x: lx, y: legendY, width: 30, height: 14, rx: 2 }, tip(from === to ? `${from} ${o.unit}` : `${from}–${to} ${o.unit}`)));
    }),
    el('text', { x: o.rowLabelWidth + 70 + o.steps * 34 + 4, y: legendY + 7, 'dominant-baseline': 'central' }, `少 → 多(${o.unit}数)`),
  );
  return render(chartRoot(o, 'heatmap', width, height, [el('g', { class: 'chart-axis' }, colLabels, rowLabels), el('g', { class: 'chart-cells' }, cells), legend], { interactive: true }));
}
