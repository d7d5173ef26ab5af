/**
 * Content build: seeds/*.md → content/ (generated, not committed):
 *   content/reports/<slug>.mdx   the body: the report's text, once
 *   content/records/<slug>.json  the record: metadata, outline, positions, everything extracted
 *   content/corpus/*.json        facts about the whole corpus: coverage, term index, indicator values
 *
 * Reads every seed, checks it, and only when every seed is sound writes the generated files
 * (unchanged files are not rewritten; files of removed seeds are deleted). A seed with mistakes
 * fails the whole run with one line per mistake and nothing is written.
 * With --check it only reads and checks: it reports the same problems and writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IndicatorValue } from '../model/schemas/corpus.ts';
import type { ReportRecord } from '../model/schemas/report.ts';
import { readHandKeptData } from './1-read/data-files.ts';
import { formatProblem, readSeed, type SeedProblem } from './1-read/seed-file.ts';
import { coverageOf, inSiteOrder, orderValues, termIndex } from './6-corpus/aggregate.ts';
import { buildReport } from './build-report.ts';

const root = process.env.GAIGE_ROOT ?? process.cwd();
const seedsDir = join(root, 'seeds');
const contentDir = join(root, 'content');
const checkOnly = process.argv.includes('--check');

/** Returns the JSON text of a corpus file: one entry per line, so a diff reads entry by entry. */
function corpusJson(entries: unknown[]): string {
  return `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;
}

/** Writes the generated files of one folder: changed ones rewritten, those not generated any more removed. Returns [written, removed]. */
function writeFolder(dir: string, ext: string, files: Map<string, string>): [number, number] {
  mkdirSync(dir, { recursive: true });
  let written = 0;
  let removed = 0;
  for (const [name, text] of files) {
    const path = join(dir, `${name}${ext}`);
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
  return [written, removed];
}

function main(): number {
  const started = performance.now();
  // The hand-kept data files are checked like seeds: a mistake there stops the run with file:line messages.
  const hand = readHandKeptData(root);
  if (!hand.data) {
    console.error(`内容构建失败:content/ 中的数据文件有 ${hand.problems.length} 处问题,没有写入任何文件。`);
    for (const p of hand.problems) console.error(formatProblem(p));
    return 1;
  }
  const { jurisdictions, kinds, taxonomy, glossary, indicators } = hand.data;
  const data = { domains: taxonomy.domains, glossary, indicators };

  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const problems: SeedProblem[] = [];
  const bodies = new Map<string, string>();
  const records = new Map<string, ReportRecord>();
  const stored = new Map<string, string>();
  const values: IndicatorValue[] = [];
  let unclassified = 0;
  const flagged: string[] = [];
  const bySlug = new Map<string, string>();
  for (const name of files) {
    const file = relative(root, join(seedsDir, name)) || name;
    // The slug is the file name in lower case, so Zhongshan-2018.md and zhongshan-2018.md collide.
    const slug = name.replace(/\.md$/, '').toLowerCase();
    const other = bySlug.get(slug);
    if (other) {
      problems.push({ file: `seeds/${name}`, line: 1, message: `与 seeds/${other} 的网址相同(文件名只差大小写,slug 都是 ${slug})。`, fix: '给其中一个文件换一个名字,例如加上“-2”;文件名请只用小写字母、数字和连字符。' });
      continue;
    }
    bySlug.set(slug, name);
    const { seed, problems: found } = readSeed(file, slug, readFileSync(join(seedsDir, name)), { jurisdictions, kinds });
    problems.push(...found);
    if (!seed) continue;
    try {
      const built = buildReport(seed, data);
      bodies.set(slug, built.mdx);
      records.set(slug, built.record);
      stored.set(slug, built.json);
      values.push(...built.values);
      unclassified += built.unclassified.length;
      problems.push(...built.problems);
      for (const n of built.noise) {
        const decision = n.status === 'confirmed' ? '已确认无关' : n.status === 'cleared' ? '已确认属于报告' : '待确认';
        flagged.push(`${file}:${n.line}: 段落 ${n.paragraph} 疑似混入的无关文字(${decision}):${n.reasons.join(';')}。${n.status ? '' : `确认无关在 frontmatter 写 noise: { confirm: [${n.paragraph}] },属于报告则写 noise: { clear: [${n.paragraph}] }。`}`);
      }
    } catch (error) {
      problems.push({ file, line: 1, message: `处理正文时出错:${(error as Error).message}`, fix: '请把这条信息和文件一起报告给开发者。' });
    }
  }
  if (files.length === 0) {
    problems.push({ file: 'seeds/', line: 1, message: 'seeds/ 中没有报告文件。', fix: '用 npm run new-report 新建一份,或把 .md 文件放进 seeds/。' });
  }
  if (problems.length > 0) {
    console.error(`内容构建失败:${problems.length} 处问题,没有写入任何文件。`);
    for (const p of problems) console.error(formatProblem(p));
    return 1;
  }
  const listFlagged = () => {
    if (flagged.length === 0) return;
    console.log(`待审段落:${flagged.length} 段疑似不属于报告,已保留并标出,默认不参与对照、指标和检索(列表见 /compare/unclassified/):`);
    for (const line of flagged) console.log(`  ${line}`);
  };
  if (checkOnly) {
    console.log(`check: ${records.size} 份报告和 content/ 中的数据文件都没有发现问题。`);
    listFlagged();
    return 0;
  }

  // 6 corpus: facts about all reports together.
  const ordered = inSiteOrder([...records.values()], jurisdictions);
  const corpus = new Map([
    ['coverage', corpusJson(coverageOf(ordered))],
    ['terms', corpusJson(termIndex(ordered, { glossary, domainOrder: taxonomy.domains.map((d) => d.id) }))],
    ['indicator-values', corpusJson(orderValues(values, indicators.map((i) => i.id), ordered))],
  ]);
  const counts = [
    writeFolder(join(contentDir, 'reports'), '.mdx', bodies),
    writeFolder(join(contentDir, 'records'), '.json', stored),
    writeFolder(join(contentDir, 'corpus'), '.json', corpus),
  ];
  const ms = Math.round(performance.now() - started);
  const paragraphs = ordered.reduce((n, r) => n + r.stats.paragraphs, 0);
  const share = paragraphs === 0 ? 0 : (100 * unclassified) / paragraphs;
  console.log(`content: ${records.size} reports, ${counts.reduce((n, c) => n + c[0], 0)} files written, ${counts.reduce((n, c) => n + c[1], 0)} removed, ${ms} ms`);
  console.log(`domains: ${unclassified} of ${paragraphs} paragraphs unclassified (${share.toFixed(1)}%); list them at /compare/unclassified/`);
  listFlagged();
  return 0;
}

process.exitCode = main();
