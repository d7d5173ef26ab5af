// The main navigation says where the reader is, and /data/ states the licence and offers every
// file as a download. Runs against the built site (npm test builds it first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite } from './harness.ts';

const site = useSite();

/** Returns the navigation links of a page with their aria-current values. */
async function navOf(path: string): Promise<Array<{ label: string; current: string | null }>> {
  const { page, close } = await openPage(site.browser, `${site.server.url}${path}`);
  try {
    return await page.locator('.site-header nav a').evaluateAll((links) => links.map((a) => ({ label: a.textContent?.trim() ?? '', current: a.getAttribute('aria-current') })));
  } finally {
    await close();
  }
}

test('the navigation marks the section of the site the page belongs to, and only that one', async () => {
  const cases: Array<[string, string, string]> = [
    ['/', '首页', 'page'],
    ['/compare/', '对照', 'page'],
    ['/compare/streamlining/', '对照', 'true'],
    ['/terms/', '术语', 'page'],
    ['/indicators/reform-tasks/', '指标', 'true'],
    ['/data/', '数据', 'page'],
    ['/reports/xiangtan-2017/', '报告', 'true'],
    ['/about/', '', ''],
  ];
  for (const [path, label, value] of cases) {
    const nav = await navOf(path);
    const current = nav.filter((item) => item.current !== null);
    if (label === '') assert.deepEqual(current, [], `${path}: no section is current`);
    else assert.deepEqual(current, [{ label, current: value }], path);
  }
});

test('/data/ states the licence of the data and the status of the quoted texts; every file is a download link', async () => {
  const { page, close } = await openPage(site.browser, `${site.server.url}/data/`);
  try {
    const licence = (await page.locator('#licence-h + p').textContent()) ?? '';
    assert.match(licence, /CC BY 4\.0/);
    assert.match((await page.locator('#licence-h ~ p').nth(1).textContent()) ?? '', /原文.*照录/);
    const links = await page.locator('nav[aria-label="文件目录"] a[download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    assert.ok(links.length >= 10, 'the file list offers the downloads');
    for (const path of links) {
      assert.match(path, /^\/data\/[\w.-]+\.(csv|json)$/);
      const response = await page.request.get(`${site.server.url}${path}`);
      assert.equal(response.status(), 200, path);
    }
    const datapackage = await (await page.request.get(`${site.server.url}/data/datapackage.json`)).json();
    assert.equal(datapackage.licenses[0].name, 'CC-BY-4.0');
  } finally {
    await close();
  }
});
