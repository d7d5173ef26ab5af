import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { buildReport } from '../../scripts/lib/report.ts';
import { mdastToMdx, reportToMdast } from '../../scripts/lib/mdx.ts';
import { readSeed } from '../../scripts/lib/seed-file.ts';
import { detectStructure } from '../../scripts/lib/structure.ts';
import { context, loadSeed, pipelineData, ROOT, seedSlugs } from './helpers.ts';

// Fixture folders: input.md (a seed), output.mdx and tree.json (what the pipeline makes of it).
// UPDATE_FIXTURES=1 rewrites the expected files; review the diff before committing them.
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pipeline');
const update = process.env.UPDATE_FIXTURES === '1';
const COMPONENTS = new Set(['Heading', 'Para', 'Glossary', 'Marker', 'RunIn', 'Place', 'Dfn', 'Mark']);

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: Array<{ type: string; name: string; value: unknown }>;
  children?: Node[];
}

/**
 * Parses generated MDX back and returns each <Para>'s text and each <Heading>'s text attribute,
 * failing on anything executable: expressions, ESM, raw HTML, unknown or dynamic JSX.
 */
function readBack(mdx: string): { paragraphs: Map<string, string>; headings: string[] } {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).parse(mdx) as Node;
  const paragraphs = new Map<string, string>();
  const headings: string[] = [];
  // A markdown table reads as its cells joined by ' | ', rows by line breaks, as the pipeline stores it.
  const text = (n: Node): string =>
    n.type === 'text' || n.type === 'inlineCode'
      ? (n.value ?? '')
      : n.type === 'table'
        ? (n.children ?? []).map((row) => (row.children ?? []).map(text).join(' | ')).join('\n')
        : (n.children ?? []).map(text).join('');
  const visit = (n: Node) => {
    assert.ok(!['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html'].includes(n.type), `executable node ${n.type}`);
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      assert.ok(n.name && COMPONENTS.has(n.name), `unexpected element <${n.name}>`);
      for (const a of n.attributes ?? []) {
        assert.equal(a.type, 'mdxJsxAttribute', 'spread attribute');
        assert.equal(typeof a.value, 'string', `attribute ${a.name} is not a plain string`);
      }
      const id = n.attributes?.find((a) => a.name === 'id')?.value as string;
      if (n.name === 'Para') paragraphs.set(id, text(n));
      if (n.name === 'Heading') headings.push(n.attributes?.find((a) => a.name === 'text')?.value as string);
    }
    n.children?.forEach(visit);
  };
  visit(tree);
  return { paragraphs, headings };
}

/** Asserts that every paragraph and heading in the record comes back from the MDX character for character. */
function assertRoundTrip(mdx: string, record: { outline: SectionLike }, label: string) {
  const back = readBack(mdx);
  const expectedHeadings: string[] = [];
  const visit = (s: SectionLike) => {
    if (s.level > 0) expectedHeadings.push(s.heading);
    for (const p of s.paragraphs) assert.equal(back.paragraphs.get(p.id), p.text, `${label}: paragraph ${p.id}`);
    s.children.forEach(visit);
  };
  visit(record.outline);
  assert.deepEqual(back.headings, expectedHeadings, `${label}: headings`);
}

interface SectionLike {
  level: number;
  heading: string;
  paragraphs: Array<{ id: string; text: string }>;
  children: SectionLike[];
}

for (const name of readdirSync(FIXTURES).sort()) {
  test(`pipeline fixture: ${name}`, () => {
    const dir = join(FIXTURES, name);
    const { seed, problems } = readSeed(`${name}/input.md`, name, readFileSync(join(dir, 'input.md')), context());
    assert.deepEqual(problems, []);
    const { mdx, record } = buildReport(seed!, pipelineData());
    const structure = detectStructure(seed!.body, seed!.bodyLine, seed!.meta.titleStated ? seed!.meta.title : '');
    const tree = JSON.stringify(structure, null, 2) + '\n';
    const outFile = join(dir, 'output.mdx');
    const treeFile = join(dir, 'tree.json');
    if (update || !existsSync(outFile)) writeFileSync(outFile, mdx);
    if (update || !existsSync(treeFile)) writeFileSync(treeFile, tree);
    assert.equal(mdx, readFileSync(outFile, 'utf8'), 'output.mdx differs (UPDATE_FIXTURES=1 to accept)');
    assert.equal(tree, readFileSync(treeFile, 'utf8'), 'tree.json differs (UPDATE_FIXTURES=1 to accept)');
    assertRoundTrip(mdx, record as unknown as { outline: SectionLike }, name);
  });
}

test('unsafe text stays literal: braces, tags, script, event handlers and javascript: links', () => {
  const { seed } = readSeed('unsafe-text/input.md', 'unsafe-text', readFileSync(join(FIXTURES, 'unsafe-text', 'input.md')), context());
  const { mdx } = buildReport(seed!, pipelineData());
  const { paragraphs, headings } = readBack(mdx);
  const texts = [...paragraphs.values()];
  const all = [...texts, ...headings].join('\n');
  for (const literal of ['{2017}', '{区直单位}', '<株洲市天元区纪委派驻纪检机构全覆盖改革工作方案>', '</script><script>alert("x")</script>', '<img src=x onerror=alert(1)>', '[点这里](javascript:alert(1))', '<a href="javascript:alert(2)">', '&amp;', '<Para id="fake">伪造组件</Para>', "import x from 'y'"]) {
    assert.ok(all.includes(literal), `literal text lost: ${literal}`);
  }
  assert.equal(headings[0], '【区直单位改革】');
});

