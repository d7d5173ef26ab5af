// Comparison by reform domain against the built site: the matrix, a domain page with one column
// per jurisdiction, passage links that land on existing anchors, the URL-kept choice of
// jurisdictions, jurisdiction pages and the data downloads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, openPage, useSite } from './harness.ts';

const site = useSite();

const passages: Array<{ report: string; jurisdiction: string; paragraph_id: string; url: string; domains: string[]; evidence: Array<{ domain: string; via: string; evidence: string[] }>; text: string }> = JSON.parse(
  readFileSync(path.join(DIST, 'data', 'passages.json'), 'utf8'),
);

test('放管服 domain page: all five jurisdictions with at least one passage, each link landing on an existing anchor', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/compare/streamlining/`);
  try {
    const columns = page.locator('.column');
    assert.equal(await columns.count(), 5);
    for (let i = 0; i < 5; i++) {
      const col = columns.nth(i);
      assert.ok((await col.locator('.passage').count()) > 0, `column ${i} has no passage`);
      assert.match((await col.locator('.column-head').textContent()) ?? '', /(年鉴条目|年度工作总结|改革计划|半年综述|回顾与计划)/, 'each column names the kind of document');
    }
    const links = await page.locator('.passage-foot a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    assert.ok(links.length >= 5);
    const byPage = new Map<string, string[]>();
    for (const href of links) {
      const [pathname, hash] = href.split('#');
      byPage.set(pathname, [...(byPage.get(pathname) ?? []), hash]);
    }
    for (const [pathname, hashes] of byPage) {
      const target = await openPage(site.browser, `${site.server.url}${pathname}`);
      try {
        const existing = new Set(await target.page.locator('[id]').evaluateAll((els) => els.map((e) => e.id)));
        for (const h of hashes) assert.ok(existing.has(h), `${pathname}#${h} does not exist`);
      } finally {
        await target.close();
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a jurisdiction with nothing in a domain shows 未提及, never 0 or an empty cell', async () => {
  const { page, close } = await openPage(site.browser, `${site.server.url}/compare/`);
  try {
    const cells = await page.locator('.matrix td').allTextContents();
    assert.ok(cells.length >= 24 * 5);
    for (const c of cells) assert.ok(c.trim() === '未提及' || /^[1-9]\d*$/.test(c.trim()), `cell "${c}"`);
    assert.ok(cells.some((c) => c.trim() === '未提及'));
    // The cell count equals the number of passages of that domain for that jurisdiction.
    const href = await page.locator('.matrix td a').first().getAttribute('href');
    const n = Number(await page.locator('.matrix td a').first().textContent());
    const [, domain, jurisdiction] = /\/compare\/([^/]+)\/#j-(.+)$/.exec(href!)!;
    assert.equal(passages.filter((p) => p.jurisdiction === jurisdiction && p.domains.includes(domain)).length, n);
  } finally {
    await close();
  }
});

test('the choice of jurisdictions is kept in the URL; columns not chosen are hidden', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/compare/streamlining/`);
  try {
    await page.locator('.picker input[value="zhongshan"]').uncheck();
    await page.locator('.picker input[value="pingshan"]').uncheck();
    await Promise.all([page.waitForURL(/\?/), page.locator('.picker button[type="submit"]').click()]);
    const url = new URL(page.url());
    assert.deepEqual(url.searchParams.getAll('j').sort(), ['guangzhou', 'xiangtan', 'zhuzhou-xinqu']);
    const visible = await page.locator('.column:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.jurisdiction));
    assert.deepEqual(visible.sort(), ['guangzhou', 'xiangtan', 'zhuzhou-xinqu']);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('without JavaScript every column is shown', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${site.server.url}/compare/streamlining/?j=zhongshan`);
    assert.equal(await page.locator('.column:visible').count(), 5);
  } finally {
    await context.close();
  }
});

test('report sections carry domain tags linking to the domain page', async () => {
  const { page, close } = await openPage(site.browser, `${site.server.url}/reports/zhongshan-2018/`);
  try {
    const tags = page.locator('.domain-tag', { hasText: '纪检监察与巡察' });
    assert.ok((await tags.count()) > 0);
    assert.equal(await tags.first().getAttribute('href'), '/compare/discipline/');
  } finally {
    await close();
  }
});

test('jurisdiction page: facts, reports, and domain coverage that links to the comparison', async () => {
  const { page, errors, close } = await openPage(site.browser, `${site.server.url}/cities/pingshan/`);
  try {
    assert.equal(await page.locator('h1').textContent(), '坪山区');
    assert.ok(((await page.locator('.facts').textContent()) ?? '').includes('深圳市'));
    assert.equal(await page.locator('.report-card a[href="/reports/pingshan-2017/"]').count(), 1);
    const rows = page.locator('.coverage tbody tr');
    assert.ok((await rows.count()) > 3);
    const health = page.locator('.coverage a', { hasText: '医药卫生' });
    assert.equal(await health.getAttribute('href'), '/compare/health/#j-pingshan');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('downloads: domains.json, passages.json and a BOM-prefixed passages.csv with the same rows', () => {
  const taxonomy = JSON.parse(readFileSync(path.join(DIST, 'data', 'domains.json'), 'utf8'));
  assert.equal(taxonomy.domains.length, 24);
  assert.ok(taxonomy.groups.length >= 7);
  const csv = readFileSync(path.join(DIST, 'data', 'passages.csv'), 'utf8');
  assert.ok(csv.startsWith('\uFEFFreport,jurisdiction,paragraph_id,url,section,role,domains,evidence,text\n'));
  assert.ok(passages.length > 150);
  for (const p of passages) assert.ok(csv.includes(p.paragraph_id));
  const unclassified = passages.filter((p) => p.domains.length === 0).length;
  assert.ok(unclassified / passages.length <= 0.05);
});

test('the review page lists exactly the unclassified passages', async () => {
  const { page, close } = await openPage(site.browser, `${site.server.url}/compare/unclassified/`);
  try {
    const listed = await page.locator('.passage-foot a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    assert.deepEqual(listed.sort(), passages.filter((p) => p.domains.length === 0).map((p) => p.paragraph_id).sort());
  } finally {
    await close();
  }
});
