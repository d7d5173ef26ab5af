// The benchmark: builds the site for corpora of N reports and measures the build, the output, what a
// browser transfers and what search fetches, then runs Lighthouse on the smallest build.
//   npm run bench -- [--sizes 5,100,1000] [--no-lighthouse] [--profile] [--keep]
// N = 5 is the five real seeds; a larger N adds synthetic seeds (tools/synthetic-corpus.ts)
// under invented jurisdictions. Each N is built from scratch (fresh Astro cache) in a copy of the
// project under the system temp folder, so nothing here touches dist/ or content/ of the project.
// --profile also runs the content script of the largest N under `node --cpu-prof` and prints the
// functions that take its time. --keep leaves the scratch copies in place.
// Prints tables and writes tmp/bench/bench-<date>.json. Not part of npm test: it takes minutes.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { CONTENT_TYPES, PROJECT_ROOT, launchBrowser, startServer, CHROMIUM_ARGS } from '../tests/browser/harness.ts';
import { syntheticCorpus, type JurisdictionEntry } from './synthetic-corpus.ts';
import type { QueryFigures } from './bench-search.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (option('--sizes') ?? '5,100,1000').split(',').map(Number).sort((a, b) => a - b);
if (SIZES.some((n) => !Number.isInteger(n) || n < 5)) throw new Error('--sizes takes whole numbers of reports, each at least 5 (the real seeds)');
const RUN_LIGHTHOUSE = !args.includes('--no-lighthouse');
const PROFILE = args.includes('--profile');
const KEEP = args.includes('--keep');
const SCRATCH = path.join(tmpdir(), 'gaige-bench');

/** Pages whose transfer is measured; the report and domain pages exist in every corpus. */
const PAGES = { report: '/reports/xiangtan-2017/', domain: '/compare/streamlining/', home: '/' } as const;
const QUERIES = ['河长制', '放管服', '营商环境'];
const LIGHTHOUSE_PAGES = { home: '/', report: PAGES.report, domain: PAGES.domain, search: '/search/?q=河长制' };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Brotli quality a static host typically applies on the fly (nginx's ngx_brotli default, Cloudflare's range). */
const BROTLI_QUALITY = 6;

interface Stages {
  /** Content script: spawn to its last line (seeds → MDX and records). */
  contentMs: number;
  /** Astro from the end of the content script to the Pagefind step (setup + bundle + pages + the rest). */
  astroMs: number;
  /** Part of astroMs: config, content sync and type generation, until "Building static entrypoints". */
  astroSetupMs: number;
  /** Part of astroMs: Vite bundling of pages and MDX, until "generating static routes". */
  astroBundleMs: number;
  /** Part of astroMs: page generation, as Astro reports it ("✓ Completed in …" after generating static routes). */
  astroPagesMs: number;
  /** Pagefind indexing and writing, as the integration reports it. */
  pagefindMs: number;
  /** After Pagefind: sitemap, Astro's wrap-up, the swap into place. */
  otherMs: number;
  totalMs: number;
}

interface BuildFigures extends Stages {
  /** Peak of the summed RSS of every process of the build, sampled every 100 ms from /proc. */
  peakTreeRssMB: number;
  /** Largest maximum RSS of any single process (GNU time -v; else the /proc samples). */
  maxProcessRssMB: number;
  /** Peak RSS of each part of the build: the content script, Astro's Node process, Pagefind's binary, the rest (build.ts, time). */
  peakRssByProcessMB: Record<Role, number>;
  rssSource: string;
}

interface Transfer {
  page: string;
  html: number;
  css: number;
  js: number;
  fonts: number;
  other: number;
  total: number;
  requests: number;
  /** The page's visible text (innerText, UTF-8), compressed the same way. */
  textCompressed: number;
  textBytes: number;
}

type SearchFigures = Pick<QueryFigures, 'query' | 'reports' | 'requests' | 'bytes' | 'gzipBytes' | 'firstMs'>;

interface SizeResult {
  n: number;
  jurisdictions: number;
  pages: number;
  build: BuildFigures;
  dist: { bytes: number; files: number; pagefindBytes: number; pagefindFiles: number; byFolder: Record<string, { bytes: number; files: number }> };
  transfers: Transfer[];
  search: SearchFigures[];
}

