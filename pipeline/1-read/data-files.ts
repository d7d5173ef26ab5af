import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'astro/zod';
import { documentKindSchema, type DocumentKind } from '../../model/schemas/document-kind.ts';
import { taxonomySchema, type Taxonomy } from '../../model/schemas/domain.ts';
import { glossaryFileSchema, type GlossaryTerm } from '../../model/schemas/glossary-term.ts';
import { indicatorSchema, type Indicator } from '../../model/schemas/indicator.ts';
import { jurisdictionSchema, type Jurisdiction } from '../../model/schemas/jurisdiction.ts';
import type { SeedProblem } from './seed-file.ts';

/**
 * Reading the hand-kept data files of content/ (jurisdictions, kinds, domains, indicators,
 * glossary): JSON that editors edit by hand. Each is parsed and validated with its model schema,
 * and every mistake becomes a problem with the file, the line, what is wrong and how to fix it,
 * in Chinese, exactly like a mistake in a seed. The content build, `npm run check`, new-report
 * and the dev server all read them through readHandKeptData, so a mistake that passes check
 * cannot fail later in Astro.
 */

/** The hand-kept data, validated. */
export interface HandKeptData {
  jurisdictions: Jurisdiction[];
  kinds: DocumentKind[];
  taxonomy: Taxonomy;
  indicators: Indicator[];
  /** The kept glossary's terms ([] when content/glossary.json does not exist). */
  glossary: GlossaryTerm[];
}

/** Returns the 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split('\n').length;
}

/** Where and why a JSON text stops being JSON. */
interface JsonError {
  offset: number;
  kind: 'trailing-comma' | 'missing-comma' | 'missing-colon' | 'key-not-quoted' | 'wide-punctuation' | 'single-quote' | 'string-not-closed' | 'control-character' | 'end' | 'other';
}

/**
 * Returns the first syntax error of a JSON text (JSON.parse does not always say where). A small
 * recursive-descent reader that knows the mistakes people make when editing JSON by hand.
 */
export function findJsonError(text: string): JsonError | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && /[ \t\r\n\uFEFF]/.test(text[i])) i++;
  };
  const other = (): JsonError => {
    const c = text[i];
    if (c === undefined) return { offset: i, kind: 'end' };
    if ('，：“”‘’【】'.includes(c)) return { offset: i, kind: 'wide-punctuation' };
    if (c === "'") return { offset: i, kind: 'single-quote' };
    return { offset: i, kind: 'other' };
  };
  const string = (): JsonError | undefined => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) return { offset: i, kind: text[i] === '\n' ? 'string-not-closed' : 'control-character' };
      i++;
    }
    if (i >= text.length) return { offset: i, kind: 'string-not-closed' };
    i++;
    return undefined;
  };
  const value = (): JsonError | undefined => {
    ws();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return undefined;
      }
      for (;;) {
        ws();
        if (close === '}') {
          if (text[i] !== '"') return /[A-Za-z_$]/.test(text[i] ?? '') ? { offset: i, kind: 'key-not-quoted' } : other();
          const e = string();
          if (e) return e;
          ws();
          if (text[i] !== ':') return text[i] === '：' ? { offset: i, kind: 'wide-punctuation' } : { offset: i, kind: 'missing-colon' };
          i++;
        }
        const e = value();
        if (e) return e;
        ws();
        if (text[i] === close) {
          i++;
          return undefined;
        }
        if (text[i] === ',') {
          const comma = i;
          i++;
          ws();
          if (text[i] === '}' || text[i] === ']') return { offset: comma, kind: 'trailing-comma' };
          continue;
        }
        if (text[i] === '"' || text[i] === '{' || text[i] === '[' || /[-\d tfn]/.test(text[i] ?? '')) return { offset: i, kind: 'missing-comma' };
        return other();
      }
    }
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 40));
    if (literal) {
      i += literal[0].length;
      return undefined;
    }
    return other();
  };
  const e = value();
  if (e) return e;
  ws();
  return i < text.length ? { offset: i, kind: 'other' } : undefined;
}

