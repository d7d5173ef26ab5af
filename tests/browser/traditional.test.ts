// A report written in Traditional characters, added to a temporary copy of the project: a query in
// either script finds it and the Simplified reports alike, every listed report holds the term in one
// script or the other and none that holds it is missing, and its page highlights the hits as written.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT, launchBrowser, openPage, startServer, type Server } from './harness.ts';

const SKIP = new Set(['node_modules', 'dist', '.git', 'tmp', '.astro']);
const project = mkdtempSync(path.join(tmpdir(), 'gaige-hant-'));
const dist = path.join(project, 'dist');
const SLUG = 'xiangtan-2019';

let server: Server;
let browser: Browser;
before(async () => {
  cpSync(PROJECT_ROOT, project, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) || path.dirname(src) !== PROJECT_ROOT.replace(/\/$/, '') });
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(project, 'node_modules'));
  cpSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'traditional', 'hant.md'), path.join(project, 'seeds', `${SLUG}.md`));
  const run = spawnSync(process.execPath, ['pipeline/build.ts'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_OUT_DIR: dist, ASTRO_CACHE_DIR: path.join(project, 'cache'), GAIGE_ROOT: project },
  });
  assert.equal(run.status, 0, run.stderr + run.stdout);
  server = await startServer({ root: dist });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(project, { recursive: true, force: true });
});

/** Returns the report pages a search lists, once it is done. */
async function listed(query: string): Promise<string[]> {
  const { page, errors, close } = await openPage(browser, `${server.url}/search/?q=${encodeURIComponent(query)}`);
  try {
    await page.locator('[data-search-results][data-state="done"]').waitFor({ timeout: 20_000 });
    const hrefs = await page.locator('[data-search-results] .search-result-title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.deepEqual(errors, []);
    return hrefs.sort();
  } finally {
    await close();
  }
}

/** Returns the report pages whose indexed text (the data-pagefind-body article without its data-pagefind-ignore parts, spaces removed) holds any of the forms. */
async function holding(forms: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const slug of readdirSync(path.join(dist, 'reports')).sort()) {
    const { page, close } = await openPage(browser, `${server.url}/reports/${slug}/`);
    try {
      const text = await page.evaluate(() => {
        const body = document.querySelector('[data-pagefind-body]')!.cloneNode(true) as Element;
        for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
        return (body.textContent ?? '').replace(/\s+/g, '');
      });
      if (forms.some((form) => text.includes(form))) out.push(`/reports/${slug}/`);
    } finally {
      await close();
    }
  }
  return out.sort();
}

test('营商环境 and 營商環境 list the same reports: the Traditional one and the Simplified ones, exactly those holding the term', async () => {
  const expected = await holding(['营商环境', '營商環境']);
  assert.ok(expected.includes(`/reports/${SLUG}/`));
  assert.ok(expected.length >= 2, 'a Simplified report holds the term too');
  assert.deepEqual(await listed('营商环境'), expected);
  assert.deepEqual(await listed('營商環境'), expected);
});

test('a Simplified term found only in Traditional writing (行政许可) finds the Traditional report, and the reverse', async () => {
  assert.deepEqual(await listed('行政许可'), await holding(['行政许可', '行政許可']));
  assert.ok((await listed('行政许可')).includes(`/reports/${SLUG}/`));
  assert.deepEqual(await listed('行政許可'), await holding(['行政许可', '行政許可']));
});

test('the Traditional report page highlights the hits as written when reached from a Simplified query', async () => {
  const { page, errors, close } = await openPage(browser, `${server.url}/search/?q=${encodeURIComponent('营商环境')}`);
  try {
    await page.locator('[data-search-results][data-state="done"]').waitFor({ timeout: 20_000 });
    const href = await page.locator(`[data-search-results] .search-result-title a[href^="/reports/${SLUG}/"]`).getAttribute('href');
    assert.ok(href);
    await page.goto(`${server.url}${href}`);
    const hits = await page.locator('mark.search-hit').allTextContents();
    assert.ok(hits.length > 0);
    assert.ok(hits.join('').includes('營商環境'), hits.join('|'));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
