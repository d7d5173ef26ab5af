// An editor adds a report from a new jurisdiction to a temporary copy of the project: one seed
// file plus one jurisdiction entry, then the ordinary build. The report must appear on the home
// page, its jurisdiction page, a domain comparison, the indicators and terms data, and search.
// Then a broken seed must fail the build and leave the previous site untouched.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT, launchBrowser, openPage, startServer, type Server } from './harness.ts';

const SKIP = new Set(['node_modules', 'dist', '.git', 'tmp', '.astro']);
const project = mkdtempSync(path.join(tmpdir(), 'gaige-editor-'));
const dist = path.join(project, 'dist');

const SEED = `---
title: 长沙市2019年全面深化改革工作总结
jurisdiction: changsha
period: "2019"
kind: annual-summary
publisher: 长沙市人民政府网
source: 长沙市委改革办
date: "2020-01-10"
dateKind: 发布时间
---
一、总体推进情况
1.强化统筹调度。一是对标对表抓谋划。全年召开市委深改组会议6次,审议改革文件28个,统筹推进改革任务186项。二是善作善成抓推进。建立改革任务台账,每月调度。
二、重点改革事项完成情况
1.持续深化“放管服”改革。全面推行“证照分离”改革,企业开办时间由5个工作日压缩至1个工作日,在全省率先实现“一件事一次办”。
2.推进生态文明体制改革。全面推行河长制,建立市、县、乡、村四级河长体系。
3.深化纪律检查体制改革。运用监督执纪“四种形态”,全年立案查处120人。
`;

function sha(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(path.relative(dir, p)).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function build() {
  return spawnSync(process.execPath, ['pipeline/build.ts'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_OUT_DIR: dist, ASTRO_CACHE_DIR: path.join(project, 'cache'), GAIGE_ROOT: project },
  });
}

let server: Server;
let browser: Browser;
before(() => {
  cpSync(PROJECT_ROOT, project, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) || path.dirname(src) !== PROJECT_ROOT.replace(/\/$/, '') });
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(project, 'node_modules'));
  const file = path.join(project, 'content', 'jurisdictions.json');
  // Should an editor have added 长沙 to the project already, the copy gets this entry instead.
  const jurisdictions = JSON.parse(readFileSync(file, 'utf8')).filter((j: { id: string }) => j.id !== 'changsha');
  jurisdictions.push({ id: 'changsha', name: '长沙市', shortName: '长沙', nameEn: 'Changsha', province: '湖南', level: '副省级市', levelEn: 'sub-provincial city', parent: null, aliases: ['长沙'] });
  writeFileSync(file, JSON.stringify(jurisdictions, null, 2));
  writeFileSync(path.join(project, 'seeds', 'changsha-2019.md'), SEED);
  // A second new report whose text carries script, event handlers, javascript: and data: links.
  cpSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'good-seeds', 'raw-html', 'xiangtan-2019.md'), path.join(project, 'seeds', 'xiangtan-2019.md'));
  const run = build();
  assert.equal(run.status, 0, run.stderr + run.stdout);
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(project, { recursive: true, force: true });
});

test('the new report is on the home page, its jurisdiction page and a domain comparison', async () => {
  server = await startServer({ root: dist });
  browser = await launchBrowser();
  const home = await openPage(browser, `${server.url}/`);
  try {
    assert.equal(await home.page.locator('a[href="/reports/changsha-2019/"]').count(), 1);
    assert.deepEqual(home.errors, []);
  } finally {
    await home.close();
  }
  const city = await openPage(browser, `${server.url}/cities/changsha/`);
  try {
    assert.equal(city.status, 200);
    assert.equal(await city.page.locator('h1').textContent(), '长沙市');
    assert.ok((await city.page.locator('a[href="/reports/changsha-2019/"]').count()) >= 1);
  } finally {
    await city.close();
  }
  const domain = await openPage(browser, `${server.url}/compare/streamlining/`);
  try {
    const column = domain.page.locator('#j-changsha');
    assert.ok((await column.locator('.passage').count()) > 0, 'no 放管服 passage in the 长沙 column');
    assert.ok(((await column.locator('.column-head').textContent()) ?? '').includes('年度工作总结'));
  } finally {
    await domain.close();
  }
  const report = await openPage(browser, `${server.url}/reports/changsha-2019/`);
  try {
    assert.equal(await report.page.locator('h1').textContent(), '长沙市2019年全面深化改革工作总结');
    assert.equal(await report.page.locator('.report-body h2').count(), 2);
    assert.deepEqual(report.errors, []);
  } finally {
    await report.close();
  }
});

