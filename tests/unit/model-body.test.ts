// model/body.ts: the MDX body written by the pipeline (bodyToMdx) and read back by the site
// (paragraphTexts, parseBody, attribute). The text of every paragraph must come back exactly,
// whatever marks and structural spans are set on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Table } from 'mdast';
import { BODY_COMPONENTS, attribute, bodyToMdx, paragraphTexts, parseBody, tableText, type BodyNode, type BodyParagraph, type BodySection } from '../../model/body.ts';

const item = '一是简政放权。投资报建审批事项由43项减少为35项,在全省率先完成。';
const at = (text: string, s: string, from = 0): [number, number] => {
  const i = text.indexOf(s, from);
  assert.ok(i >= 0, s);
  return [i, i + s.length];
};

const table: Table = {
  type: 'table',
  align: [null, null],
  children: [
    { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: '指标' }] }, { type: 'tableCell', children: [{ type: 'text', value: '2021年' }] }] },
    { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: '开办时间' }] }, { type: 'tableCell', children: [{ type: 'text', value: '1天' }] }] },
  ],
};

const paragraph = (id: string, text: string, extra: Partial<BodyParagraph> = {}): BodyParagraph => ({ id, text, role: 'text', marks: [], ...extra });

/** A hand-made report: text before the first heading, a section with every kind of paragraph, a subsection, a second section. */
const root: BodySection = {
  id: 'top',
  level: 0,
  paragraphs: [paragraph('p-000001', '开篇一段,无标题。')],
  children: [
    {
      id: 's-000001',
      level: 1,
      paragraphs: [
        paragraph('p-000002', item, {
          role: 'item',
          marker: [0, 2],
          runIn: [2, 7],
          marks: [
            { at: at(item, '简政放权'), ref: '放管服', term: true },
            { at: at(item, '由43项减少为35项'), ref: 'fig-00000001' },
            // Overlaps the change above: dropped, not nested.
            { at: at(item, '43项'), ref: 'fig-overlap' },
            { at: at(item, '在全省率先'), ref: 'first-00000001' },
            // Outside the text: dropped.
            { at: [item.length, item.length + 3], ref: 'fig-outside' },
          ],
        }),
        paragraph('p-000003', '越秀区推进“一网通办”。', { role: 'place', place: [0, 3] }),
        paragraph('p-000004', '表格', { role: 'table', text: tableText(table), table }),
        paragraph('p-000005', '第一项任务', { role: 'item', bullet: '1.' }),
      ],
      children: [
        {
          id: 's-000002',
          level: 2,
          paragraphs: [
            paragraph('p-000006', '名词解释', { role: 'box-label' }),
            paragraph('p-000007', '“一网通办”指群众办事只需登录一个平台。', { role: 'definition', defined: [1, 5] }),
            paragraph('p-000008', '框外一段{2017}<b>&amp;</b>`代码`*强调*\\{。', { marks: [{ at: [0, 2], ref: 'A&B', term: true }] }),
          ],
          children: [],
        },
      ],
    },
    { id: 's-000003', level: 1, paragraphs: [paragraph('p-000009', '混改项目5个', { md: [{ type: 'strong', children: [{ type: 'text', value: '混改项目5个' }] }] })], children: [] },
  ],
};

const mdx = bodyToMdx('demo', root);
const texts = paragraphTexts(mdx);

/** Returns the paragraphs of the hand-made report in document order. */
function allParagraphs(s: BodySection): BodyParagraph[] {
  return [...s.paragraphs, ...s.children.flatMap(allParagraphs)];
}

test('bodyToMdx → paragraphTexts gives every paragraph back character for character, in document order', () => {
  const expected = allParagraphs(root).map((p) => [p.id, p.text]);
  assert.deepEqual([...texts], expected);
  assert.equal(texts.get('p-000004'), '指标 | 2021年\n开办时间 | 1天');
  assert.equal(texts.get('p-000009'), '混改项目5个');
});

test('the body is frontmatter with the slug, then a <Heading id> per section and a <Para id> per paragraph', () => {
  assert.ok(mdx.startsWith('---\nslug: "demo"\n---\n'), mdx.slice(0, 40));
  const order: string[] = [];
  const visit = (n: BodyNode) => {
    if (n.type === 'mdxJsxFlowElement' && (n.name === 'Heading' || n.name === 'Para')) order.push(`${n.name} ${attribute(n, 'id')}`);
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') assert.ok((BODY_COMPONENTS as readonly string[]).includes(n.name!), `<${n.name}>`);
    n.children?.forEach(visit);
  };
  visit(parseBody(mdx));
  assert.deepEqual(order, [
    'Para p-000001',
    'Heading s-000001',
    'Para p-000002',
    'Para p-000003',
    'Para p-000004',
    'Para p-000005',
    'Heading s-000002',
    'Para p-000006',
    'Para p-000007',
    'Para p-000008',
    'Heading s-000003',
    'Para p-000009',
  ]);
  assert.match(mdx, /<Heading id="s-000001" \/>/);
  assert.ok(!mdx.includes('Heading id="top"'), 'the root has no heading');
});

test('marks wrap spans of text without losing or reordering a character; overlapping and outside marks are dropped', () => {
  assert.match(mdx, /<Marker>一是<\/Marker><RunIn><Term ref="放管服">简政放权<\/Term>。<\/RunIn>/);
  assert.match(mdx, /<Mark ref="fig-00000001">由43项减少为35项<\/Mark>/);
  assert.match(mdx, /<Mark ref="first-00000001">在全省率先<\/Mark>完成。/);
  assert.ok(!mdx.includes('fig-overlap'), 'an overlapping mark is dropped, not nested');
  assert.ok(!mdx.includes('fig-outside'));
  assert.match(mdx, /<Place>越秀区<\/Place>推进/);
  assert.match(mdx, /<Para id="p-000005" bullet="1\.">/);
});

test('a glossary box is wrapped in <Glossary>, its term set off as <Dfn>', () => {
  const box = (parseBody(mdx).children ?? []).find((n) => n.name === 'Glossary')!;
  assert.equal(attribute(box, 'id'), 'g-000006');
  assert.deepEqual(box.children!.map((n) => attribute(n, 'id')), ['p-000006', 'p-000007']);
  assert.match(mdx, /“<Dfn>一网通办<\/Dfn>”指/);
  // The paragraph after the box is outside it.
  assert.ok((parseBody(mdx).children ?? []).some((n) => n.name === 'Para' && attribute(n, 'id') === 'p-000008'));
});

test('text and attributes stay literal: braces, tags, entities, backslashes and & in a ref', () => {
  assert.equal(texts.get('p-000008'), '框外一段{2017}<b>&amp;</b>`代码`*强调*\\{。');
  let ref: string | undefined;
  const visit = (n: BodyNode) => {
    if (n.name === 'Term' && attribute(n, 'ref')?.startsWith('A')) ref = attribute(n, 'ref');
    n.children?.forEach(visit);
  };
  visit(parseBody(mdx));
  assert.equal(ref, 'A&B');
  const tree = parseBody(mdx);
  const executable = (n: BodyNode): boolean => ['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html'].includes(n.type) || (n.children ?? []).some(executable);
  assert.equal(executable(tree), false);
});

test('tableText joins cells with " | " and rows with line breaks', () => {
  assert.equal(tableText(table), '指标 | 2021年\n开办时间 | 1天');
});
