import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { DocumentKind } from '../../model/schemas/document-kind.ts';
import type { Jurisdiction } from '../../model/schemas/jurisdiction.ts';
import { toSimplified } from '../../model/simplified.ts';
import { parsePeriod, type ParsedPeriod } from './period.ts';

/**
 * Reading one seed file: UTF-8 text with YAML frontmatter between `---` lines and the report
 * body after it. Every problem becomes a SeedProblem that names the file, the line, what is
 * wrong and how to fix it, in Chinese, for the editors who write these files.
 */

/** A jurisdiction as the seed reader needs it. */
export type JurisdictionRef = Pick<Jurisdiction, 'id' | 'name' | 'shortName' | 'province' | 'aliases'>;

/** What a seed is checked against: the known jurisdictions and document kinds. */
export interface SeedContext {
  jurisdictions: JurisdictionRef[];
  kinds: Array<Pick<DocumentKind, 'id' | 'name'>>;
}

/** A mistake in a seed file, with where it is and how to fix it. */
export interface SeedProblem {
  file: string;
  line: number;
  message: string;
  fix: string;
}

/** The frontmatter fields of a seed, after checking. */
export interface SeedMeta {
  title: string;
  titleStated: boolean;
  jurisdiction: string;
  province: string;
  level: string;
  period: ParsedPeriod;
  periodNote: string;
  kind: string;
  publisher: string;
  source: string;
  url: string;
  author: string;
  date: string;
  dateKind: string;
}

/** A seed that passed its checks. */
export interface Seed {
  slug: string;
  file: string;
  meta: SeedMeta;
  body: string;
  /** Seed-file line number of the body's first line. */
  bodyLine: number;
}

/** Returns the problem formatted as one line an editor can act on. */
export function formatProblem(p: SeedProblem): string {
  return `${p.file}:${p.line}: ${p.message} 修改方法:${p.fix}`;
}

const TEXT_FIELDS = ['title', 'province', 'level', 'periodNote', 'publisher', 'source', 'url', 'author', 'date', 'dateKind'] as const;
const KNOWN_FIELDS = new Set<string>([...TEXT_FIELDS, 'titleStated', 'jurisdiction', 'period', 'kind']);

/** Returns the edit distance between two short strings. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** Returns the ids of the known jurisdictions closest to an unknown value, best first; names and aliases compare in Simplified form (鹹陽 is 咸阳). */
export function closestJurisdictions(value: string, known: JurisdictionRef[]): string[] {
  const plain = toSimplified(value);
  return known
    .map((j) => ({ id: j.id, d: Math.min(...[j.id, j.name, j.shortName, ...j.aliases].map((n) => distance(plain, toSimplified(n)))) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((x) => x.id);
}

/** Returns the text of bytes that must be UTF-8, or a problem saying which encoding they look like. */
function decode(file: string, bytes: Uint8Array): { text?: string; problem?: SeedProblem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    let looksGb = false;
    try {
      const gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      looksGb = (gb.match(/[\u4e00-\u9fff]/g) ?? []).length > 0;
    } catch {
      looksGb = false;
    }
    const text = Buffer.from(bytes).toString('latin1');
    const line = text.slice(0, firstBadUtf8(bytes)).split('\n').length;
    return {
      problem: {
        file,
        line,
        message: looksGb ? '文件不是 UTF-8 编码,看起来是 GB18030/GBK 编码。' : '文件不是 UTF-8 编码。',
        fix: `把文件转换为 UTF-8 后再保存,例如运行 iconv -f ${looksGb ? 'GB18030' : '原编码'} -t UTF-8 ${file} > 临时文件 && mv 临时文件 ${file}`,
      },
    };
  }
}

function firstBadUtf8(bytes: Uint8Array): number {
  for (let i = 1; i <= bytes.length; i++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i));
    } catch {
      // A prefix that ends inside a valid multi-byte sequence also fails; only a failure that
      // persists with three more bytes marks a real error.
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, i + 3)));
      } catch {
        return i - 1;
      }
    }
  }
  return bytes.length;
}

