// Indicator pages against the built site: every value links to an anchor that exists and shows
// that value; charts are drawn without JavaScript; tooltips appear on keyboard focus; downloads
// are UTF-8 CSV with a byte-order mark. Expectations are read from dist/data/indicators.json, so they
// hold for any corpus. Build first (npm run build, or DIST_DIR for another folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, data, openPage, useSite } from './harness.ts';

interface ExportedIndicator {
  id: string;
  unit: string;
  valuesFrom: string;
  values: Array<{ report: string; status: 'reported' | 'not_reported'; text: string | null; figure: string | null }>;
}
const indicators: ExportedIndicator[] = data('indicators.json');
const reported = (i: ExportedIndicator) => i.values.filter((v) => v.status === 'reported');
/** The first indicator drawn as a bar chart that has a value on a figure (the charts and links below need one). */
const charted = indicators.find((i) => i.valuesFrom !== 'firsts' && reported(i).some((v) => v.figure));

const site = useSite();

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

test('every value on /indicators/ links to an existing anchor whose text contains the value', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/indicators/`);
  try {
    const links = await page.$$eval('main a[data-value]', (as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, value: a.getAttribute('data-value') ?? '' })));
    // One link per reported value, as indicators.json lists them.
    assert.equal(links.length, indicators.reduce((n, i) => n + reported(i).length, 0));
    const byPage = new Map<string, Array<{ id: string; value: string }>>();
    for (const { href, value } of links) {
      const url = new URL(href);
      assert.ok(url.hash.length > 1, `${href} has no anchor`);
      const key = url.pathname;
      byPage.set(key, [...(byPage.get(key) ?? []), { id: decodeURIComponent(url.hash.slice(1)), value }]);
    }
    for (const [pathname, targets] of byPage) {
      const target = await openPage(site.browser, `${site.server.url}${pathname}`);
      try {
        assert.equal(target.status, 200, pathname);
        for (const { id, value } of targets) {
          const text = await target.page.evaluate((anchor) => document.getElementById(anchor)?.textContent ?? null, id);
          assert.notEqual(text, null, `${pathname}#${id} does not exist`);
          assert.ok(squash(text!).includes(squash(value)), `${pathname}#${id} says “${text}”, not ${value}`);
        }
        assert.deepEqual(target.errors, [], pathname);
      } finally {
        await target.close();
      }
    }
    // 未报告, never 0, where a report has no value: one such cell per value indicators.json lists as not reported.
    const missing = await page.$$eval('main .not-reported', (tds) => tds.map((td) => td.textContent?.trim()));
    assert.ok(missing.every((t) => t === '未报告' || t === '未提及'));
    assert.equal(missing.length, indicators.reduce((n, i) => n + i.values.filter((v) => v.status === 'not_reported').length, 0));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('following a figure link lands on its sentence, highlighted', { skip: !charted && 'no indicator value in this corpus' }, async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/indicators/${charted!.id}/`);
  try {
    const link = page.locator('main table a[data-value]').first();
    const value = await link.getAttribute('data-value');
    await link.click();
    await page.waitForURL(/#fig-/);
    const target = page.locator(':target');
    assert.equal(await target.evaluate((el) => el.tagName), 'MARK');
    assert.ok((await target.textContent())!.includes(value!));
    const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the target figure is highlighted');
    assert.ok(await target.isVisible());
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('charts are drawn with JavaScript disabled, each with a title, a description and a table beside it', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${site.server.url}/indicators/`);
    const charts = page.locator('svg.chart');
    const count = await charts.count();
    assert.ok(count >= indicators.length, `expected a chart per indicator, the periods and the firsts; got ${count}`);
    for (let i = 0; i < count; i++) {
      const chart = charts.nth(i);
      assert.ok(await chart.isVisible(), `chart ${i} is not visible`);
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 200 && box.height > 40, `chart ${i} is too small: ${JSON.stringify(box)}`);
      assert.ok((await chart.locator('title').first().textContent())?.trim(), `chart ${i} has no title`);
      assert.ok((await chart.locator('desc').textContent())?.trim(), `chart ${i} has no desc`);
      const table = chart.locator('xpath=ancestor::figure[1]//table');
      assert.ok((await table.count()) === 1, `chart ${i} has no data table beside it`);
    }
    // The bars are painted: an indicator chart with a value has visible rects with a fill.
    if (charted) {
      const fill = await page.locator(`#${charted.id} svg.chart .chart-bar rect`).first().evaluate((el) => getComputedStyle(el).fill);
      assert.notEqual(fill, 'none');
    }
  } finally {
    await context.close();
  }
});

test('a tooltip shows on keyboard focus and in dark mode the chart text stays readable', { skip: !charted && 'no indicator value in this corpus' }, async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/indicators/`, { colorScheme: 'dark' });
  try {
    const link = page.locator(`#${charted!.id} svg.chart a`).first();
    await link.focus();
    const tooltip = page.locator('.chart-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    assert.ok(((await tooltip.textContent()) ?? '').includes(charted!.unit), 'the tooltip gives the unit');
    const colours = await page.locator(`#${charted!.id} svg.chart .chart-label`).first().evaluate((el) => [getComputedStyle(el).fill, getComputedStyle(document.body).backgroundColor]);
    assert.notEqual(colours[0], colours[1]);
    assert.notEqual(colours[0], 'rgb(0, 0, 0)', 'labels use the dark theme colours, not black');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('downloads are UTF-8 CSV with a byte-order mark and a header row documented on the codebook page', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/data/`);
  try {
    const csvFiles = ['figures.csv', 'firsts.csv', 'indicators.csv', 'passages.csv', 'terms.csv'];
    for (const file of csvFiles) {
      const bytes = readFileSync(path.join(DIST, 'data', file));
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${file} has no BOM`);
      const header = bytes.toString('utf8').slice(1).split('\n')[0].split(',');
      const documented = await page.$$eval(`section:has(a[href="/data/${file}"]) tbody th code`, (codes) => codes.map((c) => c.textContent));
      assert.deepEqual(header, documented, `${file}: every column is documented, in order`);
    }
    const pkg = JSON.parse(readFileSync(path.join(DIST, 'data', 'datapackage.json'), 'utf8'));
    assert.deepEqual(pkg.resources.map((r: { path: string }) => r.path).sort(), csvFiles);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
