// An editor who adds valid reports never breaks npm test. In a scratch copy of the project
// (node_modules symlinked) two new reports are added as the editor guide says: a fixture of
// tests/fixtures/good-seeds/ (byte-order mark, CRLF line ends) and a report written here in another
// shape (a news piece without numbered sections, from a jurisdiction added to the copy's
// content/jurisdictions.json). The copy is built with the ordinary build, and then the suite's
// invariants run against it: the unit tests that read the project's corpus with GAIGE_ROOT set to
// the copy, and the browser tests with GAIGE_ROOT and DIST_DIR set to the copy and its dist/.
// Both runs must pass. Breaking the copy must make them fail: ANY_CORPUS_BREAK=paragraph takes a
// paragraph out of the new report's generated content and rebuilds the site from it (text lost);
// ANY_CORPUS_BREAK=seed adds an invalid seed after the build.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './harness.ts';

const ROOT = PROJECT_ROOT.replace(/\/$/, '');
const SKIP = new Set(['node_modules', 'dist', '.git', 'tmp', '.astro', 'cache']);
const project = mkdtempSync(path.join(tmpdir(), 'gaige-any-corpus-'));
const dist = path.join(project, 'dist');

/** The new jurisdiction of the report written here. */
const WUHU = { id: 'wuhu', name: '芜湖市', shortName: '芜湖', nameEn: 'Wuhu', province: '安徽', level: '地级市', levelEn: 'prefecture-level city', parent: null, aliases: ['芜湖'] };

/** A news piece: no numbered sections, a dateline, figures, a first, quoted terms, 一是…二是… items and text in angle brackets. */
const NEWS = `---
title: 芜湖市上半年改革工作综述:以“放管服”改革优化营商环境
jurisdiction: wuhu
period: "2021-H1"
kind: half-year-review
publisher: 芜湖日报
---
本报讯 今年以来,芜湖市坚持以改革破难题、促发展,上半年共推出改革举措86项,其中28项已经完成。

市委全面深化改革委员会召开会议3次,审议改革文件17个。全市深入推进“放管服”改革,企业开办时间由3个工作日压缩至1个工作日,在全省率先实现“一网通办”全覆盖。

在生态文明领域,全面推行河长制、林长制,全市建立市、县、乡、村四级河长1280名。一是建立河湖健康档案;二是开展入河排污口排查整治;三是推进长江岸线生态修复。

在社会治理领域,芜湖市出台《关于印发<芜湖市网格化服务管理办法>的通知》,推进党建引领网格治理,整合网格员3600余名。

下一步,芜湖市将聚焦“数字政府”建设和公立医院综合改革,推动改革任务落地见效。
`;

/** Returns the unit test files that read the project's corpus (its seeds/ or content/, through GAIGE_ROOT): the unit invariants. */
function unitInvariantFiles(): string[] {
  const dir = path.join(ROOT, 'tests', 'unit');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .filter((f) => /\b(seedSlugs|loadSeed|builtSeed|PROJECT)\b|process\.env\.GAIGE_ROOT|scratchProject\(\)/.test(readFileSync(path.join(dir, f), 'utf8')))
    .map((f) => path.join(dir, f));
}

/** Returns the browser test files that check a built site: this one and those that build or serve a copy of their own (new-report, determinism, dev-overlay) aside. */
function browserInvariantFiles(): string[] {
  const dir = path.join(ROOT, 'tests', 'browser');
  const own = new Set(['any-corpus.test.ts', 'new-report.test.ts', 'determinism.test.ts', 'dev-overlay.test.ts']);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && !own.has(f))
    .map((f) => path.join(dir, f));
}

/** Runs test files against the copy (browser files one at a time, each starts Chromium); resolves with the exit status and the output. */
function runTests(files: string[], concurrency?: number): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    // A fresh test run, not a child of this one (node --test marks its children with NODE_TEST_CONTEXT).
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const child = spawn(process.execPath, ['--test', ...(concurrency ? [`--test-concurrency=${concurrency}`] : []), '--test-reporter=spec', ...files], {
      cwd: ROOT,
      env: { ...env, GAIGE_ROOT: project, DIST_DIR: dist, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => resolve({ status: status ?? 1, output }));
  });
}

/** Returns the summary lines and the failing tests of a spec reporter's output. */
function summary(output: string): string {
  const lines = output.split('\n');
  const failing = lines.indexOf('✖ failing tests:');
  const tail = failing >= 0 ? lines.slice(failing, failing + 80) : [];
  return [...lines.filter((l) => /^ℹ (tests|pass|fail)/.test(l)), ...tail].join('\n');
}

