import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { attribute, parseBody, paragraphTexts, type BodyNode } from '../../model/body.ts';
import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import type { Paragraph } from '../../model/schemas/paragraph.ts';
import { reportBodySchema } from '../../model/schemas/report.ts';
import type { Section } from '../../model/schemas/section.ts';
import { readSeed, type Seed } from '../../pipeline/1-read/seed-file.ts';
import type { ParagraphDraft, SectionDraft } from '../../pipeline/draft.ts';
import { build, builtFounding, builtSeed, context, foundingSlugs, loadFounding, loadSeed, ROOT, seedSlugs, structureOf, type Built } from './helpers.ts';

// Fixture folders: input.md (a seed), output.mdx and tree.json (what the pipeline makes of it).
// UPDATE_FIXTURES=1 rewrites the expected files; review the diff before committing them.
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pipeline');
const update = process.env.UPDATE_FIXTURES === '1';

/** The components a body may hold, each with the attributes it may carry (all plain strings); `id` is required where listed first. */
const COMPONENTS: Record<string, { required: string[]; optional: string[] }> = {
  Heading: { required: ['id'], optional: [] },
  Para: { required: ['id'], optional: ['bullet'] },
  Glossary: { required: ['id'], optional: [] },
  Marker: { required: [], optional: [] },
  RunIn: { required: [], optional: [] },
  Place: { required: [], optional: [] },
  Dfn: { required: [], optional: [] },
  Mark: { required: ['ref'], optional: ['continued'] },
  Term: { required: ['ref'], optional: ['continued'] },
};

/**
 * Parses a generated MDX body back with the site's reader and returns its frontmatter, each
 * <Para>'s text and the ids of the <Heading>s in order, failing on anything executable
 * (expressions, ESM, raw HTML) and on any component or attribute the body format does not have.
 */
function readBack(mdx: string): { slug: string; paragraphs: Map<string, string>; paragraphIds: string[]; headingIds: string[] } {
  const tree = parseBody(mdx);
  const paragraphIds: string[] = [];
  const headingIds: string[] = [];
  const visit = (n: BodyNode) => {
    assert.ok(!['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html'].includes(n.type), `executable node ${n.type}`);
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      const allowed = n.name ? COMPONENTS[n.name] : undefined;
      assert.ok(allowed, `unexpected element <${n.name}>`);
      for (const a of n.attributes ?? []) {
        assert.equal(a.type, 'mdxJsxAttribute', 'spread attribute');
        assert.equal(typeof a.value, 'string', `attribute ${a.name} is not a plain string`);
        assert.ok([...allowed.required, ...allowed.optional].includes(a.name), `<${n.name}> has attribute ${a.name}`);
      }
      for (const name of allowed.required) assert.ok(attribute(n, name), `<${n.name}> without ${name}`);
      if (n.name === 'Para') paragraphIds.push(attribute(n, 'id')!);
      if (n.name === 'Heading') {
        assert.deepEqual(n.children ?? [], [], 'a heading holds no text in the body');
        headingIds.push(attribute(n, 'id')!);
      }
    }
    n.children?.forEach(visit);
  };
  visit(tree);
  const yaml = tree.children?.[0];
  assert.equal(yaml?.type, 'yaml', 'the body starts with its frontmatter');
  const { slug } = reportBodySchema.strict().parse(parseYaml(yaml.value ?? ''));
  return { slug, paragraphs: paragraphTexts(mdx), paragraphIds, headingIds };
}

/**
 * Asserts that a built report gives its text back: every paragraph comes back from the MDX
 * character for character (against the pipeline's drafts), in document order under the ids the
 * record gives, and every heading from the record. Unless the seed is markdown (whose markup is not
 * text), the seed body minus its chrome is exactly the headings and paragraphs, whitespace aside.
 */