/** Returns a JSON syntax error as a problem at the line of the mistake, with the fix for it. */
function syntaxProblem(file: string, text: string): SeedProblem {
  const error = findJsonError(text) ?? { offset: 0, kind: 'other' as const };
  let line = lineAt(text, error.offset);
  const problem = (message: string, fix: string): SeedProblem => ({ file, line, message: `JSON 写法有误:${message}`, fix });
  switch (error.kind) {
    case 'trailing-comma':
      return problem('这一行末尾多了一个逗号(列表或对象的最后一项后面不能有逗号)。', '删除这一行末尾的逗号“,”。');
    case 'missing-comma': {
      // The comma belongs at the end of the previous value, usually the line before.
      let prev = error.offset - 1;
      while (prev >= 0 && /\s/.test(text[prev])) prev--;
      line = lineAt(text, prev);
      return problem('这一项后面缺少逗号。', '在这一行末尾(下一项之前)加一个英文逗号“,”。');
    }
    case 'missing-colon':
      return problem('字段名后面缺少冒号。', '写成 "字段名": 值,冒号用英文冒号“:”。');
    case 'key-not-quoted':
      return problem('字段名没有加英文双引号。', '写成 "字段名": 值。');
    case 'wide-punctuation':
      return problem(`这里用了中文标点“${text[error.offset]}”作 JSON 的符号。`, 'JSON 的引号、逗号、冒号必须是英文半角的 " , :;中文标点只能出现在双引号里面的文字中。');
    case 'single-quote':
      return problem('文字用了单引号。', '把单引号 \' 改成英文双引号 "。');
    case 'string-not-closed':
      return problem('文字的双引号没有闭合。', '在文字末尾补上英文双引号 ";文字里要出现双引号时写成 \\"。');
    case 'control-character':
      return problem('文字里有制表符等控制字符。', '删除它,或换成空格。');
    case 'end':
      return problem('文件在括号或引号闭合之前就结束了。', '检查每个 { [ " 是否都有对应的 } ] ";文件最后应当是 ] 或 }。');
    default:
      return problem(`在“${text[error.offset] ?? ''}”处无法继续读取。`, '检查这一行和上一行:名称和文字都要用英文双引号,项与项之间用英文逗号分隔,最后一项后面不加逗号。');
  }
}

/** Returns the value at a path of parsed JSON. */
function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

/** Returns the line of the deepest node of the path that exists in the document, and whether the whole path exists. */
function lineOfPath(doc: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>): { line: number; found: boolean } {
  for (let n = path.length; n >= 0; n--) {
    const keys = path.slice(0, n).map((k) => (typeof k === 'number' ? k : String(k)));
    // A pair's key marks the field's line; a list item or the whole document its own start.
    const parent = n > 0 ? doc.getIn(keys.slice(0, -1), true) : undefined;
    if (n > 0 && isMap(parent)) {
      const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === keys[n - 1]);
      const range = (pair?.key as { range?: number[] } | undefined)?.range;
      if (range) return { line: counter.linePos(range[0]).line, found: n === path.length };
      continue;
    }
    const node = n === 0 ? doc.contents : doc.getIn(keys, true);
    const range = (node as { range?: number[] } | null | undefined)?.range;
    if (range && (n === 0 || isSeq(parent))) return { line: counter.linePos(range[0]).line, found: n === path.length };
  }
  return { line: 1, found: false };
}

/** Returns how an entry of a list is named in a message: 第 3 项(id: changsha). */
function entryName(data: unknown, path: ReadonlyArray<PropertyKey>): string {
  const index = path.findLastIndex((k) => typeof k === 'number');
  if (index < 0) return '';
  const entry = valueAt(data, path.slice(0, index + 1)) as Record<string, unknown> | undefined;
  const id = entry && typeof entry === 'object' ? (entry.id ?? entry.term) : undefined;
  const listName = index > 0 ? `${String(path[index - 1])} 的` : '';
  return `${listName}第 ${Number(path[index]) + 1} 项${typeof id === 'string' ? `(${entry?.id !== undefined ? 'id' : 'term'}: ${id})` : ''}`;
}

/** Returns an example of a field's value from a sibling entry that has it, for the fix. */
function exampleOf(data: unknown, path: ReadonlyArray<PropertyKey>): string | undefined {
  const index = path.findLastIndex((k) => typeof k === 'number');
  if (index < 0) return undefined;
  const list = valueAt(data, path.slice(0, index));
  if (!Array.isArray(list)) return undefined;
  const rest = path.slice(index + 1);
  for (const [i, entry] of list.entries()) {
    const v = valueAt(entry, rest);
    if (i !== path[index] && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) return JSON.stringify(v);
  }
  return undefined;
}

