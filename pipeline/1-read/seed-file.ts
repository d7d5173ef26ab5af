import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { DocumentKind } from '../../model/schemas/document-kind.ts';
import type { Jurisdiction } from '../../model/schemas/jurisdiction.ts';
import { parsePeriod, periodFix, PERIOD_FORMS, type ParsedPeriod } from './period.ts';

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
  /** The editor's decisions on paragraphs flagged as possible noise: `noise: { confirm: [p-…], clear: [p-…] }`, each with its line. */
  noise: NoiseDecision[];
}

/** An editor's decision on one paragraph: confirm it is noise (set it aside) or clear the flag. */
export interface NoiseDecision {
  paragraph: string;
  action: 'confirm' | 'clear';
  line: number;
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
const KNOWN_FIELDS = new Set<string>([...TEXT_FIELDS, 'titleStated', 'jurisdiction', 'period', 'kind', 'noise']);

/** Returns a YAML parse error of the frontmatter as a Chinese message and its fix. */
function yamlMistake(code: string, message: string): [string, string] {
  const quote = '给整个值加英文双引号,例如 title: "湘潭市改革: 成效与经验";值里本来就有的英文双引号改成中文引号“”。';
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return ['这一行的值里有“冒号+空格”,YAML 把它读成了又一个字段。', quote];
    case 'UNEXPECTED_TOKEN':
      return ['这一行的值以引号或括号开头,引号或括号之后还有文字,YAML 读不下去。', quote];
    case 'MULTILINE_IMPLICIT_KEY':
      return ['这一行的字段名后面缺少“冒号+空格”,或值换了行。', '写成“字段: 值”(冒号后面有一个空格),值写在同一行,例如 title: 湘潭市2019年改革工作总结。'];
    case 'DUPLICATE_KEY':
      return ['这个字段写了两次。', '删掉其中一行。'];
    case 'TAB_AS_INDENT':
    case 'BAD_INDENT':
      return ['这一行的缩进不对。', '每个字段都从行首写起,前面不要有空格或制表符。'];
    default:
      return [`frontmatter 的 YAML 写法有误(${message.split('\n')[0]})。`, '检查这一行的冒号、引号和缩进;含冒号、井号或以数字、引号、括号开头的值请加英文双引号,例如 period: "2018"。'];
  }
}

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

/** Returns the ids of the known jurisdictions closest to an unknown value, best first. */
export function closestJurisdictions(value: string, known: JurisdictionRef[]): string[] {
  return known
    .map((j) => ({ id: j.id, d: Math.min(...[j.id, j.name, j.shortName, ...j.aliases].map((n) => distance(value, n))) }))
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
    // One message per line: a mistake early in a line often makes the parser stumble again after it.
    const seen = new Set<number>();
    for (const e of doc.errors) {
      const line = 1 + (e.linePos?.[0].line ?? 1);
      if (seen.has(line)) continue;
      seen.add(line);
      const [message, fix] = yamlMistake(e.code, e.message);
      fail(line, message, fix);
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
  let data: Record<string, unknown>;
  try {
    data = doc.toJS() as Record<string, unknown>;
  } catch {
    // An unquoted value beginning with * or & is a YAML alias or anchor.
    fail(2, 'frontmatter 中有以 * 或 & 开头而没有加引号的值。', '给这个值加英文双引号,例如 title: "*某某*"。');
    return { problems };
  }
  // An unquoted value loses everything from " #" on: YAML reads it as a comment.
  for (const pair of map.items) {
    const value = pair.value as { comment?: string; range?: number[] } | null;
    if (isScalar(pair.key) && value?.comment && value.range) {
      fail(1 + counter.linePos(value.range[0]).line, `字段 ${String(pair.key.value)} 的值里有“ #”,YAML 把 # 及其后的文字(${value.comment.trim()})当作注释丢掉了。`, `给整个值加英文双引号,例如 ${String(pair.key.value)}: "…#${value.comment.trim()}"。`);
    }
  }
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
    fail(lineOf('period'), '缺少必填字段 period(报告所涵盖的时期)。', `写成 ${PERIOD_FORMS}。`);
  } else if (!period) {
    fail(lineOf('period'), `period 的值“${periodRaw}”无法识别。`, periodFix(periodRaw));
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
  if (known && meta.province !== '' && meta.province !== known.province) {
    fail(lineOf('province'), `province 写的是“${meta.province}”,而行政区 ${known.id} 属于“${known.province}”。`, `改成 province: ${known.province},或检查 jurisdiction 是否填错。`);
  }

  const noise: NoiseDecision[] = [];
  const noiseNode = map.items.find((p) => isScalar(p.key) && p.key.value === 'noise')?.value;
  const noiseFix = '写成 noise: { confirm: [p-1a2b3c], clear: [p-4d5e6f] }:confirm 确认该段是混入的无关文字,clear 表示该段属于报告;编号见报告页段末的 ¶ 或 /compare/unclassified/。';
  if (noiseNode !== undefined && noiseNode !== null && !(isScalar(noiseNode) && noiseNode.value === null)) {
    if (!isMap(noiseNode)) fail(lineOf('noise'), 'noise 字段的写法不对。', noiseFix);
    else {
      for (const pair of noiseNode.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const keyLine = 1 + counter.linePos((pair.key as { range?: number[] }).range?.[0] ?? 0).line;
        if (key !== 'confirm' && key !== 'clear') {
          fail(keyLine, `noise 下的“${key}”无法识别。`, noiseFix);
          continue;
        }
        const items = isSeq(pair.value) ? pair.value.items : isScalar(pair.value) && pair.value.value !== null ? [pair.value] : [];
        for (const item of items) {
          const line = 1 + counter.linePos((item as { range?: number[] }).range?.[0] ?? 0).line;
          const id = isScalar(item) ? String(item.value).trim() : '';
          if (!/^p-[0-9a-f]{6}(?:-\d+)?$/.test(id)) fail(line, `noise.${key} 中的“${id}”不是段落编号。`, `段落编号形如 p-1a2b3c,${noiseFix}`);
          else noise.push({ paragraph: id, action: key, line });
        }
      }
    }
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
        noise,
      },
    },
    problems,
  };
}