/** Returns a scratch copy of the project (no node_modules, dist, .git, tmp; node_modules symlinked). */
function scratchProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const skip = new Set(['node_modules', 'dist', 'dist.partial', 'dist.old', '.git', 'tmp', '.astro']);
  for (const name of readdirSync(PROJECT_ROOT)) {
    if (skip.has(name)) continue;
    cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name), { recursive: true });
  }
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
}

/** Returns the number of jurisdictions after writing the synthetic seeds of a corpus of n into a scratch project. */
function writeCorpus(dir: string, n: number): number {
  const seedsDir = path.join(dir, 'seeds');
  const sources = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ slug: f.slice(0, -3), bytes: readFileSync(path.join(seedsDir, f)) }));
  if (sources.length !== 5) throw new Error(`expected the 5 real seeds in seeds/, found ${sources.length}`);
  const jurisdictionsFile = path.join(dir, 'content', 'jurisdictions.json');
  const real = JSON.parse(readFileSync(jurisdictionsFile, 'utf8')) as JurisdictionEntry[];
  const kinds = JSON.parse(readFileSync(path.join(dir, 'content', 'kinds.json'), 'utf8'));
  const corpus = syntheticCorpus(sources, { jurisdictions: real, kinds }, n - sources.length);
  for (const seed of corpus.seeds) writeFileSync(path.join(seedsDir, `${seed.slug}.md`), seed.text);
  writeFileSync(jurisdictionsFile, JSON.stringify([...real, ...corpus.jurisdictions], null, 2) + '\n');
  return real.length + corpus.jurisdictions.length;
}

/** Which part of the build a process is, from its command line. */
type Role = 'content' | 'astro' | 'pagefind' | 'other';

/** Returns the role of a process from its command line. */
function roleOf(pid: number): Role {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmd.includes('build-content.ts')) return 'content';
    if (cmd.includes('pagefind')) return 'pagefind';
    if (cmd.includes('astro.mjs')) return 'astro';
  } catch {
    // Ended.
  }
  return 'other';
}

