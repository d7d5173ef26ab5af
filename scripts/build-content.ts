/**
 * Content build: seeds/*.md → content/reports/<slug>.mdx (the body) and content/records/<slug>.json
 * (the record: metadata, outline, everything extracted).
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
const recordsDir = join(root, 'content', 'records');
const checkOnly = process.argv.includes('--check');

function loadPipelineData(): PipelineData {
  const taxonomy = JSON.parse(readFileSync(join(root, 'content', 'domains.json'), 'utf8'));
  const glossaryFile = join(root, 'content', 'glossary.json');
  const glossary = existsSync(glossaryFile) ? JSON.parse(readFileSync(glossaryFile, 'utf8')).terms : [];
  return { domains: taxonomy.domains, glossary };
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
  const records = new Map<string, string>();
  for (const name of files) {
    const file = relative(root, join(seedsDir, name)) || name;
    // The slug is the file name in lower case, so Zhongshan-2018.md and zhongshan-2018.md collide.
    const slug = name.replace(/\.md$/, '').toLowerCase();
    const { seed, problems: found } = readSeed(file, slug, readFileSync(join(seedsDir, name)), ctx);
    problems.push(...found);
    if (!seed) continue;
    try {
      const built = buildReport(seed, data);
      if (!outputs.has(slug)) {
        outputs.set(slug, built.mdx);
        records.set(slug, built.json);
      }
      paragraphs += (built.record.stats as { paragraphs: number }).paragraphs;
      unclassified += built.unclassified.length;
    } catch (error) {
      problems.push({ file, line: 1, message: `处理正文时出错:${(error as Error).message}`, fix: '请把这条信息和文件一起报告给开发者。' });
    }
  }
  const bySlug = new Map<string, string>();
  for (const name of files) {
    const slug = name.replace(/\.md$/, '').toLowerCase();
    const other = bySlug.get(slug);
    if (other) problems.push({ file: `seeds/${name}`, line: 1, message: `与 seeds/${other} 的网址相同(文件名只差大小写,slug 都是 ${slug})。`, fix: '给其中一个文件换一个名字,例如加上“-2”;文件名请只用小写字母、数字和连字符。' });
    bySlug.set(slug, name);
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
  let written = 0;
  let removed = 0;
  for (const [dir, files, ext] of [
    [outDir, outputs, '.mdx'],
    [recordsDir, records, '.json'],
  ] as const) {
    mkdirSync(dir, { recursive: true });
    for (const [slug, text] of files) {
      const path = join(dir, `${slug}${ext}`);
      if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
      writeFileSync(path, text);
      written++;
    }
    for (const name of readdirSync(dir)) {
      if (name.endsWith(ext) && !files.has(name.slice(0, -ext.length))) {
        rmSync(join(dir, name));
        removed++;
      }
    }
  }
  const ms = Math.round(performance.now() - started);
  const share = paragraphs === 0 ? 0 : (100 * unclassified) / paragraphs;
  console.log(`content: ${outputs.size} reports, ${written} files written, ${removed} removed, ${ms} ms`);
  console.log(`domains: ${unclassified} of ${paragraphs} paragraphs unclassified (${share.toFixed(1)}%); list them at /compare/unclassified/`);
  return 0;
}

process.exitCode = main();
