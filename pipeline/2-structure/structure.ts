import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Heading, PhrasingContent, Root, Table } from 'mdast';
import { tableText } from '../../model/body.ts';
import { sectionsOf } from '../../model/outline.ts';
import type { HeadingStyle } from '../../model/schemas/section.ts';
import { splitSourceLines } from '../1-read/lines.ts';
import type { BoxDefinition, ParagraphDraft, ReportStructure, SectionDraft, SourceLine } from '../draft.ts';
import { idMaker } from '../ids.ts';
import { detectChrome, readDateline } from './chrome.ts';
import {
  BOX_LABEL,
  DEFINITION,
  PLACE,
  PROJECT_GROUP,
  findAspectSplit,
  findOrdinalSplits,
  headingTitle,
  isHeadingContinuation,
  matchHeading,
  matchMarker,
  matchRunIn,
  styleRank,
  type HeadingMatch,
} from './headings.ts';

/** A block that markdown itself structures: the units it becomes, keyed by its first body line. */
interface MarkdownBlock {
  firstLine: number;
  lastLine: number;
  units: Unit[];
}

/** Returns the phrasing nodes of a markdown paragraph made inert: no positions, no images, no links but web and mail links, raw HTML as text. */
function inertPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node): PhrasingContent => {
    if (node.type === 'image') return { type: 'text', value: node.alt ?? '' };
    if (node.type === 'html') return { type: 'text', value: node.value };
    if (node.type === 'link') {
      const children = inertPhrasing(node.children);
      if (!/^(https?:\/\/|mailto:)/i.test(node.url)) return { type: 'emphasis', children } as unknown as PhrasingContent;
      return { type: 'link', url: node.url, title: node.title ?? null, children } as PhrasingContent;
    }
    if ('children' in node) return { ...node, position: undefined, children: inertPhrasing(node.children as PhrasingContent[]) } as PhrasingContent;
    const { position: _position, ...rest } = node as PhrasingContent & { position?: unknown };
    return rest as PhrasingContent;
  });
}

function hasInlineMarkup(nodes: PhrasingContent[]): boolean {
  return nodes.some((n) => n.type !== 'text' && n.type !== 'break');
}

/**
 * Returns the blocks of a body that markdown structures: ATX headings always; lists, GFM tables,
 * blockquotes and fenced code, and paragraphs with inline markup (emphasis, links, code) when the
 * body is written in markdown (it has any of those blocks). Everything else is left to the text rules.
 */
function markdownBlocks(body: string, firstLine: number): MarkdownBlock[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  const rawLines = body.split('\n');
  const isMarkdown = tree.children.some((n) => n.type === 'heading' || n.type === 'list' || n.type === 'table' || n.type === 'blockquote' || (n.type === 'code' && /^\s*(```|~~~)/.test(rawLines[(n.position?.start.line ?? 1) - 1] ?? '')));
  const blocks: MarkdownBlock[] = [];
  let listCount = 0;
  const at = (n: { position?: { start: { line: number }; end: { line: number } } }): [number, number] => [firstLine + n.position!.start.line - 1, firstLine + n.position!.end.line - 1];
  for (const node of tree.children) {
    if (!node.position) continue;
    const lines = at(node);
    if (node.type === 'heading') {
      const h = node as Heading;
      if (h.position!.start.line !== h.position!.end.line) continue; // setext headings are left to the text rules
      const m = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(rawLines[h.position!.start.line - 1].replace(/\r$/, ''));
      if (m) blocks.push({ firstLine: lines[0], lastLine: lines[1], units: [{ type: 'heading', match: { style: `markdown-${m[1].length}` as HeadingStyle, heading: m[2], continues: false }, lines }] });
      continue;
    }
    if (!isMarkdown) continue;
    if (node.type === 'list') {
      listCount++;
      const units: Unit[] = [];
      let n = node.start ?? 1;
      for (const item of node.children) {
        const bullet = node.ordered ? `${n++}.` : '•';
        const first = item.children.find((c) => c.type === 'paragraph');
        units.push({ type: 'text', text: toString(item), lines: at(item), role: 'item', bullet, md: first && first.type === 'paragraph' && item.children.length === 1 ? inertPhrasing(first.children) : undefined, list: `m${listCount}` });
      }
      blocks.push({ firstLine: lines[0], lastLine: lines[1], units });
    } else if (node.type === 'table') {
      const table = { ...node, position: undefined, children: node.children.map((row) => ({ ...row, position: undefined, children: row.children.map((cell) => ({ ...cell, position: undefined, children: inertPhrasing(cell.children) })) })) } as Table;
      const text = tableText(node);
      blocks.push({ firstLine: lines[0], lastLine: lines[1], units: [{ type: 'text', text, lines, role: 'table', table }] });
    } else if (node.type === 'blockquote') {
      const units: Unit[] = node.children.map((c) => ({ type: 'text' as const, text: toString(c), lines: at(c), role: 'quote' as const, md: c.type === 'paragraph' ? inertPhrasing(c.children) : undefined }));
      blocks.push({ firstLine: lines[0], lastLine: lines[1], units });
    } else if (node.type === 'code' && /^\s*(```|~~~)/.test(rawLines[node.position.start.line - 1] ?? '')) {
      blocks.push({ firstLine: lines[0], lastLine: lines[1], units: [{ type: 'text', text: node.value, lines }] });
    } else if (node.type === 'paragraph' && hasInlineMarkup(node.children)) {
      blocks.push({ firstLine: lines[0], lastLine: lines[1], units: [{ type: 'text', text: toString(node), lines, md: inertPhrasing(node.children) }] });
    }
  }
  return blocks;
}

