import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { sectionsOf } from './outline.ts';
import type { Span } from './schemas/span.ts';

/**
 * The MDX body of a report (content/reports/<slug>.mdx), both directions: the pipeline writes it
 * with bodyToMdx, the site reads the paragraph texts back with paragraphTexts. It is the one place
 * a report's text is stored after the seed. Everything else about a paragraph or section (role,
 * level, domains, figures) is in the record under the same id, which the components look up.
 *
 * The body is a flat run of components: <Heading id> for each section heading and <Para id> for
 * each paragraph, <Glossary id> around a glossary box, and inside a paragraph <Marker>, <RunIn>,
 * <Place>, <Dfn> for its structure and <Mark ref> (a figure or first) or <Term ref> (a glossary
 * term) on the words the record points at. All text sits in mdast text nodes and is escaped by
 * remark-mdx when serialised, so `<…>` and `{…}` in a report stay literal.
 */

/** Every component the body uses; nothing else may appear in it. */
export const BODY_COMPONENTS = ['Heading', 'Para', 'Glossary', 'Marker', 'RunIn', 'Place', 'Dfn', 'Mark', 'Term'] as const;

/** A span of a paragraph to mark: a figure or first (`ref` its id) or a glossary term (`ref` its page slug). */
export interface BodyMark {
  at: Span;
  ref: string;
  term?: boolean;
}

/** A paragraph as the body needs it: its id and text, the structural spans to set off and the marks. */
export interface BodyParagraph {
  id: string;
  text: string;
  /** box-label opens a glossary box; the definitions after it go inside. */
  role: string;
  /** Bullet or number of a markdown list item: markup, not text. */
  bullet?: string;
  /** Enumeration marker (一是, ——) at the start of the text. */
  marker?: Span;
  /** Run-in heading (after the marker). */
  runIn?: Span;
  /** The place name opening an entry of a list of sub-jurisdictions. */
  place?: Span;
  /** The term a glossary-box definition defines, inside its quotes. */
  defined?: Span;
  marks: BodyMark[];
  /** A markdown paragraph with inline markup, made inert: rendered instead of `text`. */
  md?: PhrasingContent[];
  /** A markdown table, made inert. */
  table?: Table;
}

/** A section as the body needs it. */
export interface BodySection {
  id: string;
  level: number;
  paragraphs: BodyParagraph[];
  children: BodySection[];
}

/**
 * Returns a JSX string attribute. mdast-util-mdx-jsx escapes only the quote in attribute values,
 * while the MDX parser decodes character references in them, so `&` is escaped here to make a
 * value such as `&amp;` survive the round trip unchanged.
 */
function attr(name: string, value: string | undefined): MdxJsxAttribute[] {
  if (value === undefined || value === '') return [];
  return [{ type: 'mdxJsxAttribute', name, value: value.replace(/&/g, '&amp;') }];
}

function flow(name: string, attributes: MdxJsxAttribute[], children: RootContent[] = []): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes, children: children as MdxJsxFlowElement['children'] };
}

function span(name: string, children: PhrasingContent[], attributes: MdxJsxAttribute[] = []): PhrasingContent {
  return { type: 'mdxJsxTextElement', name, attributes, children } as unknown as PhrasingContent;
}

/** Returns the marks that do not overlap one another and lie inside the text: earlier first, then longer. */
function usableMarks(p: BodyParagraph): BodyMark[] {
  const sorted = [...p.marks].sort((a, b) => a.at[0] - b.at[0] || b.at[1] - a.at[1]);
  const kept: BodyMark[] = [];
  for (const m of sorted) {
    const [start, end] = m.at;
    if (start < 0 || end > p.text.length || end <= start) continue;
    if (kept.length > 0 && start < kept[kept.length - 1].at[1]) continue;
    kept.push(m);
  }
  return kept;
}

