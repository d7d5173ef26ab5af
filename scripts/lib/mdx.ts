import { unified } from 'unified';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import { stringify as stringifyYaml } from 'yaml';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Paragraph, Section } from './types.ts';

/**
 * The MDX body of a report is a flat run of components: <Heading> for each section heading and
 * <Para> for each paragraph, with <Marker>, <RunIn>, <Place> and <Dfn> inside paragraphs and
 * <Glossary> around a glossary box. All text sits in mdast text nodes and is escaped by
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

function span(name: string, value: string): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: [], children: [{ type: 'text', value }] };
}

/** Returns the phrasing content of a paragraph: marker, run-in heading, place or term set off, then the text. */
function phrasing(p: Paragraph): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let rest = p.text;
  if (p.marker && rest.startsWith(p.marker)) {
    out.push(span('Marker', p.marker) as unknown as PhrasingContent);
    rest = rest.slice(p.marker.length);
  }
  if (p.runIn && rest.startsWith(p.runIn)) {
    out.push(span('RunIn', p.runIn) as unknown as PhrasingContent);
    rest = rest.slice(p.runIn.length);
  } else if (p.place && rest.startsWith(p.place)) {
    out.push(span('Place', p.place) as unknown as PhrasingContent);
    rest = rest.slice(p.place.length);
  } else if (p.term) {
    const quoted = `“${p.term}”`;
    const at = rest.indexOf(quoted);
    if (at >= 0) {
      out.push({ type: 'text', value: rest.slice(0, at + 1) });
      out.push(span('Dfn', p.term) as unknown as PhrasingContent);
      rest = rest.slice(at + quoted.length - 1);
    }
  }
  if (rest !== '') out.push({ type: 'text', value: rest });
  return out;
}

function para(p: Paragraph): MdxJsxFlowElement {
  const attributes = [
    ...attr('id', p.id),
    ...attr('kind', p.kind === 'text' ? undefined : p.kind),
    ...attr('list', p.list),
    ...attr('lines', p.lines[0] === p.lines[1] ? String(p.lines[0]) : p.lines.join('-')),
  ];
  return flow('Para', attributes, [{ type: 'paragraph', children: phrasing(p) }]);
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
  ]);
}

/** Returns the mdast tree (with a YAML frontmatter node) of a report's MDX file. */
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
  return unified().use(remarkFrontmatter, ['yaml']).use(remarkMdx).use(remarkStringify).stringify(tree);
}
