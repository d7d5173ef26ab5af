// Dev mode (npm run dev) in a temporary copy of the project: a mistake saved in a seed or in a
// hand-kept data file is shown in the browser, with the Chinese file:line message and its fix, also
// to a page opened while it stands; fixing the file clears it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT, launchBrowser } from './harness.ts';

const SKIP = new Set(['node_modules', 'dist', '.git', 'tmp', '.astro']);
const project = mkdtempSync(path.join(tmpdir(), 'gaige-dev-'));
let dev: ChildProcess | undefined;
let browser: Browser;
let base = '';
let log = '';

/** Returns a free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Returns the text of Astro's error overlay (message and title), or '' when none is shown. */
function overlayText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const overlay = document.querySelector('vite-error-overlay');
    const root = overlay?.shadowRoot;
    return root ? `${root.querySelector('#title')?.textContent ?? ''}\n${root.querySelector('#message-content')?.textContent ?? ''}` : '';
  });
}

before(async () => {
  cpSync(PROJECT_ROOT, project, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) || path.dirname(src) !== PROJECT_ROOT.replace(/\/$/, '') });
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(project, 'node_modules'));
  const env = { ...process.env, GAIGE_ROOT: project, ASTRO_CACHE_DIR: path.join(project, 'cache') };
  assert.equal(spawnSync(process.execPath, ['pipeline/build-content.ts'], { cwd: project, env }).status, 0);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [path.join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', String(port)], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  dev.stdout!.on('data', (d) => (log += d));
  dev.stderr!.on('data', (d) => (log += d));
  for (let i = 0; i < 120 && !log.includes('watching for file changes'); i++) await new Promise((r) => setTimeout(r, 500));
  assert.match(log, /watching for file changes/);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (dev?.pid) dev.kill();
  rmSync(project, { recursive: true, force: true });
});

test('a mistake in a seed shows in the browser with file, line and fix, and goes away when fixed', async () => {
  const page = await browser.newPage();
  const seed = path.join(project, 'seeds', 'xiangtan-2017.md');
  const original = readFileSync(seed, 'utf8');
  try {
    await page.goto(`${base}/reports/xiangtan-2017/`);
    await page.waitForTimeout(1000);
    assert.equal(await overlayText(page), '');
    writeFileSync(seed, original.replace(/^period: .*$/m, 'period: 2017年'));
    await page.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 30_000 });
    const text = await overlayText(page);
    assert.match(text, /报告内容有错误,页面没有更新/);
    assert.match(text, /seeds\/xiangtan-2017\.md:\d+: period 的值“2017年”无法识别。 修改方法:大概应写成 period: "2017"。/);
    // A page opened while the mistake stands shows it too.
    const other = await browser.newPage();
    try {
      await other.goto(`${base}/`);
      await other.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 30_000 });
      assert.match(await overlayText(other), /seeds\/xiangtan-2017\.md:\d+: period/);
    } finally {
      await other.close();
    }
    writeFileSync(seed, original);
    await page.waitForFunction(() => !document.querySelector('vite-error-overlay'), null, { timeout: 30_000 });
    await page.waitForLoadState('load');
    assert.equal(await page.locator('h1').count(), 1);
  } finally {
    writeFileSync(seed, original);
    await page.close();
  }
});

test('a trailing comma in content/jurisdictions.json shows in the browser, and goes away when fixed', async () => {
  const page = await browser.newPage();
  const file = path.join(project, 'content', 'jurisdictions.json');
  const original = readFileSync(file, 'utf8');
  try {
    await page.goto(`${base}/`);
    await page.waitForTimeout(1000);
    writeFileSync(file, original.replace(/\}\s*\]\s*$/, '},\n]\n'));
    await page.waitForFunction(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.includes('content/jurisdictions.json'), null, { timeout: 30_000 });
    assert.match(await overlayText(page), /content\/jurisdictions\.json:\d+: JSON 写法有误:这一行末尾多了一个逗号.* 修改方法:删除这一行末尾的逗号“,”。/);
    writeFileSync(file, original);
    await page.waitForFunction(() => !document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.includes('content/jurisdictions.json'), null, { timeout: 30_000 });
  } finally {
    writeFileSync(file, original);
    await page.close();
  }
});