/** Returns the phrasing content of text[from, to), with the marks inside that range wrapped in <Mark> or <Term>. */
function marked(text: string, from: number, to: number, marks: BodyMark[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = from;
  for (const m of marks) {
    const start = Math.max(m.at[0], from);
    const end = Math.min(m.at[1], to);
    if (end <= start || start < at) continue;
    if (start > at) out.push({ type: 'text', value: text.slice(at, start) });
    // A mark that a run-in or marker cuts in two is written as two pieces; only the first carries the anchor.
    const continued = start > m.at[0] ? attr('continued', 'true') : [];
    out.push(span(m.term ? 'Term' : 'Mark', [{ type: 'text', value: text.slice(start, end) }], [...attr('ref', m.ref), ...continued]));
    at = end;
  }
  if (to > at) out.push({ type: 'text', value: text.slice(at, to) });
  return out;
}

/** Returns the phrasing content of a paragraph: its structural spans set off, marks inside; every character in exactly one text node, in order. */
function phrasing(p: BodyParagraph): PhrasingContent[] {
  const marks = usableMarks(p);
  const spans: Array<[Span, string]> = [];
  if (p.marker) spans.push([p.marker, 'Marker']);
  if (p.runIn) spans.push([p.runIn, 'RunIn']);
  else if (p.place) spans.push([p.place, 'Place']);
  else if (p.defined) spans.push([p.defined, 'Dfn']);
  const out: PhrasingContent[] = [];
  let pos = 0;
  for (const [[start, end], name] of spans) {
    if (start < pos || end > p.text.length) continue;
    if (start > pos) out.push(...marked(p.text, pos, start, marks));
    out.push(span(name, marked(p.text, start, end, marks)));
    pos = end;
  }
  if (pos < p.text.length) out.push(...marked(p.text, pos, p.text.length, marks));
  return out;
}

function para(p: BodyParagraph): MdxJsxFlowElement {
  const attributes = [...attr('id', p.id), ...attr('bullet', p.bullet)];
  // Markdown written by an editor keeps its own structure: a table, or inline markup (already made inert).
  if (p.table) return flow('Para', attributes, [p.table]);
  return flow('Para', attributes, [{ type: 'paragraph', children: p.md ?? phrasing(p) }]);
}

/** Returns the flow content of a section's paragraphs, each glossary box wrapped in <Glossary>. */
function paragraphsToFlow(paragraphs: BodyParagraph[]): RootContent[] {
  const out: RootContent[] = [];
  let box: MdxJsxFlowElement | undefined;
  for (const p of paragraphs) {
    if (p.role === 'box-label') {
      box = flow('Glossary', attr('id', `g-${p.id.slice(2)}`), [para(p)]);
      out.push(box);
    } else if (p.role === 'definition' && box) {
      box.children.push(para(p));
    } else {
      box = undefined;
      out.push(para(p));
    }
  }
  return out;
}

/** Returns the MDX text of a report body: frontmatter with the slug, then the sections in document order. */
export function bodyToMdx(slug: string, root: BodySection): string {
  const children: RootContent[] = [{ type: 'yaml', value: `slug: ${JSON.stringify(slug)}` }];
  for (const section of [root, ...sectionsOf(root)]) {
    if (section.level > 0) children.push(flow('Heading', attr('id', section.id)));
    children.push(...paragraphsToFlow(section.paragraphs));
  }
  const tree: Root = { type: 'root', children };
  return unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).use(remarkStringify).stringify(tree);
}

/** Returns a markdown table's text as the record counts it: cells joined by ' | ', rows by line breaks. */
export function tableText(table: Table): string {
  return table.children.map((row) => row.children.map((cell) => plainText(cell as BodyNode)).join(' | ')).join('\n');
}

/** A node of a parsed body, as reading it needs. */
export interface BodyNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: Array<{ type: string; name: string; value?: unknown }>;
  children?: BodyNode[];
}

function plainText(n: BodyNode): string {
  if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
  if (n.type === 'table') return tableText(n as unknown as Table);
  return (n.children ?? []).map(plainText).join('');
}

/** Returns the parsed tree of an MDX body (frontmatter allowed). */
export function parseBody(mdx: string): BodyNode {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).parse(mdx) as BodyNode;
}

/** Returns the value of a string attribute of a JSX element. */
export function attribute(node: BodyNode, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

/** Returns the text of every paragraph of an MDX body, by paragraph id, exactly as the pipeline stored it. */
export function paragraphTexts(mdx: string): Map<string, string> {
  const texts = new Map<string, string>();
  const visit = (n: BodyNode) => {
    if (n.type === 'mdxJsxFlowElement' && n.name === 'Para') {
      const id = attribute(n, 'id');
      if (id) texts.set(id, plainText(n));
      return;
    }
    n.children?.forEach(visit);
  };
  visit(parseBody(mdx));
  return texts;
}