/**
 * Returns the checked seed or the problems found in it. `file` is the path shown in messages,
 * `slug` the file name without `.md`.
 */
export function readSeed(file: string, slug: string, bytes: Uint8Array, ctx: SeedContext): { seed?: Seed; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const fail = (line: number, message: string, fix: string) => problems.push({ file, line, message, fix });

  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    fail(1, `文件名“${slug}.md”不合规范。`, '文件名只用小写拼音字母、数字和连字符,例如 shenzhen-2020.md(城市拼音-年份)。');
  }
  const decoded = decode(file, bytes);
  if (!decoded.text) return { problems: [decoded.problem!] };
  // A byte-order mark and CRLF line ends are accepted: the mark is dropped, \r is treated as part of the line break.
  const text = decoded.text.replace(/^\uFEFF/, '');
  const open = /^---\r?\n/.exec(text);
  if (!open) {
    fail(1, '文件开头没有 frontmatter(元数据)。', '在文件第一行写 ---,接着写 title、jurisdiction、period、kind 等字段,再用一行 --- 结束,正文写在其后。见 docs/editor-guide.md。');
    return { problems };
  }
  const close = /^---[ \t]*\r?$/m;
  const afterOpen = text.slice(open[0].length);
  const closeMatch = close.exec(afterOpen);
  if (!closeMatch) {
    fail(1, 'frontmatter 没有结束行。', '在元数据字段之后加一行只有 --- 的行,正文写在它下面。');
    return { problems };
  }
  const yamlText = afterOpen.slice(0, closeMatch.index);
  const fmEnd = open[0].length + closeMatch.index + closeMatch[0].length;
  const body = text.slice(fmEnd + (text[fmEnd] === '\n' ? 1 : 0));
  const bodyLine = text.slice(0, fmEnd).split('\n').length + (text[fmEnd] === '\n' ? 0 : -1) + 1;

  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      fail(1 + (e.linePos?.[0].line ?? 1), `frontmatter 的 YAML 写法有误:${e.message.split('\n')[0]}`, '检查这一行的冒号、引号和缩进;含冒号或以数字开头的值请加英文双引号,例如 period: "2018"。');
    }
    return { problems };
  }
  const map = doc.contents;
  if (!isMap(map)) {
    fail(2, 'frontmatter 应当是“字段: 值”的列表。', '每行写一个字段,例如 title: 某某市2020年改革工作总结。');
    return { problems };
  }
  const lineOf = (key: string): number => {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    const range = (pair?.key as { range?: number[] } | undefined)?.range;
    return range ? 1 + counter.linePos(range[0]).line : 1;
  };
  const data = doc.toJS() as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!KNOWN_FIELDS.has(key)) fail(lineOf(key), `未知字段“${key}”。`, `删除它,或改成已有字段之一:${[...KNOWN_FIELDS].join('、')}。`);
  }
  const str = (key: string): string => {
    const v = data[key];
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' || v instanceof Date) {
      fail(lineOf(key), `字段 ${key} 应当是文字,现在写的是 ${v instanceof Date ? '日期' : '数字'}。`, `给值加英文双引号,例如 ${key}: "${v instanceof Date ? v.toISOString().slice(0, 10) : v}"。`);
      return '';
    }
    fail(lineOf(key), `字段 ${key} 应当是一行文字。`, `写成 ${key}: 值,不要写成列表或多层结构。`);
    return '';
  };

  const meta = Object.fromEntries(TEXT_FIELDS.map((k) => [k, str(k)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  const titleStated = data.titleStated === undefined ? true : data.titleStated === true;
  if (data.titleStated !== undefined && typeof data.titleStated !== 'boolean') {
    fail(lineOf('titleStated'), 'titleStated 只能是 true 或 false。', '原文印有标题写 true;原文没有标题写 false 并把 title 留空。');
  }
  if (titleStated && meta.title === '') {
    fail(lineOf('title'), '缺少必填字段 title(标题)。', '照原文抄写标题,例如 title: 改革工作(2018);原文没有标题时写 titleStated: false。');
  }

  const jurisdiction = str('jurisdiction');
  const known = ctx.jurisdictions.find((j) => j.id === jurisdiction);
  if (jurisdiction === '') {
    fail(lineOf('jurisdiction'), '缺少必填字段 jurisdiction(行政区)。', `填 content/jurisdictions.json 中的 id,例如 jurisdiction: ${ctx.jurisdictions[0]?.id ?? 'zhongshan'}。`);
  } else if (!known) {
    const near = closestJurisdictions(jurisdiction, ctx.jurisdictions);
    fail(
      lineOf('jurisdiction'),
      `未知的行政区“${jurisdiction}”。`,
      `改成已有的 id(最接近的是 ${near.join('、')});如果是新的行政区,先在 content/jurisdictions.json 中添加一条(id、name、shortName、nameEn、province、level、levelEn、parent、aliases),见 docs/editor-guide.md。`,
    );
  }

  const periodRaw = typeof data.period === 'number' ? String(data.period) : str('period');
  const period = periodRaw === '' ? undefined : parsePeriod(periodRaw);
  if (periodRaw === '') {
    fail(lineOf('period'), '缺少必填字段 period(报告所涵盖的时期)。', '写成 "2018"(全年)、"2019-H1"(上半年)、"2019-01/2019-06"(月份区间)或 "2013/2017"(年份区间)。');
  } else if (!period) {
    fail(lineOf('period'), `period 的值“${periodRaw}”无法识别。`, '写成 "2018"、"2019-H1"、"2019-Q3"、"2019-01/2019-06" 或 "2013/2017";起点不能晚于终点。');
  }

  const kind = str('kind');
  if (kind === '') {
    fail(lineOf('kind'), '缺少必填字段 kind(文件类型)。', `从这些类型中选一个:${ctx.kinds.map((k) => `${k.id}(${k.name})`).join('、')}。`);
  } else if (!ctx.kinds.some((k) => k.id === kind)) {
    fail(lineOf('kind'), `未知的文件类型“${kind}”。`, `从这些类型中选一个:${ctx.kinds.map((k) => `${k.id}(${k.name})`).join('、')}。`);
  }

  if (meta.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
    fail(lineOf('date'), `date 的值“${meta.date}”不是日期。`, '写成 "YYYY-MM-DD",例如 date: "2017-12-19";原文没有日期就留空。');
  } else if (meta.date !== '') {
    const d = new Date(`${meta.date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== meta.date) {
      fail(lineOf('date'), `date 的值“${meta.date}”不是存在的日期。`, '检查月份和日期,例如 date: "2017-12-19"。');
    }
  }
  if (meta.url !== '' && !/^https?:\/\/\S+$/.test(meta.url)) {
    fail(lineOf('url'), `url 的值“${meta.url}”不是网址。`, '写成以 http:// 或 https:// 开头的完整网址,或留空。');
  }
  if (known && meta.province !== '' && toSimplified(meta.province) !== toSimplified(known.province)) {
    fail(lineOf('province'), `province 写的是“${meta.province}”,而行政区 ${known.id} 属于“${known.province}”。`, `改成 province: ${known.province},或检查 jurisdiction 是否填错。`);
  }

  if (body.replace(/[\s\u00a0\u3000]/g, '') === '') {
    fail(bodyLine, '正文是空的。', '在 frontmatter 结束行 --- 之后粘贴报告全文。');
  }
  if (problems.length > 0) return { problems };
  return {
    seed: {
      slug,
      file,
      body,
      bodyLine,
      meta: {
        ...meta,
        province: meta.province || known!.province,
        titleStated,
        jurisdiction,
        period: period!,
        kind,
      },
    },
    problems,
  };
}
