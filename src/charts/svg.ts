/**
 * A tiny SVG serialiser for charts drawn at build time. D3 computes the geometry (scales, ticks,
 * bands); this module turns the resulting element tree into a string. There is no DOM at build
 * time, so building a plain tree and escaping it here keeps the charts pure and dependency-free.
 */

/** An SVG element: tag, attributes (undefined/false are left out) and children (elements or text). */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number | boolean | undefined>;
  children: (SvgNode | string)[];
}

/** Returns an element node; text children are escaped when serialised. */
export function el(tag: string, attrs: SvgNode['attrs'] = {}, ...children: (SvgNode | string | null | undefined | false | (SvgNode | string)[])[]): SvgNode {
  const flat: (SvgNode | string)[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flat.push(...child);
    else flat.push(child);
  }
  return { tag, attrs, children: flat };
}

/** Returns text with the five XML special characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Returns a coordinate rounded to two decimals, without trailing zeros (snapshots stay stable). */
export function round(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

function attrValue(value: string | number | true): string {
  if (value === true) return '';
  if (typeof value === 'number') return String(round(value));
  return value;
}

/** Returns the element serialised as SVG markup, one element per line for readable snapshots. */
export function render(node: SvgNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeXml(attrValue(v as string | number))}"`))
    .join('');
  if (node.children.length === 0) return `${pad}<${node.tag}${attrs}/>`;
  if (node.children.every((c) => typeof c === 'string')) return `${pad}<${node.tag}${attrs}>${escapeXml(node.children.join(''))}</${node.tag}>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? `${pad}  ${escapeXml(c)}` : render(c, depth + 1))).join('\n');
  return `${pad}<${node.tag}${attrs}>\n${inner}\n${pad}</${node.tag}>`;
}

/** Options every chart shares: an id prefix (unique on the page), a title and a description. */
export interface ChartBase {
  /** Prefix for ids inside the SVG (title, desc); must be unique on the page. */
  id: string;
  /** Title of the chart, read first by screen readers and shown as the SVG's <title>. */
  title: string;
  /** A sentence or two saying what the chart shows, for screen readers (<desc>). */
  description: string;
}

/**
 * Returns the outer <svg> element with <title> and <desc>. Charts whose marks are links are not
 * role="img" (that would hide the links from assistive technology); the others are.
 */
export function chartRoot(base: ChartBase, kind: string, width: number, height: number, children: SvgNode[], opts: { interactive?: boolean } = {}): SvgNode {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: `chart chart-${kind}`,
      viewBox: `0 0 ${round(width)} ${round(height)}`,
      width: round(width),
      height: round(height),
      role: opts.interactive ? 'group' : 'img',
      'aria-labelledby': `${base.id}-title ${base.id}-desc`,
      'font-family': 'inherit',
      fill: 'currentColor',
    },
    el('title', { id: `${base.id}-title` }, base.title),
    el('desc', { id: `${base.id}-desc` }, base.description),
    children,
  );
}

/** Returns a mark's tooltip text as a native <title> (hover without JS) plus data-tip for the script. */
export function tip(text: string): SvgNode {
  return el('title', {}, text);
}

/**
 * Returns an estimate of a label's width in pixels: CJK characters and full-width punctuation are
 * one em, other characters about 0.6 em. There is no font at build time; this errs on the wide side.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f—]/u.test(ch) ? 1 : 0.6;
  return ems * fontSize;
}
