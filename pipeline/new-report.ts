/**
 * npm run new-report -- --jurisdiction zhongshan --title "…" --period 2019 --kind annual-summary [--source …] [--date YYYY-MM-DD] …
 *
 * Creates seeds/<slug>.md with the frontmatter filled from the options, checked the way the
 * build checks it, and tells the editor what to do next. Never overwrites a file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { closestJurisdictions, formatProblem, readSeed, type SeedContext } from './1-read/seed-file.ts';
import { parsePeriod } from './1-read/period.ts';

const root = process.env.GAIGE_ROOT ?? process.cwd();
const FIELDS = ['jurisdiction', 'title', 'period', 'kind', 'source', 'publisher', 'author', 'date', 'url', 'slug'] as const;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: Object.fromEntries(FIELDS.map((f) => [f, { type: 'string' as const }])),
  strict: true,
  allowPositionals: false,
});
const ctx: SeedContext = {
  jurisdictions: JSON.parse(readFileSync(join(root, 'content', 'jurisdictions.json'), 'utf8')),
  kinds: JSON.parse(readFileSync(join(root, 'content', 'kinds.json'), 'utf8')),
};
const usage = `用法:npm run new-report -- --jurisdiction <行政区 id> --title <标题> --period <时期> --kind <类型> [--source <来源>] [--publisher <出版者/网站>] [--author <作者>] [--date YYYY-MM-DD] [--url <原文网址>] [--slug <文件名>]
  行政区 id:${ctx.jurisdictions.map((j) => `${j.id}(${j.name})`).join('、')}
  类型:${ctx.kinds.map((k) => `${k.id}(${k.name})`).join('、')}
  时期:2018、2019-H1、2019-01/2019-06、2013/2017`;

const missing = (['jurisdiction', 'period', 'kind'] as const).filter((f) => !values[f]);
if (missing.length > 0) fail(`缺少选项:${missing.map((m) => `--${m}`).join(' ')}\n${usage}`);
const jurisdiction = values.jurisdiction!;
if (!ctx.jurisdictions.some((j) => j.id === jurisdiction)) {
  fail(`未知的行政区“${jurisdiction}”,最接近的是:${closestJurisdictions(jurisdiction, ctx.jurisdictions).join('、')}。\n新的行政区请先在 content/jurisdictions.json 中添加一条(见 docs/editor-guide.md)。`);
}
const period = parsePeriod(values.period!);
if (!period) fail(`时期“${values.period}”无法识别。\n${usage}`);

let slug = values.slug ?? `${jurisdiction}-${period.raw.replace(/\//g, '-').toLowerCase()}`;
const base = slug;
for (let n = 2; existsSync(join(root, 'seeds', `${slug}.md`)); n++) slug = `${base}-${n}`;
const file = join(root, 'seeds', `${slug}.md`);

const frontmatter = {
  title: values.title ?? '',
  titleStated: Boolean(values.title),
  jurisdiction,
  period: period.raw,
  kind: values.kind!,
  publisher: values.publisher ?? '',
  source: values.source ?? '',
  url: values.url ?? '',
  author: values.author ?? '',
  date: values.date ?? '',
};
const text = `---\n${stringify(frontmatter, { version: '1.1' })}---\n`;
// Check the frontmatter exactly as the build will, with a stand-in body (the real one is pasted later).
const { problems } = readSeed(`seeds/${slug}.md`, slug, new TextEncoder().encode(text + '(正文)\n'), ctx);
if (problems.length > 0) fail(problems.map(formatProblem).join('\n'));
writeFileSync(file, text);
console.log(`已创建 seeds/${slug}.md。
下一步:
  1. 打开 seeds/${slug}.md,在最后一行 --- 之下粘贴报告全文(网页复制的纯文本或 Markdown 均可,不要改动原文字句)。
  2. 运行 npm run check 检查;有错误时按提示的行号修改。
  3. 运行 npm run dev 预览(http://localhost:4321/reports/${slug}/),保存文件后页面自动更新。
  4. 确认无误后运行 npm run build,新报告会出现在首页、行政区页、领域对照、指标、术语和搜索中。`);