function assertRoundTrip(seed: Seed, built: Built, label: string, markdown = false) {
  const back = readBack(built.mdx);
  assert.equal(back.slug, seed.slug, `${label}: frontmatter slug`);
  const { record } = built;
  const structure = structureOf(seed);
  const drafts = [...paragraphsOf<SectionDraft, ParagraphDraft>(structure.root)].map(({ paragraph }) => paragraph);
  const stored = [...paragraphsOf<Section, Paragraph>(record.outline)].map(({ paragraph }) => paragraph);
  assert.deepEqual(back.paragraphIds, stored.map((p) => p.id), `${label}: paragraphs in the body and the record`);
  assert.deepEqual(stored.map((p) => p.id), drafts.map((p) => p.id), `${label}: paragraph ids`);
  assert.equal(back.paragraphs.size, drafts.length, `${label}: paragraph ids are unique`);
  for (const p of drafts) assert.equal(back.paragraphs.get(p.id), p.text, `${label}: paragraph ${p.id}`);
  const sections = [...sectionsOf(record.outline)];
  assert.deepEqual(back.headingIds, sections.map((s) => s.id), `${label}: headings in the body and the record`);
  assert.deepEqual(sections.map((s) => s.heading), [...sectionsOf(structure.root)].map((s) => s.heading), `${label}: headings`);
  assert.equal(record.stats.paragraphs, drafts.length);
  assert.equal(record.stats.sections, sections.length);
  if (markdown) return;
  // Nothing is lost, added or reordered: the text of headings and paragraphs, in document order, is the seed's text.
  const chrome = new Set(record.chrome.map((c) => c.line));
  const bare = (s: string) => s.replace(/\s/gu, '');
  const source = seed.body
    .split('\n')
    .filter((_, i) => !chrome.has(record.bodyLine + i))
    .map(bare)
    .join('');
  const parts: string[] = [];
  const visit = (s: Section) => {
    if (s.level > 0) parts.push(s.heading);
    for (const p of s.paragraphs) parts.push(back.paragraphs.get(p.id)!);
    s.children.forEach(visit);
  };
  visit(record.outline);
  const text = parts.map(bare).join('');
  let same = 0;
  while (same < source.length && source[same] === text[same]) same++;
  assert.ok(source === text, `${label}: the text differs from the seed after ${source.slice(Math.max(0, same - 20), same)}: seed «${source.slice(same, same + 20)}», built «${text.slice(same, same + 20)}»`);
}

function fixtureSeed(name: string, slug = name): Seed {
  const { seed, problems } = readSeed(`${name}/input.md`, slug, readFileSync(join(FIXTURES, name, 'input.md')), context());
  assert.deepEqual(problems, []);
  return seed!;
}

for (const name of readdirSync(FIXTURES).sort()) {
  test(`pipeline fixture: ${name}`, () => {
    const dir = join(FIXTURES, name);
    const seed = fixtureSeed(name);
    const built = build(seed);
    const tree = JSON.stringify(structureOf(seed), null, 2) + '\n';
    const outFile = join(dir, 'output.mdx');
    const treeFile = join(dir, 'tree.json');
    if (update || !existsSync(outFile)) writeFileSync(outFile, built.mdx);
    if (update || !existsSync(treeFile)) writeFileSync(treeFile, tree);
    assert.equal(built.mdx, readFileSync(outFile, 'utf8'), 'output.mdx differs (UPDATE_FIXTURES=1 to accept)');
    assert.equal(tree, readFileSync(treeFile, 'utf8'), 'tree.json differs (UPDATE_FIXTURES=1 to accept)');
    assertRoundTrip(seed, built, name, name === 'markdown');
  });
}

test('unsafe text stays literal: braces, tags, script, event handlers and javascript: links', () => {
  const { mdx, record } = build(fixtureSeed('unsafe-text'));
  const { paragraphs } = readBack(mdx);
  const headings = [...sectionsOf(record.outline)].map((s) => s.heading);
  const all = [...paragraphs.values(), ...headings].join('\n');
  for (const literal of ['{2017}', '{区直单位}', '<株洲市天元区纪委派驻纪检机构全覆盖改革工作方案>', '</script><script>alert("x")</script>', '<img src=x onerror=alert(1)>', '[点这里](javascript:alert(1))', '<a href="javascript:alert(2)">', '&amp;', '<Para id="fake">伪造组件</Para>', "import x from 'y'"]) {
    assert.ok(all.includes(literal), `literal text lost: ${literal}`);
  }
  assert.equal(headings[0], '【区直单位改革】');
  // Heading text is not in the body at all: an unsafe heading cannot reach the MDX.
  assert.ok(!mdx.includes("import x from 'y'"));
});

test('every seed round-trips through MDX unchanged', () => {
  for (const slug of seedSlugs()) assertRoundTrip(loadSeed(slug), builtSeed(slug), slug);
});

test('the five founding reports round-trip through MDX unchanged: 200 paragraphs', () => {
  const slugs = foundingSlugs();
  assert.equal(slugs.length, 5);
  let paragraphs = 0;
  for (const slug of slugs) {
    const built = builtFounding(slug);
    assertRoundTrip(loadFounding(slug), built, slug);
    paragraphs += built.texts.size;
  }
  assert.equal(paragraphs, 200);
});

/**
 * Returns, for a built report, where each figure and first is (expected) and where the body marks
 * one (found): `paragraph@offset:words` by id. A mark is on no other span and no id is marked twice.
 */
