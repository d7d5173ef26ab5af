// On a report page reached from search (?term=河长制#s-…), marks every occurrence of the terms in
// the report text and brings the first one at or after the linked section into view. The text is
// matched across element boundaries (a term may be split by a figure mark or a glossary link).
import { findOccurrences } from './search-terms.ts';

/** Returns the visible text nodes of the report body, skipping page tools and hidden search markup. */
function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[data-pagefind-ignore], script, style, [hidden]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Returns the marks wrapped around every occurrence of the terms under root, in document order. */
export function markTerms(root: Element, terms: string[]): HTMLElement[] {
  const nodes = textNodes(root);
  const starts: number[] = [];
  let text = '';
  for (const n of nodes) {
    starts.push(text.length);
    text += n.data;
  }
  const ranges = findOccurrences(text, terms);
  const marks: HTMLElement[] = [];
  // Wrap from the end so that splitting a node never shifts an offset still to be used.
  for (let r = ranges.length - 1; r >= 0; r--) {
    const { start, end } = ranges[r];
    const pieces: HTMLElement[] = [];
    for (let i = nodes.length - 1; i >= 0; i--) {
      const nodeStart = starts[i];
      const nodeEnd = nodeStart + nodes[i].data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      let node = nodes[i];
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeEnd) - nodeStart;
      if (to < node.data.length) node.splitText(to);
      if (from > 0) node = node.splitText(from);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      node.replaceWith(mark);
      mark.append(node);
      pieces.unshift(mark);
    }
    marks.unshift(...pieces);
  }
  return marks;
}

/** Returns nothing; marks the terms of ?term= and scrolls to the first one at or after the #target. */
export function highlightArrival(): void {
  const terms = new URLSearchParams(location.search).getAll('term').filter(Boolean);
  const root = document.querySelector('[data-pagefind-body]');
  if (!terms.length || !root) return;
  const marks = markTerms(root, terms);
  if (!marks.length) return;
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const first =
    (target &&
      marks.find((m) => target.contains(m) || Boolean(target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING))) ||
    marks[0];
  const passage = first.closest<HTMLElement>('.para, .sec-h') ?? first;
  passage.classList.add('search-landing');
  if (!passage.hasAttribute('tabindex')) passage.setAttribute('tabindex', '-1');
  // The browser scrolls to the #fragment (and resets focus) once the page has loaded: land after it.
  const land = () => {
    passage.scrollIntoView({ block: 'center' });
    passage.focus({ preventScroll: true });
  };
  if (document.readyState === 'complete') requestAnimationFrame(land);
  else addEventListener('load', () => requestAnimationFrame(land), { once: true });
}
