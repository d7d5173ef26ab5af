// Exact-term matching for search, shared by the search page and the report page's highlighter.
// Pagefind segments Chinese differently at index and query time, so its own phrase search can
// miss a page and its plain search over-matches; these functions decide on the page text itself.

/** A span of text: [start, end) in UTF-16 code units. */
export interface TextRange {
  start: number;
  end: number;
}

/** One piece of an excerpt: plain text, or a matched term. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/** A stretch of page text under one heading (or before the first). */
export interface TextSection {
  /** Anchor id of the heading; undefined for the text before the first heading. */
  id?: string;
  title: string;
  start: number;
  end: number;
}

const QUOTES = /["“”„「」『』'‘’]/g;

/** Returns the terms of a query: split on spaces (ASCII or ideographic), quotes dropped, duplicates removed. */
export function queryTerms(query: string): string[] {
  const terms = query
    .replace(QUOTES, ' ')
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  return [...new Set(terms)];
}

/** Returns true if the text contains a Han character (a Chinese query). */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/**
 * Returns the text lower-cased with whitespace next to a non-ASCII character removed, and for each
 * character kept its index in the original. Chinese runs need no spaces, and Pagefind's page text
 * has spaces where the HTML had inline elements (a figure mark inside a sentence: 增长 15.5%).
 */
export function matchableText(text: string): { text: string; index: number[] } {
  const out: string[] = [];
  const index: number[] = [];
  // Lower-cased one code unit at a time, so indexes stay aligned (a few letters lower-case to two).
  const lower = text
    .split('')
    .map((c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c))
    .join('');
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    if (/\s/.test(ch)) {
      let j = i;
      while (j + 1 < lower.length && /\s/.test(lower[j + 1])) j++;
      const before = out.length ? out[out.length - 1] : '';
      const after = lower[j + 1] ?? '';
      const drop = before.charCodeAt(0) > 0x7f || after.charCodeAt(0) > 0x7f || !before || !after;
      if (!drop) {
        out.push(' ');
        index.push(i);
      }
      i = j;
      continue;
    }
    out.push(ch);
    index.push(i);
  }
  return { text: out.join(''), index };
}

/** Returns true if every term occurs in the text (case-insensitive for Latin letters; see matchableText). */
export function containsAllTerms(text: string, terms: string[]): boolean {
  const haystack = matchableText(text).text;
  return terms.length > 0 && terms.every((t) => haystack.includes(matchableText(t).text));
}

/** Returns every occurrence of any term in the text, sorted and without overlaps (the earlier, then longer, wins). */
export function findOccurrences(text: string, terms: string[]): TextRange[] {
  const { text: haystack, index } = matchableText(text);
  const found: TextRange[] = [];
  for (const term of terms) {
    const needle = matchableText(term).text;
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      found.push({ start: index[at], end: index[at + needle.length - 1] + 1 });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextRange[] = [];
  for (const r of found) if (!kept.length || r.start >= kept[kept.length - 1].end) kept.push(r);
  return kept;
}

/**
 * Returns the text cut into sections at the given headings, found in order in the text; a heading
 * that cannot be found is skipped. The first section (before any heading) has no id.
 */
export function splitSections(text: string, headings: Array<{ id: string; text: string }>, pageTitle: string): TextSection[] {
  const sections: TextSection[] = [{ title: pageTitle, start: 0, end: text.length }];
  let from = 0;
  for (const h of headings) {
    const heading = h.text.trim();
    if (!heading) continue;
    const at = text.indexOf(heading, from);
    if (at === -1) continue;
    sections[sections.length - 1].end = at;
    sections.push({ id: h.id, title: heading, start: at, end: text.length });
    from = at + heading.length;
  }
  return sections.filter((s) => s.end > s.start);
}

/**
 * Returns an excerpt of about `width` characters around the first range, as parts with every
 * range inside it marked; `before`/`after` say whether text was cut at either end.
 */
export function excerptAround(text: string, ranges: TextRange[], width = 60): { parts: ExcerptPart[]; before: boolean; after: boolean } {
  if (!ranges.length) return { parts: [{ text: text.slice(0, width), match: false }], before: false, after: text.length > width };
  const first = ranges[0];
  const lead = Math.max(0, Math.floor((width - (first.end - first.start)) / 3));
  const start = Math.max(0, first.start - lead);
  const end = Math.min(text.length, Math.max(start + width, first.end));
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const r of ranges) {
    if (r.start < start || r.end > end) continue;
    if (r.start > at) parts.push({ text: text.slice(at, r.start), match: false });
    parts.push({ text: text.slice(r.start, r.end), match: true });
    at = r.end;
  }
  if (at < end) parts.push({ text: text.slice(at, end), match: false });
  return { parts, before: start > 0, after: end < text.length };
}