test('the new report is in the indicators, figures and terms data', () => {
  const figures = JSON.parse(readFileSync(path.join(dist, 'data', 'figures.json'), 'utf8')) as Array<{ report: string; text: string }>;
  assert.ok(figures.some((f) => f.report === 'changsha-2019' && f.text.includes('186项')));
  const indicators = JSON.parse(readFileSync(path.join(dist, 'data', 'indicators.json'), 'utf8'));
  assert.ok(JSON.stringify(indicators).includes('changsha'), 'no indicator value for 长沙');
  const terms = JSON.parse(readFileSync(path.join(dist, 'data', 'terms.json'), 'utf8')) as Array<{ term: string; occurrences: Array<{ report: string }> }>;
  const fgf = terms.find((t) => t.term === '放管服');
  assert.ok(fgf?.occurrences.some((o) => o.report === 'changsha-2019'));
});

test('search finds the new report', async () => {
  const { page, close } = await openPage(browser, `${server.url}/search/?q=${encodeURIComponent('四种形态')}`);
  try {
    await page.locator('a[href^="/reports/changsha-2019/"]').first().waitFor({ timeout: 15_000 });
  } finally {
    await close();
  }
});

test('a broken seed fails the build and leaves the previous site untouched', () => {
  const before = sha(dist);
  const bad = path.join(project, 'seeds', 'changsha-2020.md');
  writeFileSync(bad, SEED.replace('period: "2019"', 'period: 2020年'));
  try {
    const run = build();
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /seeds\/changsha-2020\.md:4: period 的值“2020年”无法识别。/);
    assert.equal(sha(dist), before);
  } finally {
    rmSync(bad);
  }
});

test('a seed with <script>, <iframe>, <style>, onerror=, javascript: and data: links renders as inert text', async () => {
  // Checked in the parsed page (below), where text and markup cannot be confused.
  const { page: p, errors, close } = await openPage(browser, `${server.url}/reports/xiangtan-2019/`);
  try {
    const text = (await p.locator('.report-body').textContent()) ?? '';
    for (const literal of ["<script>alert('script')</script>", '<iframe src="https://example.com/x"></iframe>', '<style>body{display:none}</style>', '<img src=x onerror="alert(\'img\')">', '<a href="javascript:alert(\'a\')">', '{2019}', '{区直单位}', '<湘潭市改革方案>']) {
      assert.ok(text.includes(literal), `not shown literally: ${literal}`);
    }
    assert.equal(await p.locator('.report-body :is(script, iframe, style, img)').count(), 0);
    // In the parsed page (attribute values included): no script element from the seed, no event
    // handler attribute, no javascript: or data: link on any element.
    const executable = await p.evaluate(() => [
      ...[...document.scripts].filter((s) => s.textContent?.includes('alert(')).map((s) => `script: ${s.textContent?.slice(0, 40)}`),
      ...[...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name) || (/^(href|src|action|formaction)$/i.test(a.name) && /^\s*(javascript|data):/i.test(a.value))).map((a) => `${el.tagName} ${a.name}=${a.value}`),
      ),
    ]);
    assert.deepEqual(executable, []);
    assert.equal(await p.locator('h1').textContent(), "湘潭市2019年改革工作总结<script>alert('title')</script>");
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
