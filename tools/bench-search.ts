// Search figures for the built site: index size on disk, bytes a browser fetches for a first query
// (cold cache), and query time, through the real /search/ page in Chromium.
//   npm run bench:search -- [--json] [query …]      default queries below; DIST_DIR picks the build
// Builds nothing: run a build first. Times are this machine's, in milliseconds.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, launchBrowser, startServer } from '../tests/browser/harness.ts';

const DEFAULT_QUERIES = ['放管服', '河长制', '营商环境', '四种形态', '证照分离', 'PPP'];
const args = process.argv.slice(2).filter((a) => a !== '--');
const asJson = args.includes('--json');
const queries = args.filter((a) => !a.startsWith('--'));
if (queries.length === 0) queries.push(...DEFAULT_QUERIES);

/** Returns the files under a folder, recursively, with their sizes. */
function filesUnder(dir: string): Array<{ file: string; bytes: number }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, bytes: statSync(file).size }));
}

/** Returns which part of the Pagefind bundle a file is: index data, search runtime, or the unused UIs. */
function bundlePart(file: string): 'index' | 'runtime' | 'ui' {
  const name = path.basename(file);
  if (/\.pf_(meta|index|fragment|filter)$/.test(name) || name === 'pagefind-entry.json') return 'index';
  if (/ui\.(js|css)$/.test(name) || name === 'pagefind-highlight.js') return 'ui';
  return 'runtime';
}

const bundleDir = path.join(DIST, 'pagefind');
const onDisk = { index: 0, runtime: 0, ui: 0, fragments: 0, fragmentCount: 0 };
for (const { file, bytes } of filesUnder(bundleDir)) {
  onDisk[bundlePart(file)] += bytes;
  if (file.endsWith('.pf_fragment')) {
    onDisk.fragments += bytes;
    onDisk.fragmentCount++;
  }
}

/** What a first query costs and how long it takes (also used by tools/bench.ts). */
export interface QueryFigures {
  query: string;
  reports: number;
  /** Requests under /pagefind/ for a first query with a cold cache. */
  requests: number;
  /** Their bytes as served (Pagefind's files are already compressed where it matters). */
  bytes: number;
  /** The same bodies gzipped, as a server with compression would send the text files. */
  gzipBytes: number;
  /** From navigation to results shown, cold. */
  firstMs: number;
  /** The search itself (Pagefind queries plus the exact-term check), cold. */
  searchMs: number;
  /** The same query again on the warm page. */
  warmMs: number;
}

const server = await startServer();
const browser = await launchBrowser();
const figures: QueryFigures[] = [];
try {
  for (const query of queries) {
    const url = `${server.url}/search/?q=${encodeURIComponent(query)}`;
    // A fresh context per query: nothing cached, so the bytes are what a first visit costs.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const fetched: Array<Promise<Buffer>> = [];
    const errors: string[] = [];
    context.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/pagefind/')) fetched.push(res.body().catch(() => Buffer.alloc(0)));
    });
    const page = await context.newPage();
    page.on('console', (msg) => void (msg.type() === 'error' && errors.push(msg.text())));
    try {
      const started = performance.now();
      await page.goto(url);
      await page.waitForSelector('[data-search-results][data-state="done"]', { timeout: 30000 });
      const firstMs = performance.now() - started;
      const searchMs = Number(await page.getAttribute('[data-search-status]', 'data-search-ms'));
      const reports = await page.locator('[data-search-results] .search-result').count();
      const all = await Promise.all(fetched);
      const bytes = all.reduce((n, b) => n + b.length, 0);
      const gzipBytes = all.reduce((n, b) => n + gzipSync(b).length, 0);
      // Warm: the same query once more, through the form, without reloading.
      await page.evaluate(() => document.querySelector('[data-search-results]')?.removeAttribute('data-state'));
      await page.press('#search-q', 'Enter');
      await page.waitForSelector('[data-search-results][data-state="done"]');
      const warmMs = Number(await page.getAttribute('[data-search-status]', 'data-search-ms'));
      figures.push({ query, reports, requests: all.length, bytes, gzipBytes, firstMs: Math.round(firstMs), searchMs, warmMs });
      if (errors.length) console.error(`${query}: ${errors.join('; ')}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
if (asJson) {
  console.log(JSON.stringify({ dist: DIST, onDisk, queries: figures }, null, 2));
} else {
  console.log(`Pagefind bundle in ${path.relative(process.cwd(), bundleDir) || bundleDir}`);
  console.log(`  index data   ${kb(onDisk.index)} (fragments ${kb(onDisk.fragments)} in ${onDisk.fragmentCount} files)`);
  console.log(`  runtime      ${kb(onDisk.runtime)} (pagefind.js, worker, wasm)`);
  console.log(`  unused UIs   ${kb(onDisk.ui)}`);
  console.log('');
  console.log('query        reports  requests  fetched     gzip      first(ms)  search(ms)  warm(ms)');
  for (const f of figures) {
    console.log(
      `${f.query.padEnd(12 - [...f.query].filter((c) => c.charCodeAt(0) > 0x7f).length)} ${String(f.reports).padStart(7)}  ${String(f.requests).padStart(8)}  ${kb(f.bytes).padStart(10)}  ${kb(f.gzipBytes).padStart(9)}  ${String(f.firstMs).padStart(9)}  ${String(f.searchMs).padStart(10)}  ${String(f.warmMs).padStart(8)}`,
    );
  }
}
