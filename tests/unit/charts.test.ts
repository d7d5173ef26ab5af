import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { barChartSvg } from '../../src/charts/bar.ts';
import { heatmapSvg } from '../../src/charts/heatmap.ts';
import { stackedBarSvg } from '../../src/charts/stacked.ts';
import { timelineSvg } from '../../src/charts/timeline.ts';
import { ROOT } from './helpers.ts';

const DIR = join(ROOT, 'tests', 'fixtures', 'charts');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** Compares an SVG with its snapshot file (written instead when UPDATE_FIXTURES=1). */
function snapshot(name: string, svg: string): void {
  const file = join(DIR, `${name}.svg`);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, `${svg}\n`);
    if (!UPDATE) assert.fail(`${name}.svg did not exist and was written; review it and run again`);
    return;
  }
  assert.equal(`${svg}\n`, readFileSync(file, 'utf8'), `${name}.svg differs; UPDATE_FIXTURES=1 regenerates it (review the diff)`);
}

/** Returns every number in the SVG's attributes, to check rounding. */
const numbersIn = (svg: string) => [...svg.matchAll(/="(-?\d+(?:\.\d+)?)"/g)].map((m) => m[1]);

const heatmapData = {
  rows: [
    { id: 'zhongshan', label: '中山' },
    { id: 'xiangtan', label: '湘潭' },
    { id: 'pingshan', label: '坪山' },
  ],
  cols: [
    { id: 'streamlining', label: '放管服与行政审批' },
    { id: 'ecology', label: '生态文明' },
    { id: 'discipline', label: '纪检监察' },
  ],
  cells: [
    { row: 'zhongshan', col: 'streamlining', value: 12, href: '/compare/streamlining/#zhongshan' },
    { row: 'zhongshan', col: 'ecology', value: 3, href: '/compare/ecology/#zhongshan' },
    { row: 'xiangtan', col: 'streamlining', value: 7, href: '/compare/streamlining/#xiangtan' },
    { row: 'xiangtan', col: 'ecology', value: 0, href: '/compare/ecology/#xiangtan' },
    { row: 'pingshan', col: 'discipline', value: 1 },
  ],
};

test('heatmap: counts as links, 未提及 for missing and zero cells, never 0 or blank', () => {
  const svg = heatmapSvg(heatmapData, { id: 'coverage', title: '各地改革领域覆盖', description: '行为行政区,列为改革领域,格中数字为段落数。' });
  snapshot('heatmap', svg);
  assert.match(svg, /<title id="coverage-title">各地改革领域覆盖<\/title>/);
  assert.match(svg, /<desc id="coverage-desc">/);
  assert.equal((svg.match(/<a href=/g) ?? []).length, 3, 'cells with passages and an href are links; a zero cell is not');
  // 9 cells, 4 with passages: 5 say 未提及 (plus the legend's label).
  assert.equal((svg.match(/>未提及</g) ?? []).length, 6);
  assert.doesNotMatch(svg, />0</, 'no cell shows 0');
  assert.ok(numbersIn(svg).every((n) => !/\.\d{3}/.test(n)), 'numbers are rounded to two decimals');
  assert.equal(svg, heatmapSvg(heatmapData, { id: 'coverage', title: '各地改革领域覆盖', description: '行为行政区,列为改革领域,格中数字为段落数。' }), 'deterministic');
});

test('bar chart: bars link to their sentence, 未报告 where there is no value', () => {
  const svg = barChartSvg(
    [
      { id: 'zhongshan-2018', label: '中山 2018年', value: 115, display: '115项', href: '/reports/zhongshan-2018/#fig-1' },
      { id: 'xiangtan-2017', label: '湘潭 2017年', value: 213, display: '213项', href: '/reports/xiangtan-2017/#fig-2' },
      { id: 'zhuzhou-2017', label: '天元 2017年', value: null },
      { id: 'guangzhou-2019h1', label: '广州 2019年上半年', value: 209.333333, display: '209项' },
    ],
    { id: 'reform-tasks', title: '年度改革任务', description: '各地报告的改革任务数。', unit: '项' },
  );
  snapshot('bar', svg);
  assert.match(svg, /未报告/);
  assert.equal((svg.match(/<a href=/g) ?? []).length, 2);
  assert.match(svg, /role="group"/);
  assert.ok(numbersIn(svg).every((n) => !/\.\d{3}/.test(n)));
});

test('stacked bars: firsts per jurisdiction by scope, with totals and a legend', () => {
  const svg = stackedBarSvg(
    {
      rows: [
        { id: 'xiangtan', label: '湘潭' },
        { id: 'zhongshan', label: '中山' },
        { id: 'pingshan', label: '坪山' },
      ],
      series: [
        { id: '全国', label: '全国' },
        { id: '全省', label: '全省' },
        { id: '未说明', label: '未说明' },
      ],
      cells: [
        { row: 'xiangtan', series: '全省', value: 20 },
        { row: 'xiangtan', series: '未说明', value: 1 },
        { row: 'zhongshan', series: '全国', value: 1 },
        { row: 'zhongshan', series: '全省', value: 7 },
      ],
    },
    { id: 'firsts', title: '“率先”“首个”表述', description: '按范围分列。' },
  );
  snapshot('stacked', svg);
  assert.match(svg, />21</);
  assert.match(svg, />未提及</);
  assert.match(svg, /class="cat-1"/);
});

test('timeline: one bar per period on whole years, no clock', () => {
  const items = [
    { id: 'guangzhou-2019h1', label: '广州', start: '2019-01-01', end: '2019-06-30', period: '2019年上半年', kind: '半年报告' },
    { id: 'zhongshan-2018', label: '中山', start: '2018-01-01', end: '2018-12-31', period: '2018年', href: '/reports/zhongshan-2018/' },
    { id: 'xiangtan-2017', label: '湘潭', start: '2017-01-01', end: '2017-12-31', period: '2017年' },
  ];
  const svg = timelineSvg(items, { id: 'periods', title: '报告覆盖的时期', description: '每份报告所涵盖的时间段。' });
  snapshot('timeline', svg);
  assert.match(svg, />2017年</);
  assert.match(svg, />2019年</);
  assert.doesNotMatch(svg, />2020年</);
  assert.equal(svg, timelineSvg(items, { id: 'periods', title: '报告覆盖的时期', description: '每份报告所涵盖的时间段。' }));
});

test('text is escaped', () => {
  const svg = barChartSvg([{ id: 'a', label: '<script>&"', value: 1 }], { id: 'x', title: 'a<b', description: 'c&d' });
  assert.doesNotMatch(svg, /<script>/);
  assert.match(svg, /&lt;script&gt;&amp;&quot;/);
  assert.match(svg, /a&lt;b/);
});