const TYPE_ZH: Record<string, string> = { string: '文字(用英文双引号括起来)', number: '数字', boolean: 'true 或 false', array: '列表 [ … ]', object: '对象 { … }', null: 'null' };

/** Returns one schema issue as a problem at the line of the field or entry. */
function issueProblem(file: string, data: unknown, doc: Document, counter: LineCounter, issue: z.core.$ZodIssue): SeedProblem {
  const path = issue.path;
  const field = path.length > 0 ? String(path[path.length - 1]) : '';
  const where = entryName(data, path);
  const value = valueAt(data, path);
  const { line } = lineOfPath(doc, counter, path);
  const example = exampleOf(data, path);
  const like = example ? `,例如其他项写的是 "${field}": ${example}` : '';
  const at = where ? `${where}的` : '';
  if (issue.code === 'invalid_type' && value === undefined) {
    return { file, line, message: `${where ? `${where}` : ''}缺少字段“${field}”。`, fix: `在这一项里加上 "${field}": …${like}。各字段的含义见 docs/editor-guide.md。` };
  }
  if (issue.code === 'invalid_type') {
    const expected = TYPE_ZH[issue.expected] ?? issue.expected;
    const got = value === null ? 'null' : Array.isArray(value) ? '列表' : typeof value === 'string' ? '文字' : typeof value === 'number' ? '数字' : typeof value;
    return { file, line, message: `${at}字段“${field}”应当是${expected},现在是${got}。`, fix: `改成${expected}${like}。` };
  }
  if (issue.code === 'too_small') {
    const empty = (typeof value === 'string' && value === '') || (Array.isArray(value) && value.length === 0);
    return { file, line, message: `${at}字段“${field}”${empty ? '是空的' : `太短(至少 ${String(issue.minimum)}${issue.origin === 'array' ? ' 项' : ' 个字'})`}。`, fix: `填上内容${like}。` };
  }
  if (issue.code === 'too_big') {
    return { file, line, message: `${at}字段“${field}”太长(最多 ${String(issue.maximum)}${issue.origin === 'array' ? ' 项' : ' 个字'})。`, fix: '缩短它。' };
  }
  if (issue.code === 'invalid_format' && field === 'id') {
    return { file, line, message: `${at}id“${String(value)}”不合规范。`, fix: 'id 只用小写拼音字母、数字和连字符,例如 "changsha" 或 "shenzhen-pingshan"。' };
  }
  if (issue.code === 'invalid_format') {
    return { file, line, message: `${at}字段“${field}”的值“${String(value)}”格式不对。`, fix: `照同一文件中其他项的写法改${like}。` };
  }
  if (issue.code === 'invalid_value') {
    return { file, line, message: `${at}字段“${field}”的值“${String(value)}”不是允许的值。`, fix: `改成以下之一:${issue.values.map((v) => String(v)).join('、')}。` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { file, line, message: `${at}有未知字段:${issue.keys.join('、')}。`, fix: '删除它们,或检查字段名的拼写。' };
  }
  return { file, line, message: `${at}字段“${field}”的值不符合要求(${issue.message})。`, fix: `照同一文件中其他项的写法改${like}。` };
}

/** Returns a hand-kept data file parsed and validated, or the problems found in it. `file` is the path shown in messages. */
export function parseDataFile<T>(file: string, bytes: Uint8Array, schema: z.ZodType<T>): { value?: T; problems: SeedProblem[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { problems: [{ file, line: 1, message: '文件不是 UTF-8 编码。', fix: `在编辑器里把 ${file} 另存为 UTF-8,或运行 iconv -f GB18030 -t UTF-8 ${file} > 临时文件 && mv 临时文件 ${file}` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problems: [syntaxProblem(file, text)] };
  }
  const result = schema.safeParse(data);
  const problems: SeedProblem[] = [];
  // Valid JSON is valid YAML: the yaml parser gives every node's position, so a schema problem gets its line.
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(issueProblem(file, data, doc, counter, issue));
  }
  // Ids must be unique in a list: each is a URL segment and a collection entry.
  const lists: Array<[ReadonlyArray<PropertyKey>, string]> = Array.isArray(data) ? [[[], 'id']] : [[['domains'], 'id'], [['groups'], 'id'], [['terms'], 'term']];
  for (const [listPath, key] of lists) {
    const list = valueAt(data, listPath);
    if (!Array.isArray(list)) continue;
    const seen = new Map<unknown, number>();
    list.forEach((entry, i) => {
      const id = (entry as Record<string, unknown> | null)?.[key];
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, i);
        return;
      }
      const { line } = lineOfPath(doc, counter, [...listPath, i, key]);
      const firstLine = lineOfPath(doc, counter, [...listPath, first, key]).line;
      problems.push({ file, line, message: `${key}“${id}”重复:第 ${firstLine} 行已有同一个 ${key}。`, fix: `删除重复的一项,或给它换一个不同的 ${key}。` });
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return problems.length > 0 ? { problems } : { value: result.data as T, problems };
}

/** Returns a hand-kept data file of a project's content/ folder, parsed and validated, or the problems found in it. */
export function readDataFile<T>(root: string, name: string, schema: z.ZodType<T>): { value?: T; problems: SeedProblem[] } {
  const path = join(root, 'content', name);
  const file = `content/${name}`;
  if (!existsSync(path)) return { problems: [{ file, line: 1, message: `找不到 ${file}。`, fix: `从仓库中恢复这个文件(git checkout -- ${file})。` }] };
  return parseDataFile(file, readFileSync(path), schema);
}

/** Returns the hand-kept data of a project, every file validated, or every problem found in any of them. */
export function readHandKeptData(root: string): { data?: HandKeptData; problems: SeedProblem[] } {
  const jurisdictions = readDataFile(root, 'jurisdictions.json', z.array(jurisdictionSchema));
  const kinds = readDataFile(root, 'kinds.json', z.array(documentKindSchema));
  const taxonomy = readDataFile(root, 'domains.json', taxonomySchema);
  const indicators = readDataFile(root, 'indicators.json', z.array(indicatorSchema));
  const glossary = existsSync(join(root, 'content', 'glossary.json')) ? readDataFile(root, 'glossary.json', glossaryFileSchema) : { value: { terms: [] }, problems: [] };
  const problems = [jurisdictions, kinds, taxonomy, indicators, glossary].flatMap((r) => r.problems);
  if (taxonomy.value && glossary.value) {
    // References between files: a glossary term's domain and a domain's group must exist.
    const domainIds = new Set(taxonomy.value.domains.map((d) => d.id));
    const groupIds = new Set(taxonomy.value.groups.map((g) => g.id));
    const domainsText = readFileSync(join(root, 'content', 'domains.json'), 'utf8');
    const counter = new LineCounter();
    const doc = parseDocument(domainsText, { lineCounter: counter, uniqueKeys: false });
    taxonomy.value.domains.forEach((d, i) => {
      if (!groupIds.has(d.group)) problems.push({ file: 'content/domains.json', line: lineOfPath(doc, counter, ['domains', i, 'group']).line, message: `领域 ${d.id} 的 group“${d.group}”不在 groups 中。`, fix: `改成 groups 里已有的 id:${[...groupIds].join('、')}。` });
    });
    if (glossary.value.terms.length > 0) {
      const gText = readFileSync(join(root, 'content', 'glossary.json'), 'utf8');
      const gCounter = new LineCounter();
      const gDoc = parseDocument(gText, { lineCounter: gCounter, uniqueKeys: false });
      glossary.value.terms.forEach((t, i) => {
        if (!domainIds.has(t.domain)) problems.push({ file: 'content/glossary.json', line: lineOfPath(gDoc, gCounter, ['terms', i, 'domain']).line, message: `术语“${t.term}”的 domain“${t.domain}”不是已有的领域。`, fix: `改成 content/domains.json 中的领域 id,例如 ${[...domainIds].slice(0, 3).join('、')}。` });
      });
    }
  }
  if (problems.length > 0) return { problems };
  return {
    data: { jurisdictions: jurisdictions.value!, kinds: kinds.value!, taxonomy: taxonomy.value!, indicators: indicators.value!, glossary: glossary.value!.terms },
    problems,
  };
}
