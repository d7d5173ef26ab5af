/**
 * npm run new-report -- --jurisdiction zhongshan --title 中山市2019年改革工作总结 --period 2019 --kind annual-summary [--source …] [--date YYYY-MM-DD] …
 *
 * Creates seeds/<slug>.md with the frontmatter filled from the options, checked the way the
 * build checks it, and tells the editor what to do next. Every frontmatter field of the editor
 * guide has its option; a value may be several words without quotes (everything up to the next
 * option). Every mistake gets a Chinese message with the fix and exit code 1, never a stack
 * trace. Never overwrites a file: an existing slug is refused.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { readHandKeptData } from './1-read/data-files.ts';
import { PERIOD_FORMS, parsePeriod, periodFix } from './1-read/period.ts';
import { closestJurisdictions, formatProblem, readSeed, type SeedContext } from './1-read/seed-file.ts';

/** The frontmatter fields in the order the seed file lists them, each an option of the same name. */
const FIELDS = ['title', 'titleStated', 'jurisdiction', 'province', 'level', 'period', 'periodNote', 'kind', 'publisher', 'source', 'url', 'author', 'date', 'dateKind'] as const;
type Field = (typeof FIELDS)[number];
const OPTIONS = [...FIELDS, 'slug'] as const;
type Option = (typeof OPTIONS)[number];

/** Thrown for a mistake of the editor: printed as it is, without a stack trace. */
export class EditorError extends Error {}