type Unit =
  | { type: 'heading'; match: HeadingMatch; lines: [number, number] }
  | {
      type: 'text';
      text: string;
      lines: [number, number];
      /** Set for blocks that markdown structures: no text rules apply to them. */
      role?: 'item' | 'quote' | 'table';
      bullet?: string;
      md?: PhrasingContent[];
      table?: Table;
      list?: string;
    };

/** Returns the report's lines as heading and text units, joining headings that run over two lines. */
function toUnits(lines: SourceLine[], chromeLines: Set<number>, blocks: MarkdownBlock[]): Unit[] {
  const content = lines.filter((l) => l.text !== '' && !chromeLines.has(l.n));
  const byFirst = new Map(blocks.map((b) => [b.firstLine, b]));
  const units: Unit[] = [];
  for (let i = 0; i < content.length; i++) {
    const line = content[i];
    const block = byFirst.get(line.n);
    if (block) {
      units.push(...block.units);
      while (i + 1 < content.length && content[i + 1].n <= block.lastLine) i++;
      continue;
    }
    const match = BOX_LABEL.test(line.text) ? undefined : matchHeading(line.text);
    if (!match) {
      units.push({ type: 'text', text: line.text, lines: [line.n, line.n] });
      continue;
    }
    let last = line.n;
    const next = content[i + 1];
    const adjacent = next !== undefined && next.n === line.n + 1;
    const nextIsBlankSeparated = next !== undefined && !adjacent;
    if (match.continues && next && isHeadingContinuation(next.text) && (adjacent || nextIsBlankSeparated)) {
      // 1.深化经济体制改革—— / “一张蓝图绘到底”: the heading goes on after the dash.
      match.heading += '\n' + next.text;
      last = next.n;
      i++;
    } else if (match.style === 'plain' && next && adjacent && matchHeading(next.text)?.style === 'plain') {
      // Two short unpunctuated lines in a row are one two-line heading (政治站位高 / 改革落实深).
      match.heading += '\n' + next.text;
      last = next.n;
      i++;
    }
    units.push({ type: 'heading', match, lines: [line.n, last] });
    if (match.rest) units.push({ type: 'text', text: match.rest, lines: [line.n, line.n] });
  }
  return units;
}