test('the five seeds round-trip through MDX unchanged', () => {
  for (const slug of seedSlugs()) {
    const { mdx, record } = buildReport(loadSeed(slug), pipelineData());
    assertRoundTrip(mdx, record as unknown as { outline: SectionLike }, slug);
  }
});

test('a sixth report in GB/T 9704 numbering gets the 一、→（一）→1.→（1） hierarchy', () => {
  const { seed } = readSeed('gbt/input.md', 'gbt', readFileSync(join(FIXTURES, 'gbt-numbering', 'input.md')), context());
  const s = detectStructure(seed!.body, seed!.bodyLine, seed!.meta.title);
  const outline = (sec: typeof s.root, depth = 0): string[] => sec.children.flatMap((c) => [`${'  '.repeat(depth)}${c.level} ${c.number ?? ''}${c.title}`, ...outline(c, depth + 1)]);
  assert.deepEqual(outline(s.root), [
    '1 一、总体情况',
    '  2 （一）组织领导',
    '    3 1．建立领导机制',
    '      4 （1）完善议事规则',
    '      4 （2）健全督察制度',
    '    3 2、抓好任务落实',
    '  2 （二）基层探索',
    '    3 ①试点一',
    '    3 ②试点二',
    '1 二、存在问题',
  ]);
});

test('a web page in another layout: chrome, byline metadata, bullets and a glossary box', () => {
  const { seed } = readSeed('web/input.md', 'web', readFileSync(join(FIXTURES, 'web-page', 'input.md')), context());
  const s = detectStructure(seed!.body, seed!.bodyLine, seed!.meta.title);
  assert.deepEqual(
    s.chrome.map((c) => c.kind),
    ['breadcrumb', 'title', 'byline', 'share', 'navigation', 'navigation', 'footer', 'footer'],
  );
  assert.equal(s.meta.date, '2019-07-15');
  assert.equal(s.meta.source, '区委改革办');
  assert.equal(s.meta.author, '综合科');
  assert.deepEqual(
    s.glossary.map((g) => g.term),
    ['一网通办', '一窗受理'],
  );
  assert.equal(s.root.children[0].heading, '重点改革\n稳步推进');
});

test('marks (figures, firsts, terms) wrap spans of text without losing or reordering a character', () => {
  const text = '一是简政放权。投资报建审批事项由43项减少为35项,在全省率先完成。';
  const at = (s: string) => text.indexOf(s);
  const root = {
    id: 'top', level: 0, style: 'root' as const, title: '', heading: '', lines: [0, 0] as [number, number], children: [],
    paragraphs: [{
      id: 'p-000001', kind: 'item' as const, text, lines: [1, 1] as [number, number], marker: '一是', runIn: '简政放权。',
      marks: [
        { start: at('简政放权'), end: at('简政放权') + 4, kind: 'term' as const, ref: '简政放权', note: '放管服的一部分' },
        { start: at('由43项'), end: at('35项') + 3, kind: 'figure' as const, ref: 'f-1', note: '43 项 → 35 项' },
        { start: at('43项'), end: at('43项') + 3, kind: 'figure' as const, ref: 'f-overlap' },
        { start: at('在全省率先'), end: at('在全省率先') + 5, kind: 'first' as const, ref: 'first-1' },
      ],
    }],
  };
  const mdx = mdastToMdx(reportToMdast({ outline: root }, root));
  const { paragraphs } = readBack(mdx);
  assert.equal(paragraphs.get('p-000001'), text);
  assert.match(mdx, /<Marker>一是<\/Marker><RunIn><Mark kind="term" ref="简政放权" note="放管服的一部分">简政放权<\/Mark>。<\/RunIn>/);
  assert.match(mdx, /<Mark kind="figure" ref="f-1" note="43 项 → 35 项">由43项减少为35项<\/Mark>/);
  assert.ok(!mdx.slice(mdx.indexOf('\n---\n', 4)).includes('f-overlap'), 'an overlapping mark is dropped, not nested');
  assert.match(mdx, /<Mark kind="first" ref="first-1">在全省率先<\/Mark>完成。/);
});

test('a markdown seed keeps its structure: headings, lists, a table, a blockquote, emphasis and safe links', () => {
  const { seed } = readSeed('markdown/input.md', 'markdown', readFileSync(join(FIXTURES, 'markdown', 'input.md')), context());
  const s = detectStructure(seed!.body, seed!.bodyLine, seed!.meta.title);
  const all = [s.root, ...s.root.children.flatMap(function flat(c): typeof s.root.children {
    return [c, ...c.children.flatMap(flat)];
  })];
  assert.deepEqual(all.slice(1).map((c) => `${c.level} ${c.heading}`), ['1 一、经济体制改革', '2 1. 营商环境', '1 二、社会体制改革']);
  const ps = all.flatMap((c) => c.paragraphs);
  assert.deepEqual(ps.filter((p) => p.kind === 'item').map((p) => p.bullet), ['•', '•', '1.', '2.']);
  const table = ps.find((p) => p.kind === 'table')!;
  assert.equal(table.text, '指标 | 2020年 | 2021年\n市场主体(万户) | 12 | 15\n开办时间 | 3天 | 1天');
  assert.equal(ps.find((p) => p.kind === 'quote')!.text, '引用:改革没有完成时,只有进行时。');
  const { mdx } = buildReport(seed!, pipelineData());
  const body = mdx.slice(mdx.indexOf('\n---\n', 4));
  assert.match(body, /\*\*混改项目5个\*\*/);
  assert.match(body, /\[市国资委网站\]\(https:\/\/example\.gov\.cn\/a\.html\)/);
  assert.ok(!body.includes('javascript:'), 'a javascript: link is not kept as a link');
  assert.match(body, /\\<img src=x onerror=alert\(1\)>/);
});