/** Returns the summed RSS (kB) of a process and its descendants, the largest single one, and the RSS of each role. */
function treeRss(root: number): { sum: number; max: number; byRole: Record<Role, number> } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let sum = 0;
  let max = 0;
  const byRole: Record<Role, number> = { content: 0, astro: 0, pagefind: 0, other: 0 };
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      sum += rss;
      max = Math.max(max, rss);
      byRole[roleOf(pid)] += rss;
    } catch {
      // Ended.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { sum, max, byRole };
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Returns the milliseconds of a duration as Astro prints it: 767ms, 1.13s, 1m 47s, 2m. */
export function durationMs(text: string): number {
  const m = /Completed in (?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) throw new Error(`no duration in: ${text}`);
  return Number(m[1] ?? 0) * 60_000 + Number(m[2] ?? 0) * (m[3] === 'ms' ? 1 : 1000);
}

/** Returns the stage times read from the build's log lines, each with the ms since spawn it arrived at. */
function stagesFrom(lines: Array<{ at: number; text: string }>, totalMs: number): Stages {
  const find = (re: RegExp, after = 0) => lines.find((l) => l.at >= after && re.test(l.text));
  const contentEnd = Math.max(...lines.filter((l) => /^(content|domains): /.test(l.text)).map((l) => l.at));
  const entry = find(/Building static entrypoints/);
  const routes = find(/generating static routes/);
  const routesDone = routes ? lines.slice(lines.indexOf(routes)).find((l) => /✓ Completed in/.test(l.text)) : undefined;
  const pagefind = find(/\[gaige-pagefind\].* in (\d+) ms/);
  if (!Number.isFinite(contentEnd) || !entry || !routes || !routesDone || !pagefind) {
    throw new Error('could not find the stage lines in the build log (content:, Building static entrypoints, generating static routes, [gaige-pagefind])');
  }
  const pagefindMs = Number(/ in (\d+) ms/.exec(pagefind.text)![1]);
  const astroMs = pagefind.at - pagefindMs - contentEnd;
  return {
    contentMs: Math.round(contentEnd),
    astroMs: Math.round(astroMs),
    astroSetupMs: Math.round(entry.at - contentEnd),
    astroBundleMs: Math.round(routes.at - entry.at),
    astroPagesMs: Math.round(durationMs(routesDone.text)),
    pagefindMs,
    otherMs: Math.round(totalMs - pagefind.at),
    totalMs: Math.round(totalMs),
  };
}

/** Returns the build's figures after running `node pipeline/build.ts` in a scratch project; the log goes to build.log there. */
async function build(dir: string): Promise<BuildFigures> {
  const timeFile = path.join(dir, 'time.txt');
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const commandArgs = gnuTime ? ['-v', '-o', timeFile, process.execPath, 'pipeline/build.ts'] : ['pipeline/build.ts'];
  const env = { ...process.env, ASTRO_OUT_DIR: path.join(dir, 'dist'), ASTRO_CACHE_DIR: path.join(dir, 'cache'), GAIGE_ROOT: dir, FORCE_COLOR: '0' };
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Array<{ at: number; text: string }> = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const at = performance.now() - started;
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const text of parts) lines.push({ at, text: text.replace(ANSI, '') });
    });
  }
  let peakSum = 0;
  let peakMax = 0;
  const peakByRole: Record<Role, number> = { content: 0, astro: 0, pagefind: 0, other: 0 };
  const sampler = setInterval(() => {
    const { sum, max, byRole } = treeRss(child.pid!);
    peakSum = Math.max(peakSum, sum);
    peakMax = Math.max(peakMax, max);
    for (const role of Object.keys(byRole) as Role[]) peakByRole[role] = Math.max(peakByRole[role], byRole[role]);
  }, 100);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const totalMs = performance.now() - started;
  clearInterval(sampler);
  writeFileSync(path.join(dir, 'build.log'), lines.map((l) => `${(l.at / 1000).toFixed(3).padStart(8)} ${l.text}`).join('\n') + '\n');
  if (code !== 0) throw new Error(`the build failed (exit ${code}); see ${path.join(dir, 'build.log')}`);
  let maxProcessKb = peakMax;
  let rssSource = '/proc samples every 100 ms';
  if (gnuTime) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1];
    if (kb) {
      maxProcessKb = Math.max(Number(kb), peakMax);
      rssSource = 'tree: /proc samples every 100 ms; largest process: GNU time -v';
    }
  }
  const peakRssByProcessMB = Object.fromEntries(Object.entries(peakByRole).map(([role, kb]) => [role, Math.round(kb / 1024)])) as Record<Role, number>;
  return { ...stagesFrom(lines, totalMs), peakTreeRssMB: Math.round(peakSum / 1024), maxProcessRssMB: Math.round(maxProcessKb / 1024), peakRssByProcessMB, rssSource };
}

/** Returns the files under a folder, recursively, with their sizes. */
function filesUnder(dir: string): Array<{ file: string; bytes: number }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, bytes: statSync(file).size }));
}

/** Returns bytes and file count per top-level folder of the output (files at the top count as "/"), largest first. */
function byTopFolder(dist: string, files: Array<{ file: string; bytes: number }>): Record<string, { bytes: number; files: number }> {
  const folders = new Map<string, { bytes: number; files: number }>();
  for (const f of files) {
    const parts = path.relative(dist, f.file).split(path.sep);
    const key = parts.length > 1 ? parts[0] + '/' : '/';
    const entry = folders.get(key) ?? { bytes: 0, files: 0 };
    entry.bytes += f.bytes;
    entry.files++;
    folders.set(key, entry);
  }
  return Object.fromEntries([...folders.entries()].sort((a, b) => b[1].bytes - a[1].bytes));
}

/** Returns the bytes a static host with compression sends for a body: brotli for text, the body itself for compressed formats. */
function compressedSize(body: Buffer, contentType: string): number {
  const compressible = /^text\/|javascript|json|xml|svg|wasm|manifest/.test(contentType);
  if (!compressible || body.length === 0) return body.length;
  const brotli = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return Math.min(body.length, brotli.length);
}

