import { unified } from 'unified';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { stringify as stringifyYaml } from 'yaml';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Paragraph, Section, TextMark } from './types.ts';

/**
 * The MDX body of a report is a flat run of components: <Heading> for each section heading and
 * <Para> for each paragraph, with <Marker>, <RunIn>, <Place>, <Dfn> and <Mark> (figures, firsts,
 * glossary terms) inside paragraphs and <Glossary> around a glossary box. All text sits in mdast text nodes and is escaped by
 * remark-mdx when serialised, so `<…>` and `{…}` in a report stay literal.
 */

/**
 * Returns a JSX string attribute. mdast-util-mdx-jsx escapes only the quote in attribute values,
 * while the MDX parser decodes character references in them, so `&` is escaped here to make
 * a value such as `&amp;` survive the round trip unchanged.
 */
function attr(name: string, value: string | number | undefined): MdxJsxAttribute[] {
  if (value === undefined || value === '') return [];
  return [{ type: 'mdxJsxAttribute', name, value: String(value).replace(/&/g, '&amp;') }];
}

function flow(name: string, attributes: MdxJsxAttribute[], children: RootContent[] = []): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes, children: children as MdxJsxFlowElement['children'] };
}

function span(name: string, children: PhrasingContent[], attributes: MdxJsxAttribute[] = []): PhrasingContent {
  return { type: 'mdxJsxTextElement', name, attributes, children } as unknown as PhrasingContent;
}

/** Returns the marks of a paragraph that do not overlap one another: earlier first, then longer. */
function usableMarks(p: Paragraph): TextMark[] {
  const sorted = [...(p.marks ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextMark[] = [];
  for (const m of sorted) {
    if (m.start < 0 || m.end > p.text.length || m.end <= m.start) continue;
    if (kept.length > 0 && m.start < kept[kept.length - 1].end) continue;
    kept.push(m);
  }
  return kept;
}

/** Returns the phrasing content of text[from, to), with the marks inside that range wrapped in <Mark>. */
function marked(text: string, from: number, to: number, marks: TextMark[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = from;
  for (const m of marks) {
    const start = Math.max(m.start, from);
    const end = Math.min(m.end, to);
    if (end <= start || start < at) continue;
    if (start > at) out.push({ type: 'text', value: text.slice(at, start) });
    out.push(span('Mark', [{ type: 'text', value: text.slice(start, end) }], [...attr('kind', m.kind), ...attr('ref', m.ref), ...attr('note', m.note)]));
    at = end;
  }
  if (to > at) out.push({ type: 'text', value: text.slice(at, to) });
  return out;
}

/**
 * Returns the phrasing content of a paragraph: the marker, run-in heading, place or defined term
 * set off as components, and figure, first and term marks inside the text. Every character of the
 * text is in exactly one text node, in order.
 */
function phrasing(p: Paragraph): PhrasingContent[] {
  const text = p.text;
  const marks = usableMarks(p);
  // Structural spans, in order: [start, end, component].
  const spans: Array<[number, number, string]> = [];
  let at = 0;
  if (p.marker && text.startsWith(p.marker)) {
    spans.push([0, p.marker.length, 'Marker']);
    at = p.marker.length;
  }
  if (p.runIn && text.startsWith(p.runIn, at)) {
    spans.push([at, at + p.runIn.length, 'RunIn']);
  } else if (p.place && text.startsWith(p.place, at)) {
    spans.push([at, at + p.place.length, 'Place']);
  } else if (p.term) {
    const quoted = text.indexOf(`“${p.term}”`, at);
    if (quoted >= 0) spans.push([quoted + 1, quoted + 1 + p.term.length, 'Dfn']);
  }
  const out: PhrasingContent[] = [];
  let pos = 0;
  for (const [start, end, name] of spans) {
    if (start > pos) out.push(...marked(text, pos, start, marks));
    out.push(span(name, marked(text, start, end, marks)));
    pos = end;
  }
  if (pos < text.length) out.push(...marked(text, pos, text.length, marks));
  return out;
}

function para(p: Paragraph): MdxJsxFlowElement {
  const attributes = [
    ...attr('id', p.id),
    ...attr('kind', p.kind === 'text' ? undefined : p.kind),
    ...attr('list', p.list),
    ...attr('bullet', p.bullet),
    ...attr('lines', p.lines[0] === p.lines[1] ? String(p.lines[0]) : p.lines.join('-')),
  ];
  // Markdown written by an editor keeps its own structure: a table, or inline markup (already made inert).
  if (p.table) return flow('Para', attributes, [p.table as RootContent]);
  const children = p.md ? (p.md as PhrasingContent[]) : phrasing(p);
  return flow('Para', attributes, [{ type: 'paragraph', children }]);
}

/** Returns the flow content for a section's paragraphs, wrapping each glossary box in <Glossary>. */
function paragraphsToFlow(paragraphs: Paragraph[]): RootContent[] {
  const out: RootContent[] = [];
  let box: MdxJsxFlowElement | undefined;
  for (const p of paragraphs) {
    if (p.kind === 'box-label') {
      box = flow('Glossary', attr('id', `g-${p.id.slice(2)}`), [para(p)]);
      out.push(box);
    } else if (p.kind === 'definition' && box) {
      box.children.push(para(p));
    } else {
      box = undefined;
      out.push(para(p));
    }
  }
  return out;
}

function heading(section: Section): MdxJsxFlowElement {
  return flow('Heading', [
    ...attr('id', section.id),
    ...attr('level', section.level),
    ...attr('number', section.number),
    ...attr('text', section.heading),
    ...attr('domains', (section.domains ?? []).map((t) => t.domain).join(' ')),
  ]);
}

/** Returns the mdast tree of a report's MDX file: a small YAML frontmatter (the slug) and the body. */
export function reportToMdast(frontmatter: object, root: Section): Root {
  const children: RootContent[] = [{ type: 'yaml', value: stringifyYaml(frontmatter, { lineWidth: 0, version: '1.1' }).trimEnd() }];
  const visit = (section: Section) => {
    if (section.level > 0) children.push(heading(section));
    children.push(...paragraphsToFlow(section.paragraphs));
    for (const child of section.children) visit(child);
  };
  visit(root);
  return { type: 'root', children };
}

/** Returns the MDX text of an mdast tree, serialised by remark-mdx. */
export function mdastToMdx(tree: Root): string {
  return unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).use(remarkStringify).stringify(tree);
}
