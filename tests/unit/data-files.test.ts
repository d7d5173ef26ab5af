// Hand-kept data files (content/*.json): every one of the project's files is valid, and each kind of
// mistake an editor makes in JSON by hand gets a Chinese file:line message with the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { findJsonError, parseDataFile, readHandKeptData } from '../../pipeline/1-read/data-files.ts';
import { formatProblem } from '../../pipeline/1-read/seed-file.ts';
import { documentKindSchema } from '../../model/schemas/document-kind.ts';
import { jurisdictionSchema } from '../../model/schemas/jurisdiction.ts';
import { ROOT } from './helpers.ts';

const FILE = 'content/jurisdictions.json';

/**
 * The project's jurisdictions, written out in one fixed layout (a field a line, lists and objects on
 * their line): the mistakes below are made in this text, so they do not depend on how an editor
 * laid out the file or what they added to it.
 */
function layout(entries: Array<Record<string, unknown>>): string {
  const value = (v: unknown) => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v));
  return `[\n${entries.map((e) => `  {\n${Object.entries(e).map(([k, v]) => `    ${JSON.stringify(k)}: ${value(v)}`).join(',\n')}\n  }`).join(',\n')}\n]\n`;
}
const original = layout(JSON.parse(readFileSync(join(ROOT, FILE), 'utf8')));

/** Returns the messages for a jurisdictions.json text. */
function messages(text: string): string[] {
  return parseDataFile(FILE, new TextEncoder().encode(text), z.array(jurisdictionSchema)).problems.map(formatProblem);
}

/** Returns the 1-based line of the first occurrence of a string in the original file. */
const lineOf = (s: string, text = original) => text.slice(0, text.indexOf(s)).split('\n').length;

test("the project's hand-kept data files are valid", () => {
  const { data, problems } = readHandKeptData(ROOT);
  assert.deepEqual(problems, []);
  assert.ok(data!.jurisdictions.length > 0 && data!.kinds.length > 0);
});

test('JSON syntax mistakes: the line of the mistake and the fix', () => {
  const aliases = original.match(/"aliases": \[[^\]]*\]/)![0];
  const province = original.match(/"province": "[^"]+",/)![0];
  const cases: Array<[string, string, RegExp]> = [
    ['trailing comma in a list', aliases.replace(/\]$/, ',]'), /JSON 写法有误:这一行末尾多了一个逗号.* 修改方法:删除这一行末尾的逗号/],
    ['missing comma', province.replace(/,$/, ''), /JSON 写法有误:这一项后面缺少逗号。 修改方法:在这一行末尾/],
    ['full-width comma', province.replace(/,$/, '，'), /JSON 写法有误:这里用了中文标点“，”作 JSON 的符号。/],
    ['quote not closed', province.replace(/",$/, ','), /JSON 写法有误:文字的双引号没有闭合。/],
  ];
  for (const [what, replacement, re] of cases) {
    const target = what === 'trailing comma in a list' ? aliases : province;
    const got = messages(original.replace(target, replacement));
    assert.equal(got.length, 1, what);
    assert.match(got[0], new RegExp(`^${FILE}:${lineOf(target)}: `), what);
    assert.match(got[0], re, what);
  }
  assert.equal(findJsonError(original), undefined);
  assert.deepEqual(findJsonError('[1,\n2,\n]'), { offset: 5, kind: 'trailing-comma' });
  assert.equal(findJsonError('{"a": 1')?.kind, 'end');
});

test('schema mistakes: the line of the field or of the entry, the entry named, an example from another entry', () => {
  const level = original.match(/ *"levelEn": "[^"]+",\n/)![0];
  const [missing] = messages(original.replace(level, ''));
  assert.match(missing, new RegExp(`^${FILE}:2: 第 1 项\\(id: [a-z-]+\\)缺少字段“levelEn”。 修改方法:在这一项里加上 "levelEn": …,例如其他项写的是 "levelEn": "[^"]+"。`));
  const aliases = original.match(/"aliases": \[[^\]]*\]/)![0];
  const [wrongType] = messages(original.replace(aliases, '"aliases": "穗"'));
  assert.match(wrongType, new RegExp(`^${FILE}:${lineOf(aliases)}: 第 1 项\\(id: [a-z-]+\\)的字段“aliases”应当是列表 \\[ … \\],现在是文字。`));
  const firstId = original.match(/"id": "[^"]+"/)![0];
  const [badId] = messages(original.replace(firstId, '"id": "Guang Zhou"'));
  assert.match(badId, /:3: .*id“Guang Zhou”不合规范。 修改方法:id 只用小写拼音字母、数字和连字符/);
  const secondId = original.match(/"id": "[^"]+"/g)![1];
  const [dup] = messages(original.replace(secondId, firstId));
  assert.match(dup, new RegExp(`:${lineOf(secondId)}: id“[a-z-]+”重复:第 3 行已有同一个 id。`));
});

test('a kind must say whether its figures are done, planned or mixed', () => {
  const kinds = readFileSync(join(ROOT, 'content', 'kinds.json'), 'utf8');
  const [problem] = parseDataFile('content/kinds.json', new TextEncoder().encode(kinds.replace('"tense": "done"', '"tense": "past"')), z.array(documentKindSchema)).problems.map(formatProblem);
  assert.match(problem, new RegExp(`^content/kinds.json:${lineOf('"tense": "done"', kinds)}: 第 1 项\\(id: [a-z-]+\\)的字段“tense”的值“past”不是允许的值。 修改方法:改成以下之一:done、planned、mixed。`));
});

test('a file that is not UTF-8', () => {
  const gbk = Uint8Array.from([0x5b, 0xd6, 0xd0, 0x5d]);
  const [problem] = parseDataFile(FILE, gbk, z.array(jurisdictionSchema)).problems.map(formatProblem);
  assert.match(problem, /^content\/jurisdictions\.json:1: 文件不是 UTF-8 编码。 修改方法:.*iconv -f GB18030 -t UTF-8/);
});