let runs: { unit: ReturnType<typeof runTests>; browser: ReturnType<typeof runTests> };

before(() => {
  for (const name of readdirSync(ROOT)) if (!SKIP.has(name)) cpSync(path.join(ROOT, name), path.join(project, name), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  // The copy's content/ starts from hand-kept data only, as a fresh clone does.
  for (const sub of ['reports', 'records', 'corpus']) rmSync(path.join(project, 'content', sub), { recursive: true, force: true });
  const file = path.join(project, 'content', 'jurisdictions.json');
  const jurisdictions = JSON.parse(readFileSync(file, 'utf8')).filter((j: { id: string }) => j.id !== WUHU.id);
  jurisdictions.push(WUHU);
  writeFileSync(file, JSON.stringify(jurisdictions, null, 2) + '\n');
  writeFileSync(path.join(project, 'seeds', 'wuhu-2021h1.md'), NEWS);
  const good = path.join(ROOT, 'tests', 'fixtures', 'good-seeds', 'bom-crlf');
  for (const f of readdirSync(good)) cpSync(path.join(good, f), path.join(project, 'seeds', f));
  const env = { ...process.env, ASTRO_OUT_DIR: dist, ASTRO_CACHE_DIR: path.join(project, 'cache'), GAIGE_ROOT: project };
  const run = spawnSync(process.execPath, ['pipeline/build.ts'], { cwd: project, encoding: 'utf8', env });
  assert.equal(run.status, 0, run.stderr + run.stdout);
  if (process.env.ANY_CORPUS_BREAK === 'paragraph') {
    // Lose a paragraph: take the first paragraph of the new report out of its generated body and
    // record (consistently, so the site builds) and rebuild the site from that content.
    const mdx = path.join(project, 'content', 'reports', 'wuhu-2021h1.mdx');
    const body = readFileSync(mdx, 'utf8');
    const id = /<Para id="([^"]+)">/.exec(body)![1];
    writeFileSync(mdx, body.replace(new RegExp(`<Para id="${id}">[\\s\\S]*?</Para>\n*`), ''));
    const recordFile = path.join(project, 'content', 'records', 'wuhu-2021h1.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    record.outline.paragraphs = record.outline.paragraphs.filter((p: { id: string }) => p.id !== id);
    record.stats.paragraphs--;
    writeFileSync(recordFile, JSON.stringify(record));
    const astro = spawnSync(process.execPath, [path.join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: project, encoding: 'utf8', env });
    assert.equal(astro.status, 0, astro.stderr);
  }
  if (process.env.ANY_CORPUS_BREAK === 'seed') {
    // A seed added after the build, with a period the pipeline cannot read: not on the site, and not valid.
    writeFileSync(path.join(project, 'seeds', 'wuhu-2022.md'), NEWS.replace('period: "2021-H1"', 'period: 2022年'));
  }
  // The two runs are independent: start both now, each test awaits its own.
  runs = { unit: runTests(unitInvariantFiles()), browser: runTests(browserInvariantFiles(), 1) };
});

after(() => rmSync(project, { recursive: true, force: true }));

test('the copy holds the project\'s reports and the two new ones, all on the site', () => {
  const seeds = readdirSync(path.join(project, 'seeds')).filter((f) => f.endsWith('.md')).sort();
  const own = readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.md'));
  assert.deepEqual(seeds, [...new Set([...own, 'wuhu-2021h1.md', 'xiangtan-2019.md'])].sort());
  const exported = JSON.parse(readFileSync(path.join(dist, 'data', 'reports.json'), 'utf8')).map((r: { slug: string }) => r.slug);
  assert.deepEqual(exported.sort(), seeds.map((s) => s.replace(/\.md$/, '')));
});

test('the unit invariants hold for the copy with two reports added', async () => {
  const files = unitInvariantFiles();
  assert.ok(files.length >= 6, `unit invariant files: ${files.map((f) => path.basename(f)).join(' ')}`);
  const { status, output } = await runs.unit;
  assert.equal(status, 0, summary(output));
  assert.match(output, /^ℹ tests [1-9]\d*$/m, 'no test ran');
});

test('the browser invariants hold for the copy\'s built site', async () => {
  const { status, output } = await runs.browser;
  assert.equal(status, 0, summary(output));
  assert.match(output, /^ℹ tests [1-9]\d*$/m, 'no test ran');
});
