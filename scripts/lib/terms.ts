import { createHash } from 'node:crypto';
import type { GlossaryDefinition, Paragraph, Section, TextMark } from './types.ts';

/**
 * Term extraction: which reform terms a report uses, and where.
 *
 * Three sources, in order of authority: the kept glossary (content/glossary.json: a term and its
 * synonyms are found wherever they occur, quoted or not); the report's own glossary boxes
 * (·资料链接·: the term a definition defines); and short phrases the report sets in Chinese
 * quotes (“…”), which is how these reports mark a coined term or slogan. A quoted phrase is only
 * found where it is quoted: many are ordinary words (“新区”) that would over-match elsewhere.
 */

/** What the pipeline needs of a kept glossary term. */
export interface KeptTerm {
  term: string;
  definition: string;
  synonyms: string[];
}

/**
 * A place where a term occurs: in a paragraph (UTF-16 offsets into its text, end exclusive) or,
 * without a paragraph, in the heading of the section (offsets into the heading as printed).
 */
export interface TermOccurrence {
  /** Id of the paragraph; absent when the term is in the section heading. */
  paragraph?: string;
  section: string;
  start: number;
  end: number;
  /** The words as written, when they are a synonym rather than the term itself. */
  form?: string;
  /** True when the words stand inside “…”. */
  quoted: boolean;
}

/** A term one report uses, with every occurrence in document order. */
export interface ReportTerm {
  term: string;
  /** URL segment of the term's page: the term itself, or t- and a hash when the term cannot be one. */
  slug: string;
  /** True for a term of the kept glossary. */
  kept: boolean;
  /** The report's own definition, when one of its glossary boxes defines the term. */
  definition?: string;
  occurrences: TermOccurrence[];
}

/** A quoted phrase longer than this many characters is a slogan or a sentence, not a term. */
export const MAX_TERM_LENGTH = 12;
/** Punctuation that ends or splits a clause: a quoted phrase holding one is a quotation, not a term. */
const CLAUSE_PUNCTUATION = /[,,。;;::!!??…]/;

/** Returns true when a quoted phrase can be a term: 2 to MAX_TERM_LENGTH characters, no clause punctuation, no title marks or line break. */
export function isTermLike(phrase: string): boolean {
  const length = [...phrase].length;
  if (length < 2 || length > MAX_TERM_LENGTH) return false;
  if (CLAUSE_PUNCTUATION.test(phrase) || /[《》〈〉\n“”]/.test(phrase)) return false;
  return phrase.trim() === phrase;
}

/** Returns the term-like phrases set in “…” in a text, with the offsets of the phrase inside the quotes. */
export function quotedTerms(text: string): Array<{ term: string; start: number; end: number }> {
  const found: Array<{ term: string; start: number; end: number }> = [];
  for (const m of text.matchAll(/“([^“”\n]+)”/g)) {
    if (!isTermLike(m[1])) continue;
    const start = m.index + 1;
    found.push({ term: m[1], start, end: start + m[1].length });
  }
  return found;
}