/** Returns what a first visit to a page transfers, compressed, by kind of resource, with its compressed text. */
async function pageTransfer(browser: Browser, base: string, page: string): Promise<Transfer> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  type Kind = 'html' | 'css' | 'js' | 'fonts' | 'other';
  const responses: Array<Promise<{ kind: Kind; bytes: number }>> = [];
  context.on('response', (res) => {
    const type = res.request().resourceType();
    const url = new URL(res.url());
    const contentType = res.headers()['content-type'] ?? CONTENT_TYPES[path.extname(url.pathname)] ?? '';
    const kind: Kind =
      type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' || /\.(m?js|wasm)$/.test(url.pathname) ? 'js' : type === 'font' ? 'fonts' : 'other';
    responses.push(
      res
        .body()
        .then((body) => ({ kind, bytes: compressedSize(body, contentType) }))
        .catch(() => ({ kind, bytes: 0 })),
    );
  });
  try {
    const tab = await context.newPage();
    const response = await tab.goto(base + page, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`${page}: HTTP ${response?.status()}`);
    const text = Buffer.from(await tab.evaluate(() => document.body.innerText), 'utf8');
    const figures: Transfer = { page, html: 0, css: 0, js: 0, fonts: 0, other: 0, total: 0, requests: 0, textBytes: text.length, textCompressed: compressedSize(text, 'text/plain') };
    for (const r of await Promise.all(responses)) {
      figures[r.kind] += r.bytes;
      figures.total += r.bytes;
      figures.requests++;
    }
    return figures;
  } finally {
    await context.close();
  }
}