function marksOf({ record, mdx, texts }: Built, slug: string): { expected: Map<string, string>; found: Map<string, string> } {
  const expected = new Map<string, string>();
  for (const { paragraph } of paragraphsOf<Section, Paragraph>(record.outline)) {
    for (const f of [...paragraph.figures, ...paragraph.firsts]) expected.set(f.id, `${paragraph.id}@${f.at[0]}:${texts.get(paragraph.id)!.slice(f.at[0], f.at[1])}`);
  }
  const found = new Map<string, string>();
  const text = (n: BodyNode): string => (n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map(text).join(''));
  const visit = (n: BodyNode, paragraph: string, offset: { at: number }) => {
    if (n.type === 'mdxJsxFlowElement' && n.name === 'Para') [paragraph, offset] = [attribute(n, 'id')!, { at: 0 }];
    if (n.type === 'mdxJsxTextElement' && n.name === 'Mark') {
      const ref = attribute(n, 'ref')!;
      assert.ok(!found.has(ref), `${slug}: ${ref} marked twice`);
      found.set(ref, `${paragraph}@${offset.at}:${text(n)}`);
    }
    if (n.type === 'text') offset.at += (n.value ?? '').length;
    for (const c of n.children ?? []) visit(c, paragraph, offset);
  };
  visit(parseBody(mdx), '', { at: 0 });
  return { expected, found };
}

test('every seed: each mark in the body is a figure or first of the record, on its own span, once', () => {
  for (const slug of seedSlugs()) {
    const { expected, found } = marksOf(builtSeed(slug), slug);
    for (const [ref, at] of found) assert.equal(at, expected.get(ref), `${slug}: ${ref} is marked at ${at}`);
  }
});

test('in the five founding bodies every figure and first is marked once, on its own span', () => {
  for (const slug of foundingSlugs()) {
    const { expected, found } = marksOf(builtFounding(slug), slug);
    // Figures and firsts never overlap in these reports, so none loses its mark.
    assert.deepEqual(found, expected, slug);
  }
});

test('a sixth report in GB/T 9704 numbering gets the 一、→（一）→1.→（1） hierarchy', () => {
  const s = structureOf(fixtureSeed('gbt-numbering', 'gbt'));
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
  const seed = fixtureSeed('web-page', 'web');
  const s = structureOf(seed);
  assert.deepEqual(
    s.chrome.map((c) => c.part),
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
  // The box goes into the body as a <Glossary> around its label and definitions, each term set off as a <Dfn>.
  const { mdx, record } = build(seed);
  const label = [...paragraphsOf<Section, Paragraph>(record.outline)].find(({ paragraph }) => paragraph.role === 'box-label')!.paragraph;
  assert.match(mdx, new RegExp(`<Glossary id="g-${label.id.slice(2)}">\\s*<Para id="${label.id}">`));
  assert.match(mdx, /<Dfn>一网通办<\/Dfn>/);
  assert.match(mdx, /<Dfn>一窗受理<\/Dfn>/);
  // The metadata read from the byline goes into the record with the line it came from.
  assert.deepEqual([record.date, record.fromText.date], ['2019-07-15', seed.bodyLine + 2]);
});

test('a markdown seed keeps its structure: headings, lists, a table, a blockquote, emphasis and safe links', () => {
  const seed = fixtureSeed('markdown');
  const s = structureOf(seed);
  assert.deepEqual([...sectionsOf(s.root)].map((c) => `${c.level} ${c.heading}`), ['1 一、经济体制改革', '2 1. 营商环境', '1 二、社会体制改革']);
  const ps = [...paragraphsOf<SectionDraft, ParagraphDraft>(s.root)].map(({ paragraph }) => paragraph);
  assert.deepEqual(ps.filter((p) => p.role === 'item').map((p) => p.bullet), ['•', '•', '1.', '2.']);
  const table = ps.find((p) => p.role === 'table')!;
  assert.equal(table.text, '指标 | 2020年 | 2021年\n市场主体(万户) | 12 | 15\n开办时间 | 3天 | 1天');
  assert.equal(ps.find((p) => p.role === 'quote')!.text, '引用:改革没有完成时,只有进行时。');
  const { mdx, texts } = build(seed);
  const body = mdx.slice(mdx.indexOf('\n---\n', 4));
  assert.match(body, /\*\*混改项目5个\*\*/);
  assert.match(body, /\[市国资委网站\]\(https:\/\/example\.gov\.cn\/a\.html\)/);
  assert.ok(!body.includes('javascript:'), 'a javascript: link is not kept as a link');
  assert.match(body, /\\<img src=x onerror=alert\(1\)>/);
  // A list item's bullet is markup, carried as an attribute; the table reads back as the record counts it.
  assert.match(body, /<Para id="[^"]+" bullet="1\.">\s*第一项任务/);
  assert.equal(texts.get(table.id), table.text);
});
