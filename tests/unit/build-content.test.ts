import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runContent, scratchProject, seedSlugs } from './helpers.ts';

/** Returns every generated file (content/reports/*.mdx, content/records/*.json, content/corpus/*.json) by its path under content/. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const sub of ['reports', 'records', 'corpus']) {
    const out = join(dir, 'content', sub);
    for (const f of readdirSync(out).sort()) files.set(`${sub}/${f}`, readFileSync(join(out, f)));
  }
  return files;
}

test('two content builds of the project\'s seeds give byte-identical content/reports, content/records and content/corpus', () => {
  const a = scratchProject();
  const b = scratchProject();
  try {
    assert.equal(runContent(a).status, 0);
    assert.equal(runContent(b).status, 0);
    const first = snapshot(a);
    const second = snapshot(b);
    const slugs = seedSlugs();
    assert.deepEqual([...first.keys()], [
      ...slugs.map((s) => `reports/${s}.mdx`),
      ...slugs.map((s) => `records/${s}.json`),
      ...['coverage', 'indicator-values', 'terms'].map((c) => `corpus/${c}.json`),
    ]);
    assert.deepEqual([...second.keys()], [...first.keys()]);
    for (const [name, bytes] of first) {
      assert.ok(bytes.length > 0, `${name} is empty`);
      assert.ok(bytes.equals(second.get(name)!), `${name} differs between two builds`);
    }
    // A second run over an unchanged project rewrites nothing.
    const again = runContent(a);
    assert.equal(again.status, 0);
    assert.match(again.stdout, new RegExp(`content: ${slugs.length} reports, 0 files written, 0 removed`));
    // The share of unclassified paragraphs it prints is what the records count.
    const stats = slugs.map((s) => JSON.parse(first.get(`records/${s}.json`)!.toString()).stats as { paragraphs: number; unclassified: number });
    const sum = (key: 'paragraphs' | 'unclassified') => stats.reduce((n, s) => n + s[key], 0);
    assert.match(again.stdout, new RegExp(`domains: ${sum('unclassified')} of ${sum('paragraphs')} paragraphs unclassified`));
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('a broken seed fails the content build with file, line and fix, and writes nothing', () => {
  const dir = scratchProject({ founding: true });
  try {
    assert.equal(runContent(dir).status, 0);
    const before = snapshot(dir);
    writeFileSync(join(dir, 'seeds', 'broken-2020.md'), '---\ntitle: 测试\njurisdiction: zhongshn\nperiod: "2020年"\nkind: annual-summary\n---\n正文。\n');
    const seedPath = join(dir, 'seeds', 'zhongshan-2018.md');
    writeFileSync(seedPath, readFileSync(seedPath, 'utf8') + '\n新增一段。');
    const run = runContent(dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /seeds\/broken-2020\.md:3: 未知的行政区“zhongshn”。 修改方法:改成已有的 id\(最接近的是 zhongshan/);
    assert.match(run.stderr, /seeds\/broken-2020\.md:4: period 的值“2020年”无法识别。/);
    assert.match(run.stderr, /没有写入任何文件/);
    // The valid but changed zhongshan seed was not written either: nothing is half-updated.
    assert.deepEqual(snapshot(dir), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the content script is what npm run content runs', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.scripts.content, 'node pipeline/build-content.ts');
  assert.equal(pkg.scripts.build, 'node pipeline/build.ts');
  assert.match(readFileSync(join(ROOT, 'pipeline', 'build.ts'), 'utf8'), /pipeline\/build-content\.ts/);
  // What it writes is generated, never committed.
  const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n');
  for (const dir of ['content/reports/', 'content/records/', 'content/corpus/']) assert.ok(ignored.includes(dir), `.gitignore lacks ${dir}`);
  assert.match(execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }), /^v(2[4-9]|[3-9]\d)\./, 'npm scripts must run Node 24 or later');
});