/** Returns bench-search's figures for the queries against a build (it runs as its own process). */
function searchFigures(dist: string): SearchFigures[] {
  const run = spawnSync(process.execPath, ['tools/bench-search.ts', '--json', ...QUERIES], { cwd: PROJECT_ROOT, env: { ...process.env, DIST_DIR: dist }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench-search failed: ${run.stderr}`);
  if (run.stderr.trim()) console.error(run.stderr.trim());
  const json = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { queries: SearchFigures[] };
  return json.queries.map(({ query, reports, requests, bytes, gzipBytes, firstMs }) => ({ query, reports, requests, bytes, gzipBytes, firstMs }));
}

interface LighthousePage {
  page: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that cost points: id, score and the value Lighthouse shows. */
  failing: Array<{ category: string; id: string; score: number; value?: string; culprits?: string[] }>;
}

interface AuditLike {
  details?: { type?: string; items?: Array<Record<string, unknown>> };
}

/** Returns what Lighthouse blames for a failing audit: the shifting elements for layout shift, the element for the paint metrics. */
function culprits(audits: Record<string, AuditLike>, id: string): string[] | undefined {
  const source = id === 'cumulative-layout-shift' ? audits['layout-shifts'] : id === 'largest-contentful-paint' ? audits['largest-contentful-paint-element'] : undefined;
  const items = source?.details?.items ?? [];
  const nodes = items.flatMap((item) => {
    const node = item.node as { selector?: string; snippet?: string } | undefined;
    const nested = (item.items as Array<{ node?: { selector?: string; snippet?: string } }> | undefined) ?? [];
    return [node, ...nested.map((n) => n.node)].filter((n) => n !== undefined).map((n) => `${n.selector ?? ''} ${n.snippet ?? ''}`.trim());
  });
  const distinct = [...new Set(nodes)];
  return distinct.length > 0 ? distinct.slice(0, 5) : undefined;
}

/** Returns Lighthouse's category scores for the pages of a build, or the reason it could not run. */
async function lighthouseScores(dist: string): Promise<{ pages: LighthousePage[]; error?: string; version?: string }> {
  const server = await startServer({ root: dist });
  try {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    });
    const pages: LighthousePage[] = [];
    let version: string | undefined;
    try {
      for (const [name, page] of Object.entries(LIGHTHOUSE_PAGES)) {
        const result = await lighthouse(server.url + encodeURI(page), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
        const lhr = result.lhr;
        version = lhr.lighthouseVersion;
        if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthousePage['scores'];
        const failing: LighthousePage['failing'] = [];
        for (const c of CATEGORIES) {
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push({ category: c, id: ref.id, score: audit.score, value: audit.displayValue, culprits: culprits(lhr.audits as unknown as Record<string, AuditLike>, ref.id) });
          }
        }
        pages.push({ page: `${name} ${page}`, scores, failing });
      }
    } finally {
      chrome.kill();
    }
    return { pages, version };
  } catch (error) {
    return { pages: [], error: (error as Error).stack ?? String(error) };
  } finally {
    await server.close();
  }
}

interface ProfileLine {
  fn: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

/** Returns the functions taking most of the content script's time on a corpus, from a V8 CPU profile. */
function profileContent(dir: string): ProfileLine[] {
  const profDir = path.join(dir, 'prof');
  rmSync(profDir, { recursive: true, force: true });
  // Removing the generated files makes the script do all of its work, writing included.
  rmSync(path.join(dir, 'content', 'reports'), { recursive: true, force: true });
  rmSync(path.join(dir, 'content', 'records'), { recursive: true, force: true });
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, 'pipeline/build-content.ts'], { cwd: dir, env: { ...process.env, GAIGE_ROOT: dir }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`profiled content run failed: ${run.stderr}`);
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
  const profile = JSON.parse(readFileSync(path.join(profDir, file), 'utf8')) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const where = f.url ? `${path.relative(dir, f.url.replace(/^file:\/\//, '')) || f.url}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'}\t${where}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(keyOf(id), (self.get(keyOf(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(at);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return [...self.entries()]
    .map(([key, ms]) => {
      const [fn, where] = key.split('\t');
      return { fn, where, selfMs: Math.round(ms), totalMs: Math.round(total.get(key) ?? ms) };
    })
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, 15)
    .concat(
      [...total.entries()]
        .filter(([key]) => key.includes('pipeline/') || key.includes('model/'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([key, ms]) => {
          const [fn, where] = key.split('\t');
          return { fn: `${fn} (inclusive)`, where, selfMs: Math.round(self.get(key) ?? 0), totalMs: Math.round(ms) };
        }),
    );
}

const kb = (n: number) => (n / 1024).toFixed(1);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const s = (ms: number) => (ms / 1000).toFixed(1);

/** Returns a text table with right-aligned columns after the first. */
function table(head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = (c: string) => [...c].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const widths = head.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  // Text columns read left-aligned, figures right-aligned.
  const left = head.map((_, i) => i === 0 || rows.some((r) => !/^[\d.,\s/–—-]*$/.test(String(r[i] ?? ''))) && !rows.every((r) => /^[\d.]+ (KB|MB|s)/.test(String(r[i] ?? ''))));
  return cells
    .map((r) =>
      r
        .map((c, i) => (left[i] ? c + ' '.repeat(widths[i] - width(c)) : ' '.repeat(widths[i] - width(c)) + c))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function main(): Promise<void> {
  // Other work on the machine inflates the times: the load average when the run starts says how much.
  const loadAtStart = loadavg()[0];
  const results: SizeResult[] = [];
  let lighthouse: Awaited<ReturnType<typeof lighthouseScores>> | undefined;
  let profile: ProfileLine[] | undefined;
  const lighthouseN = SIZES[0];
  for (const n of SIZES) {
    const dir = path.join(SCRATCH, `n${n}`);
    console.error(`bench: N = ${n}: preparing ${dir}`);
    scratchProject(dir);
    const jurisdictions = writeCorpus(dir, n);
    console.error(`bench: N = ${n}: building`);
    const figures = await build(dir);
    const dist = path.join(dir, 'dist');
    const files = filesUnder(dist);
    const pagefindFiles = files.filter((f) => f.file.startsWith(path.join(dist, 'pagefind') + path.sep));
    console.error(`bench: N = ${n}: built in ${s(figures.totalMs)} s; measuring pages and search`);
    const server = await startServer({ root: dist });
    const browser = await launchBrowser();
    const transfers: Transfer[] = [];
    try {
      for (const page of Object.values(PAGES)) transfers.push(await pageTransfer(browser, server.url, page));
    } finally {
      await browser.close();
      await server.close();
    }
    const search = searchFigures(dist);
    results.push({
      n,
      jurisdictions,
      pages: files.filter((f) => f.file.endsWith('.html')).length,
      build: figures,
      dist: {
        bytes: files.reduce((a, f) => a + f.bytes, 0),
        files: files.length,
        pagefindBytes: pagefindFiles.reduce((a, f) => a + f.bytes, 0),
        pagefindFiles: pagefindFiles.length,
        byFolder: byTopFolder(dist, files),
      },
      transfers,
      search,
    });
    if (RUN_LIGHTHOUSE && n === lighthouseN) {
      console.error(`bench: N = ${n}: Lighthouse`);
      lighthouse = await lighthouseScores(dist);
    }
    if (PROFILE && n === SIZES[SIZES.length - 1]) {
      console.error(`bench: N = ${n}: profiling the content script`);
      profile = profileContent(dir);
    }
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }

  // ---- tables ----
  const out: string[] = [];
  out.push('Build (wall time, s; astro = setup + bundle + pages + rest before Pagefind)');
  out.push(
    table(
      ['N', 'jurisd.', 'pages', 'content', 'astro', 'setup', 'bundle', 'pages', 'pagefind', 'other', 'total', 'ms/report', 'peak RSS MB (tree/largest)', 'dist MB', 'files', 'pagefind MB'],
      results.map((r) => [
        r.n,
        r.jurisdictions,
        r.pages,
        s(r.build.contentMs),
        s(r.build.astroMs),
        s(r.build.astroSetupMs),
        s(r.build.astroBundleMs),
        s(r.build.astroPagesMs),
        s(r.build.pagefindMs),
        s(r.build.otherMs),
        s(r.build.totalMs),
        Math.round(r.build.totalMs / r.n),
        `${r.build.peakTreeRssMB} / ${r.build.maxProcessRssMB}`,
        mb(r.dist.bytes),
        r.dist.files,
        mb(r.dist.pagefindBytes),
      ]),
    ),
  );
  const marginal = results.slice(1).map((r, i) => ({ from: results[i].n, to: r.n, msPerReport: (r.build.totalMs - results[i].build.totalMs) / (r.n - results[i].n) }));
  out.push('peak RSS by process, MB: ' + results.map((r) => `N=${r.n}: content ${r.build.peakRssByProcessMB.content}, astro ${r.build.peakRssByProcessMB.astro}, pagefind ${r.build.peakRssByProcessMB.pagefind}`).join('; '));
  const largest = results[results.length - 1];
  out.push(
    `dist/ at N=${largest.n}, largest folders: ` +
      Object.entries(largest.dist.byFolder)
        .slice(0, 6)
        .map(([folder, f]) => `${folder} ${mb(f.bytes)} MB in ${f.files} files`)
        .join(', '),
  );
  if (marginal.length > 0) out.push('marginal build time per added report: ' + marginal.map((m) => `${m.from}→${m.to}: ${Math.round(m.msPerReport)} ms`).join(', '));
  out.push('');
  out.push(`First-visit transfer, KB, brotli q${BROTLI_QUALITY} over every resource the page loads (fonts and Pagefind data as served)`);
  out.push(
    table(
      ['N', 'page', 'html', 'css', 'js', 'fonts', 'other', 'total', 'requests', 'text', 'limit 1.25×text+25'],
      results.flatMap((r) =>
        r.transfers.map((t) => [r.n, t.page, kb(t.html), kb(t.css), kb(t.js), kb(t.fonts), kb(t.other), kb(t.total), t.requests, kb(t.textCompressed), t.page === PAGES.report ? kb(1.25 * t.textCompressed + 25 * 1024) : '']),
      ),
    ),
  );
  out.push('');
  out.push('Search, first query in a fresh browser context (bench-search): Pagefind requests, KB as served and gzipped, ms from navigation to results');
  out.push(table(['N', 'query', 'reports', 'requests', 'KB', 'gzip KB', 'first ms'], results.flatMap((r) => r.search.map((q) => [r.n, q.query, q.reports, q.requests, kb(q.bytes), kb(q.gzipBytes), q.firstMs]))));
  out.push('');
  if (lighthouse) {
    out.push(`Lighthouse ${lighthouse.version ?? ''} (mobile, simulated throttling) on the N = ${lighthouseN} build`);
    if (lighthouse.error) out.push(`  could not run: ${lighthouse.error}`);
    else {
      out.push(table(['page', ...CATEGORIES], lighthouse.pages.map((p) => [p.page, ...CATEGORIES.map((c) => p.scores[c])])));
      for (const p of lighthouse.pages) {
        if (p.failing.length) out.push(`  ${p.page} loses points on: ${p.failing.map((f) => `${f.id} (${f.score}${f.value ? `, ${f.value}` : ''})${f.culprits ? ` from ${f.culprits.join(' | ')}` : ''}`).join('; ')}`);
      }
    }
    out.push('');
  }

  // ---- targets ----
  const at = (n: number) => results.find((r) => r.n === n);
  const five = at(5);
  const thousand = at(1000);
  const targets: Array<{ target: string; figure: string; met: boolean | null }> = [];
  const nproc = cpus().length;
  targets.push({ target: `5-report build < 15 s (${nproc} cores here)`, figure: five ? `${s(five.build.totalMs)} s` : 'not run', met: five ? five.build.totalMs < 15000 : null });
  targets.push({ target: '1,000-report build < 3 min', figure: thousand ? `${s(thousand.build.totalMs)} s` : 'not run', met: thousand ? thousand.build.totalMs < 180000 : null });
  const peak = (r: SizeResult) => Math.max(r.build.peakTreeRssMB, r.build.maxProcessRssMB);
  targets.push({ target: '1,000-report peak memory < 2 GB', figure: thousand ? `${peak(thousand)} MB` : 'not run', met: thousand ? peak(thousand) < 2048 : null });
  if (marginal.length >= 2) {
    const last = marginal[marginal.length - 1];
    const before = marginal[marginal.length - 2];
    targets.push({
      target: 'build time grows no faster than linearly in N (marginal ms/report at the largest step ≤ 1.25 × the step before)',
      figure: `${Math.round(last.msPerReport)} vs ${Math.round(before.msPerReport)} ms/report`,
      met: last.msPerReport <= 1.25 * before.msPerReport,
    });
  }
  for (const r of results) {
    const t = r.transfers.find((x) => x.page === PAGES.report)!;
    const limit = 1.25 * t.textCompressed + 25 * 1024;
    targets.push({ target: `N=${r.n}: report page transfer ≤ 1.25 × text + 25 KB`, figure: `${kb(t.total)} KB vs ${kb(limit)} KB`, met: t.total <= limit });
  }
  for (const r of results) {
    const worst = r.transfers.reduce((a, b) => (b.js > a.js ? b : a));
    targets.push({ target: `N=${r.n}: JS < 10 KB on non-search pages`, figure: `${kb(worst.js)} KB (${worst.page})`, met: worst.js < 10 * 1024 });
  }
  if (thousand) {
    const worst = thousand.search.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
    targets.push({ target: 'first query at 1,000 reports fetches < 150 KB compressed', figure: `${kb(worst.gzipBytes)} KB (${worst.query})`, met: worst.gzipBytes < 150 * 1024 });
  }
  if (lighthouse && !lighthouse.error) {
    for (const p of lighthouse.pages) {
      const low = CATEGORIES.filter((c) => p.scores[c] < 100);
      targets.push({ target: `Lighthouse 100 × 4: ${p.page}`, figure: CATEGORIES.map((c) => p.scores[c]).join(' / '), met: low.length === 0 });
    }
  } else if (RUN_LIGHTHOUSE) {
    targets.push({ target: 'Lighthouse 100 × 4 on four pages', figure: 'could not run', met: null });
  }
  out.push('Targets');
  out.push(table(['target', 'figure', 'met'], targets.map((t) => [t.target, t.figure, t.met === null ? '—' : t.met ? 'yes' : 'NO'])));
  if (profile) {
    out.push('');
    out.push(`Content script CPU profile at N = ${SIZES[SIZES.length - 1]} (ms; top by self time, then project functions by inclusive time)`);
    out.push(table(['function', 'where', 'self', 'total'], profile.map((p) => [p.fn, p.where, p.selfMs, p.totalMs])));
  }
  const machine = { nproc, memoryGB: Math.round(totalmem() / 1024 ** 3), cpu: cpus()[0]?.model ?? '', node: process.version, loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] } };
  out.push('');
  out.push(`machine: ${nproc} cores, ${machine.memoryGB} GB, Node ${process.version}; 1-minute load average ${loadAtStart.toFixed(1)} at the start, ${machine.loadAverage.atEnd.toFixed(1)} at the end`);
  console.log(out.join('\n'));

  const json = { machine, brotliQuality: BROTLI_QUALITY, pages: PAGES, queries: QUERIES, results, marginal, lighthouse, targets, profile };
  const outDir = path.join(PROJECT_ROOT, 'tmp', 'bench');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), file) || file}`);
}

await main();
