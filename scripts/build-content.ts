/**
 * Content build: seeds/*.md → content/reports/<slug>.mdx.
 *
 * Reads every seed, checks it, and only when every seed is sound writes the generated files
 * (unchanged files are not rewritten; files of removed seeds are deleted). A seed with mistakes
 * fails the whole run with one line per mistake and nothing is written.
 * With --check it only reads and checks: it reports the same problems and writes nothing.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildReport, type PipelineData } from './lib/report.ts';
import { formatProblem, readSeed, type SeedContext, type SeedProblem } from './lib/seed-file.ts';

const root = process.env.GAIGE_ROOT ?? process.cwd();
const seedsDir = join(root, 'seeds');
const outDir = join(root, 'content', 'reports');
const checkOnly = process.argv.includes('--check');

function loadPipelineData(): PipelineData {
  const taxonomy = JSON.parse(readFileSync(join(root, 'content', 'domains.json'), 'utf8'));
  return { domains: taxonomy.domains };
}

function loadContext(): SeedContext {
  const jurisdictions = JSON.parse(readFileSync(join(root, 'content', 'jurisdictions.json'), 'utf8'));
  const kinds = JSON.parse(readFileSync(join(root, 'content', 'kinds.json'), 'utf8'));
  return { jurisdictions, kinds };
}

function main(): number {
  const started = performance.now();
  const ctx = loadContext();
  const data = loadPipelineData();
  let paragraphs = 0;
  let unclassified = 0;
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const problems: SeedProblem[] = [];
  const outputs = new Map<string, string>();
  for (const name of files) {
    const file = relative(root, join(seedsDir, name)) || name;
    const slug = name.replace(/\.md$/, '');
    const { seed, problems: found } = readSeed(file, slug, readFileSync(join(seedsDir, name)), ctx);
    problems.push(...found);
    if (!seed) continue;
    try {
      const built = buildReport(seed, data);
      outputs.set(slug, built.mdx);
      paragraphs += (built.record.stats as { paragraphs: number }).paragraphs;
      unclassified += built.unclassified.length;
    } catch (error) {
      problems.push({ file, line: 1, message: `处理正文时出错:${(error as Error).message}`, fix: '请把这条信息和文件一起报告给开发者。' });
    }
  }
  const lowered = new Map<string, string>();
  for (const slug of outputs.keys()) {
    const key = slug.toLowerCase();
    if (lowered.has(key)) {
      problems.push({ file: `seeds/${slug}.md`, line: 1, message: `与 seeds/${lowered.get(key)}.md 的文件名重复(slug 相同)。`, fix: '给其中一个文件换一个名字,例如加上年份或“-2”。' });
    }
    lowered.set(key, slug);
  }
  if (files.length === 0) {
    problems.push({ file: 'seeds/', line: 1, message: 'seeds/ 中没有报告文件。', fix: '用 npm run new-report 新建一份,或把 .md 文件放进 seeds/。' });
  }
  if (problems.length > 0) {
    console.error(`内容构建失败:${problems.length} 处问题,没有写入任何文件。`);
    for (const p of problems) console.error(formatProblem(p));
    return 1;
  }

  if (checkOnly) {
    console.log(`check: ${outputs.size} reports, no problems`);
    return 0;
  }
  mkdirSync(outDir, { recursive: true });
  let written = 0;
  for (const [slug, mdx] of outputs) {
    const path = join(outDir, `${slug}.mdx`);
    if (existsSync(path) && readFileSync(path, 'utf8') === mdx) continue;
    writeFileSync(path, mdx);
    written++;
  }
  let removed = 0;
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.mdx') && !outputs.has(name.replace(/\.mdx$/, ''))) {
      rmSync(join(outDir, name));
      removed++;
    }
  }
  const ms = Math.round(performance.now() - started);
  const share = paragraphs === 0 ? 0 : (100 * unclassified) / paragraphs;
  console.log(`content: ${outputs.size} reports, ${written} written, ${removed} removed, ${ms} ms`);
  console.log(`domains: ${unclassified} of ${paragraphs} paragraphs unclassified (${share.toFixed(1)}%); list them at /compare/unclassified/`);
  return 0;
}

process.exitCode = main();