/** Returns the URL segment of a term's page: the term itself when it is safe in a path, else t- and six hex digits of its SHA-1. */
export function termSlug(term: string): string {
  if (/^[^/\\?#%\s.][^/\\?#%\s]*$/.test(term)) return term;
  return `t-${createHash('sha1').update(term).digest('hex').slice(0, 6)}`;
}

/**
 * Returns the non-overlapping matches of any of `forms` in a text: at each place the longest
 * form wins (两新组织 over 两新), then matches are taken left to right.
 */
export function findForms(text: string, forms: string[]): Array<{ form: string; start: number; end: number }> {
  const candidates: Array<{ form: string; start: number; end: number }> = [];
  for (const form of forms) {
    if (!form) continue;
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) candidates.push({ form, start: at, end: at + form.length });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof candidates = [];
  for (const c of candidates) if (kept.length === 0 || c.start >= kept[kept.length - 1].end) kept.push(c);
  return kept;
}

/** Returns the paragraphs of an outline in document order, each with the id of its section. */
function paragraphsInOrder(root: Section): Array<{ p: Paragraph; section: string }> {
  return textsInOrder(root).flatMap((t) => (t.p ? [{ p: t.p, section: t.section }] : []));
}

/** Returns the headings and paragraphs of an outline in document order: a heading (no p) before its section's paragraphs. */
function textsInOrder(root: Section): Array<{ p?: Paragraph; section: string; text: string }> {
  const out: Array<{ p?: Paragraph; section: string; text: string }> = [];
  const visit = (s: Section) => {
    if (s.level > 0) out.push({ section: s.id, text: s.heading });
    for (const p of s.paragraphs) if (p.kind !== 'box-label') out.push({ p, section: s.id, text: p.text });
    s.children.forEach(visit);
  };
  visit(root);
  return out;
}

/**
 * Returns every term the report uses, sorted by term: kept-glossary terms (found by the term and
 * its synonyms), terms its glossary boxes define (with the definition), and quoted terms; each
 * with its occurrences in section headings and paragraphs, in document order.
 */
export function extractTerms(root: Section, boxes: GlossaryDefinition[], kept: KeptTerm[]): ReportTerm[] {
  const headword = new Map<string, string>();
  for (const k of kept) for (const form of [k.term, ...k.synonyms]) headword.set(form, k.term);
  const forms = [...headword.keys()];
  const terms = new Map<string, ReportTerm>();
  const entry = (term: string): ReportTerm => {
    let t = terms.get(term);
    if (!t) {
      t = { term, slug: termSlug(term), kept: kept.some((k) => k.term === term), occurrences: [] };
      terms.set(term, t);
    }
    return t;
  };
  for (const { p, section, text } of textsInOrder(root)) {
    const where = p ? { paragraph: p.id, section } : { section };
    const found: Array<{ term: string; occurrence: TermOccurrence }> = [];
    for (const m of findForms(text, forms)) {
      // 第四种形态 is "the fourth form", an ordinal phrase that merely contains the term.
      if (text[m.start - 1] === '第') continue;
      const term = headword.get(m.form)!;
      const quoted = text[m.start - 1] === '“' && text[m.end] === '”';
      found.push({ term, occurrence: { ...where, start: m.start, end: m.end, ...(m.form !== term ? { form: m.form } : {}), quoted } });
    }
    for (const q of quotedTerms(text)) {
      if (headword.has(q.term)) continue; // already found as a kept term or synonym
      found.push({ term: q.term, occurrence: { ...where, start: q.start, end: q.end, quoted: true } });
    }
    // A box term that the text does not quote still occurs in its definition.
    const box = p && boxes.find((b) => b.paragraph === p.id);
    if (box && !found.some((f) => f.term === (headword.get(box.term) ?? box.term))) {
      const at = text.indexOf(box.term);
      if (at >= 0) found.push({ term: box.term, occurrence: { ...where, start: at, end: at + box.term.length, quoted: false } });
    }
    found.sort((a, b) => a.occurrence.start - b.occurrence.start || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    for (const f of found) entry(f.term).occurrences.push(f.occurrence);
  }
  for (const box of boxes) {
    const t = entry(headword.get(box.term) ?? box.term);
    if (t.definition === undefined) t.definition = box.definition;
  }
  return [...terms.values()].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/**
 * Returns the term marks of each paragraph (by paragraph id): the first occurrence of each
 * kept-glossary term in each section, linking to the term's page with its definition as the note.
 * A section's own paragraphs count, not those of its subsections, which get marks of their own.
 */
export function termMarks(terms: ReportTerm[], kept: KeptTerm[]): Map<string, TextMark[]> {
  const definitions = new Map(kept.map((k) => [k.term, k.definition]));
  const firsts = new Map<string, { term: ReportTerm; occurrence: TermOccurrence }>();
  for (const term of terms) {
    if (!term.kept) continue;
    // Occurrences are in document order, so the first one met in a section is its first.
    for (const occurrence of term.occurrences) {
      if (!occurrence.paragraph) continue; // a heading carries no marks
      const key = `${occurrence.section}\u0000${term.term}`;
      if (!firsts.has(key)) firsts.set(key, { term, occurrence });
    }
  }
  const marks = new Map<string, TextMark[]>();
  for (const { term, occurrence } of firsts.values()) {
    const list = marks.get(occurrence.paragraph!) ?? [];
    list.push({ start: occurrence.start, end: occurrence.end, kind: 'term', ref: term.slug, note: definitions.get(term.term) });
    marks.set(occurrence.paragraph!, list);
  }
  for (const list of marks.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return marks;
}

/** Adds the term marks to the paragraphs of an outline (after any marks they have) and returns how many were added. */
export function applyTermMarks(root: Section, marks: Map<string, TextMark[]>): number {
  let added = 0;
  for (const { p } of paragraphsInOrder(root)) {
    const mine = marks.get(p.id);
    if (!mine) continue;
    p.marks = [...(p.marks ?? []), ...mine];
    added += mine.length;
  }
  return added;
}