/** Returns the usage text, with the jurisdictions and kinds the project knows. */
function usage(ctx?: SeedContext): string {
  return [
    '用法:npm run new-report -- --jurisdiction <行政区 id> --title <标题> --period <时期> --kind <类型> [其他选项]',
    '  注意 npm run new-report 后面要先写 --,再写选项。值里有空格时可以不加引号:选项后面直到下一个 -- 选项的文字都算作它的值。',
    '  必填:--jurisdiction --period --kind;原文印有标题时写 --title(照抄),没有标题就省略 --title。',
    '  可选:--periodNote <时期说明> --province <省份> --level <层级> --publisher <出版者/网站> --source <来源> --url <原文网址> --author <作者> --date YYYY-MM-DD --dateKind <日期性质,如 发布时间> --slug <文件名,不含 .md>',
    ctx ? `  行政区 id:${ctx.jurisdictions.map((j) => `${j.id}(${j.name})`).join('、')}` : '',
    ctx ? `  类型:${ctx.kinds.map((k) => `${k.id}(${k.name})`).join('、')}` : '',
    `  时期:${PERIOD_FORMS}`,
    '  例:npm run new-report -- --jurisdiction xiangtan --title 湘潭市2019年全面深化改革工作总结 --period 2019 --kind annual-summary --date 2020-01-15',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Returns the option whose name is closest to an unknown one (case and hyphens ignored), if any is close. */
function closestOption(name: string): Option | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  return OPTIONS.find((o) => norm(o) === norm(name)) ?? OPTIONS.find((o) => norm(o).startsWith(norm(name)) || norm(name).startsWith(norm(o)));
}

/**
 * Returns the options, with the words of a value that the shell split at spaces joined again
 * (--title 湘潭市 2019年 总结 → title "湘潭市 2019年 总结"); throws EditorError for a mistake.
 */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Partial<Record<Option, string>> & { help?: boolean } {
  // Without the `--` after `npm run new-report`, npm takes the options for its own settings: it
  // sets npm_config_<name> and passes only the values on.
  const swallowed = OPTIONS.filter((o) => env[`npm_config_${o.toLowerCase()}`] !== undefined);
  if (swallowed.length > 0) {
    throw new EditorError(
      `选项 ${swallowed.map((o) => `--${o}`).join(' ')} 被 npm 当作了它自己的设置,没有传给 new-report:npm run new-report 后面少写了 --。\n修改方法:在 new-report 和第一个选项之间加上 --,例如\n  npm run new-report -- --jurisdiction xiangtan --title 湘潭市2019年全面深化改革工作总结 --period 2019 --kind annual-summary`,
    );
  }
  const joined: string[] = [];
  for (const arg of argv) {
    const last = joined.at(-1);
    // An option name waits for its value; any further word belongs to the value before it.
    const waiting = last === undefined || (last.startsWith('-') && !last.includes('=') && last !== '--help' && last !== '-h');
    if (arg.startsWith('-') || waiting) joined.push(arg);
    else joined[joined.length - 1] = `${last} ${arg}`;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: joined,
      options: { ...Object.fromEntries(OPTIONS.map((o) => [o, { type: 'string' as const }])), help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    const e = error as Error & { code?: string };
    const option = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? '';
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const near = closestOption(option.replace(/^-+/, '').split('=')[0]);
      throw new EditorError(`未知的选项 ${option}。\n修改方法:${near ? `改成 --${near}` : '使用下面列出的选项'}。\n${usage()}`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new EditorError(`选项 ${option} 后面没有值。\n修改方法:在 ${option} 后面写上它的值,例如 ${option} 2019;不需要这个选项就删掉它。`);
    }
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new EditorError(`“${joined[0]}”前面没有选项名。\n修改方法:每个值前面写上它的选项名,例如 --title ${joined[0]}。\n${usage()}`);
    }
    throw new EditorError(`选项写法有误:${e.message}\n${usage()}`);
  }
  return parsed.values as Partial<Record<Option, string>> & { help?: boolean };
}

/** Returns the slug of a new seed: --slug, or <jurisdiction>-<period> (the year of the date for an unstated period). */
function slugOf(values: Partial<Record<Option, string>>, period: NonNullable<ReturnType<typeof parsePeriod>>): string {
  if (values.slug) return values.slug;
  if (period.precision === 'unstated') {
    if (!values.date) throw new EditorError('时期写的是“未说明”,无法用时期作文件名。\n修改方法:加上 --date YYYY-MM-DD(原文日期,文件名取它的年份),或用 --slug 指定文件名,例如 --slug xiangtan-ducha。');
    return `${values.jurisdiction}-${values.date.slice(0, 4)}`;
  }
  return `${values.jurisdiction}-${period.raw.replace(/^(约|大约)\s*/, '').replace(/\//g, '-').toLowerCase()}`;
}

/** Creates the seed; returns the message for the editor. Throws EditorError for every mistake. */
export function newReport(root: string, argv: string[], env: NodeJS.ProcessEnv): string {
  const values = parseOptions(argv, env);
  const hand = readHandKeptData(root);
  if (!hand.data) throw new EditorError(`content/ 中的数据文件有问题,先改正它们:\n${hand.problems.map(formatProblem).join('\n')}`);
  const ctx: SeedContext = { jurisdictions: hand.data.jurisdictions, kinds: hand.data.kinds };
  if (values.help) return usage(ctx);

  const missing = (['jurisdiction', 'period', 'kind'] as const).filter((f) => !values[f]);
  if (missing.length > 0) throw new EditorError(`缺少选项:${missing.map((m) => `--${m}`).join(' ')}。\n修改方法:补上它们。\n${usage(ctx)}`);
  const jurisdiction = values.jurisdiction!;
  if (!ctx.jurisdictions.some((j) => j.id === jurisdiction)) {
    throw new EditorError(`未知的行政区“${jurisdiction}”。\n修改方法:改成已有的 id(最接近的是 ${closestJurisdictions(jurisdiction, ctx.jurisdictions).join('、')});新的行政区请先在 content/jurisdictions.json 中添加一条(见 docs/editor-guide.md 第 5 节)。`);
  }
  const period = parsePeriod(values.period!);
  if (!period) throw new EditorError(`时期“${values.period}”无法识别。\n修改方法:${periodFix(values.period!)}`);
  if (values.titleStated !== undefined && values.titleStated !== 'true' && values.titleStated !== 'false') {
    throw new EditorError(`--titleStated 只能是 true 或 false,现在是“${values.titleStated}”。\n修改方法:原文印有标题时写 --title <标题>;原文没有标题时省略 --title(或写 --titleStated false)。`);
  }
  const titleStated = values.titleStated ? values.titleStated === 'true' : Boolean(values.title);
  if (!titleStated && values.title) throw new EditorError('--titleStated false 表示原文没有标题,但又写了 --title。\n修改方法:原文有标题就删掉 --titleStated false;没有标题就删掉 --title。');

  const slug = slugOf(values, period);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new EditorError(`文件名“${slug}”不合规范。\n修改方法:用 --slug 指定只含小写拼音字母、数字和连字符的文件名,例如 --slug ${jurisdiction}-2019。`);
  }
  const given = (f: Field) => values[f as Option] ?? '';
  const frontmatter: Record<string, string | boolean> = {};
  for (const f of FIELDS) frontmatter[f] = f === 'titleStated' ? titleStated : f === 'period' ? period.raw : given(f);
  const text = `---\n${stringify(frontmatter, { version: '1.1', lineWidth: 0 })}---\n`;
  // Check the frontmatter exactly as the build will, with a stand-in body (the real one is pasted later);
  // a problem is reported against the option it came from (line 2 is the first field).
  const { problems } = readSeed(`seeds/${slug}.md`, slug, new TextEncoder().encode(`${text}(正文)\n`), ctx);
  if (problems.length > 0) {
    throw new EditorError(
      problems
        .map((p) => {
          const field = FIELDS[p.line - 2];
          return `${field ? `--${field}: ` : ''}${p.message}\n修改方法:${p.fix.replace(/\b(\w+): /, (m, name: string) => ((FIELDS as readonly string[]).includes(name) ? `--${name} ` : m))}`;
        })
        .join('\n'),
    );
  }
  // The build treats file names that differ only in case as the same slug.
  const existing = readdirSync(join(root, 'seeds')).find((f) => f.toLowerCase() === `${slug}.md`);
  if (existing) {
    throw new EditorError(`seeds/${existing} 已经存在,没有覆盖它,也没有新建文件。\n修改方法:如果要修改那份报告,直接编辑 seeds/${existing};如果这是另一份报告,用 --slug 另起一个文件名,例如 --slug ${slug}-${values.kind}。`);
  }

  const file = join(root, 'seeds', `${slug}.md`);
  writeFileSync(file, text, { flag: 'wx' });
  return `已创建 seeds/${slug}.md。
下一步:
  1. 打开 seeds/${slug}.md,在最后一行 --- 之下粘贴报告全文(网页复制的纯文本或 Markdown 均可,不要改动原文字句)。
  2. 运行 npm run check 检查;有错误时按提示的行号修改。
  3. 运行 npm run dev 预览(http://localhost:4321/reports/${slug}/),保存文件后页面自动更新,有错误时页面上会显示。
  4. 确认无误后运行 npm run build,新报告会出现在首页、行政区页、领域对照、指标、术语和搜索中。
  5. 提交 seeds/${slug}.md(以及改过的 content/*.json),不要提交 content/reports、content/records、content/corpus。`;
}

if (import.meta.main) {
  try {
    console.log(newReport(process.env.GAIGE_ROOT ?? process.cwd(), process.argv.slice(2), process.env));
  } catch (error) {
    if (error instanceof EditorError) console.error(error.message);
    else console.error(`new-report 意外出错:${(error as Error).message}\n修改方法:请把这条信息和所用的命令一起告诉开发者。`);
    process.exitCode = 1;
  }
}