/** Builds the outline from units: a stack of heading styles decides each heading's level. */
function buildOutline(units: Unit[]): SectionDraft {
  const root: SectionDraft = { id: '', level: 0, style: 'root', title: '', heading: '', lines: [0, 0], paragraphs: [], children: [] };
  const styleStack: HeadingStyle[] = [];
  const sectionStack: SectionDraft[] = [root];
  // Enumeration state within the current section.
  let nextOrdinal = 1;
  let list: { id: string; family: string } | undefined;
  let listCount = 0;
  let inBox = false;

  const current = () => sectionStack[sectionStack.length - 1];
  const push = (p: Omit<ParagraphDraft, 'id'>) => current().paragraphs.push({ id: '', ...p });

  for (const unit of units) {
    if (unit.type === 'heading') {
      const { match } = unit;
      let depth = styleStack.indexOf(match.style);
      if (depth >= 0) {
        styleStack.length = depth + 1;
      } else {
        const rank = styleRank(match.style);
        while (styleStack.length > 0 && rank !== undefined) {
          const topRank = styleRank(styleStack[styleStack.length - 1]);
          if (topRank === undefined || topRank <= rank) break;
          styleStack.pop();
        }
        styleStack.push(match.style);
        depth = styleStack.length - 1;
      }
      const section: SectionDraft = {
        id: '',
        level: depth + 1,
        style: match.style,
        number: match.number,
        title: headingTitle(match),
        heading: match.heading,
        lines: unit.lines,
        paragraphs: [],
        children: [],
      };
      if (match.lead) section.project = { lead: match.lead };
      sectionStack.length = depth + 1;
      sectionStack[sectionStack.length - 1].children.push(section);
      sectionStack.push(section);
      nextOrdinal = 1;
      list = undefined;
      inBox = false;
      continue;
    }

    const { text, lines } = unit;
    if (unit.role || unit.md) {
      // Structured by markdown as the editor wrote it: kept as is, no text rules.
      const role = unit.role ?? 'text';
      push({ role, text, lines, bullet: unit.bullet, md: unit.md, table: unit.table, list: unit.list });
      list = undefined;
      continue;
    }
    if (BOX_LABEL.test(text)) {
      push({ role: 'box-label', text, lines });
      inBox = true;
      list = undefined;
      continue;
    }
    const def = DEFINITION.exec(text);
    if (inBox && def) {
      push({ role: 'definition', text, lines, term: def[1] });
      continue;
    }
    inBox = false;

    // Split a paragraph that runs several enumeration items together (…。二是…。三是…).
    const first = matchMarker(text);
    const startOrdinal = first?.family === 'ordinal' ? first.ordinal! + 1 : nextOrdinal;
    const splits = findOrdinalSplits(text, startOrdinal);
    if (first?.family === 'aspect') {
      const at = findAspectSplit(text);
      if (at > 0) splits.push(at);
    }
    const pieces: string[] = [];
    let prev = 0;
    for (const at of splits) {
      pieces.push(text.slice(prev, at));
      prev = at;
    }
    pieces.push(text.slice(prev));

    for (const piece of pieces) {
      const body = piece.replace(/[ \u00a0\u3000]+$/, '');
      if (body === '') continue;
      const marker = matchMarker(body);
      if (marker) {
        if (!list || list.family !== marker.family) {
          listCount++;
          list = { id: `l${listCount}`, family: marker.family };
        }
        if (marker.ordinal !== undefined) nextOrdinal = marker.ordinal + 1;
        const afterMarker = body.slice(marker.marker.length);
        const sep = /^[,，:：]/.exec(afterMarker)?.[0] ?? '';
        const runIn = matchRunIn(afterMarker.slice(sep.length), true);
        push({ role: 'item', text: body, lines, marker: marker.marker, runIn: runIn ? sep + runIn : undefined, list: list.id });
      } else {
        // A news dateline (本报讯 …) opens the text; it is not a run-in heading.
        const runIn = readDateline(body) ? undefined : matchRunIn(body, false);
        // A paragraph after an item continues it (主要任务:… under 一是…), until the next heading.
        push({ role: 'text', text: body, lines, runIn, list: list?.id });
      }
    }
  }
  return root;
}

function* walk(root: SectionDraft): Generator<SectionDraft> {
  yield root;
  yield* sectionsOf(root);
}

/** Marks runs of three or more paragraphs that each open with a different sub-jurisdiction (越秀区…, 海珠区…). */
function markPlaces(root: SectionDraft): void {
  for (const section of walk(root)) {
    const ps = section.paragraphs;
    let i = 0;
    while (i < ps.length) {
      let j = i;
      const names = new Set<string>();
      while (j < ps.length && ps[j].role === 'text') {
        const m = PLACE.exec(ps[j].text);
        if (!m || names.has(m[1])) break;
        names.add(m[1]);
        j++;
      }
      if (j - i >= 3) {
        for (let k = i; k < j; k++) {
          ps[k].role = 'place';
          ps[k].place = PLACE.exec(ps[k].text)![1];
          ps[k].runIn = undefined;
        }
        i = j;
      } else {
        i++;
      }
    }
  }
}

/** Assigns stable ids: sections from their printed heading, paragraphs from their text. */
function assignIds(root: SectionDraft): void {
  const sectionId = idMaker('s');
  const paragraphId = idMaker('p');
  root.id = 'top';
  for (const section of walk(root)) {
    if (section !== root) section.id = sectionId(section.heading);
    for (const p of section.paragraphs) p.id = paragraphId(p.text);
  }
}

/**
 * Returns the structure of a report body: chrome set aside, sections with levels and stable ids,
 * paragraphs with markers and run-in headings, glossary definitions, projects (on their sections) and place lists.
 * `firstLine` is the seed-file line number of the body's first line; `title` the report's title.
 */
export function detectStructure(body: string, firstLine: number, title: string): ReportStructure {
  const lines = splitSourceLines(body, firstLine);
  const { chrome, meta } = detectChrome(lines, title);
  const chromeLines = new Set(chrome.map((c) => c.line));
  const units = toUnits(lines, chromeLines, markdownBlocks(body, firstLine));
  const root = buildOutline(units);
  markPlaces(root);
  assignIds(root);

  const glossary: BoxDefinition[] = [];
  for (const section of walk(root)) {
    for (const p of section.paragraphs) {
      if (p.role === 'definition' && p.term) glossary.push({ term: p.term, definition: p.text, paragraph: p.id, section: section.id });
    }
    if (section.number) {
      const group = section.paragraphs.map((p) => PROJECT_GROUP.exec(p.text)?.[1]).find((g) => g !== undefined);
      if (group) section.project = { ...section.project, group };
    }
  }
  return { root, chrome, meta, glossary };
}
