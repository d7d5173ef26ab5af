import { createHash } from 'node:crypto';
import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import { toSimplified } from '../../model/simplified.ts';
import type { GlossaryTerm } from '../../model/schemas/glossary-term.ts';
import type { ReportTerm, TermOccurrence } from '../../model/schemas/term.ts';
import type { BoxDefinition, ParagraphDraft, SectionDraft } from '../draft.ts';

/**
 * Term extraction: which reform terms a report uses, and where.
 *
 * Three sources, in order of authority: the kept glossary (content/glossary.json: a term and its
 * synonyms are found wherever they occur, quoted or not); the report's own glossary boxes
 * (·资料链接·: the term a definition defines); and short phrases the report sets in Chinese
 * quotes (“…”), which is how these reports mark a coined term or slogan. A quoted phrase is only
 * found where it is quoted: many are ordinary words (“新区”) that would over-match elsewhere.
 * Terms are found in the Simplified form of the text (model/simplified.ts keeps every offset), so a
 * term written in Traditional characters is the same term, with its occurrence where it is written.
 */

/** What the pipeline needs of a kept glossary term. */
export type KeptTerm = Pick<GlossaryTerm, 'term' | 'synonyms'>;

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

/** A heading or paragraph of an outline in document order: a heading (no p) before its section's paragraphs. */
interface Text {
  p?: ParagraphDraft;
  section: string;
  text: string;
}

/** Returns the headings and paragraphs (glossary-box labels left out) of an outline in document order. */
function textsInOrder(root: SectionDraft): Text[] {
  const out: Text[] = [];
  for (const s of [root, ...sectionsOf(root)]) {
    if (s.level > 0) out.push({ section: s.id, text: toSimplified(s.heading) });
    for (const p of s.paragraphs) if (p.role !== 'box-label') out.push({ p, section: s.id, text: toSimplified(p.text) });
  }
  return out;
}

/**
 * Returns every term the report uses, sorted by term: kept-glossary terms (found by the term and
 * its synonyms), terms its glossary boxes define (with the definition), and quoted terms; each
 * with its occurrences in section headings and paragraphs, in document order.
 */
export function extractTerms(root: SectionDraft, boxes: BoxDefinition[], kept: KeptTerm[]): ReportTerm[] {
  const headword = new Map<string, string>();
  for (const k of kept) for (const form of [k.term, ...k.synonyms]) headword.set(form, k.term);
  const forms = [...headword.keys()];
  const terms = new Map<string, ReportTerm>();
  const entry = (term: string): ReportTerm => {
    let t = terms.get(term);
    if (!t) {
      const slug = termSlug(term);
      t = { term, ...(slug !== term ? { slug } : {}), ...(kept.some((k) => k.term === term) ? { kept: true as const } : {}), occurrences: [] };
      terms.set(term, t);
    }
    return t;
  };
  for (const { p, section, text } of textsInOrder(root)) {
    const anchor = p ? p.id : section;
    const found: Array<{ term: string; occurrence: TermOccurrence }> = [];
    for (const m of findForms(text, forms)) {
      // 第四种形态 is "the fourth form", an ordinal phrase that merely contains the term.
      if (text[m.start - 1] === '第') continue;
      const term = headword.get(m.form)!;
      found.push({ term, occurrence: { anchor, at: [m.start, m.end], ...(m.form !== term ? { form: m.form } : {}) } });
    }
    for (const q of quotedTerms(text)) {
      if (headword.has(q.term)) continue; // already found as a kept term or synonym
      found.push({ term: q.term, occurrence: { anchor, at: [q.start, q.end] } });
    }
    // A box term that the text does not quote still occurs in its definition.
    const box = p && boxes.find((b) => b.paragraph === p.id);
    const boxTerm = box && toSimplified(box.term);
    if (boxTerm && !found.some((f) => f.term === (headword.get(boxTerm) ?? boxTerm))) {
      const at = text.indexOf(boxTerm);
      if (at >= 0) found.push({ term: boxTerm, occurrence: { anchor, at: [at, at + boxTerm.length] } });
    }
    found.sort((a, b) => a.occurrence.at[0] - b.occurrence.at[0] || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    for (const f of found) entry(f.term).occurrences.push(f.occurrence);
  }
  for (const box of boxes) {
    const boxTerm = toSimplified(box.term);
    const t = entry(headword.get(boxTerm) ?? boxTerm);
    if (t.definedIn === undefined) t.definedIn = box.paragraph;
  }
  return [...terms.values()].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/**
 * Adds a mark to the first occurrence of each kept-glossary term in each section, linking to the
 * term's page. A section's own paragraphs count, not those of its subsections, which get marks of their own.
 */
export function applyTermMarks(root: SectionDraft, terms: ReportTerm[]): void {
  const byParagraph = new Map<string, { p: ParagraphDraft; section: string }>();
  for (const { paragraph, section } of paragraphsOf<SectionDraft, ParagraphDraft>(root)) byParagraph.set(paragraph.id, { p: paragraph, section: section.id });
  const marked = new Set<string>();
  for (const term of terms) {
    if (!term.kept) continue;
    // Occurrences are in document order, so the first one met in a section is its first.
    for (const occurrence of term.occurrences) {
      const place = byParagraph.get(occurrence.anchor);
      if (!place) continue; // a heading carries no marks
      const key = `${place.section}\u0000${term.term}`;
      if (marked.has(key)) continue;
      marked.add(key);
      (place.p.marks ??= []).push({ at: occurrence.at, ref: term.slug ?? term.term, term: true });
    }
  }
}
