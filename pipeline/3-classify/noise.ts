import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import type { ParagraphDraft, SectionDraft } from '../draft.ts';

/**
 * Scraped noise: a paragraph copied into a reform page from an unrelated article. It is flagged for
 * an editor's review with the reasons, never removed. Two general signals:
 * - citation markers of academic writing ([7], [7][8], [3-5]), which reform reports do not use;
 * - vocabulary far from the rest of the report and from the reform lexicon (the taxonomy's headings
 *   and keywords, the glossary's terms): the share of the paragraph's distinct Han-character
 *   bigrams that occur in the report's other paragraphs and headings or in the lexicon.
 * Thresholds were chosen on fixtures (tests/fixtures/pipeline/noise-*) and the founding reports,
 * none of whose paragraphs is flagged (tests/unit/noise.test.ts).
 */

/** Academic citation markers: [7], [7][8], [3-5], [2,4]. */
export const CITATION = /\[\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*\](?:\s*\[\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*\])*/gu;

/** Fewer distinct bigrams than this, and the vocabulary share says too little to count. */
export const MIN_BIGRAMS = 24;
/**
 * Below this share of shared bigrams a paragraph is flagged on vocabulary alone. Measured: the
 * founding reports' paragraphs share 0.20 to 1 (lowest 0.21, a list entry on elderly care), the
 * fixtures' reform paragraphs 0.21 to 1, their foreign paragraphs 0.00 and 0.01.
 */
export const FAR = 0.15;
/** Below this share a paragraph with a citation marker is flagged (a citation in a reform text alone is not enough). */
export const NEAR = 0.4;

/** Returns the distinct Han-character bigrams of a text (across punctuation no bigram is formed). */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff\uf900-\ufaff]{2,}/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/** What the noise test compares a paragraph with, besides the report: the reform lexicon's words. */
export type Lexicon = string[];

/** The measures behind a flag. */
export interface NoiseSignals {
  citations: string[];
  /** Share of the paragraph's distinct bigrams found elsewhere in the report or in the lexicon, or undefined when too short to say. */
  shared?: number;
}

/** Returns the reasons (in Chinese) a paragraph with these signals is flagged, or [] when it is not. */
export function noiseReasons(s: NoiseSignals): string[] {
  const reasons: string[] = [];
  const far = s.shared !== undefined && s.shared < FAR;
  const cited = s.citations.length > 0 && (s.shared === undefined || s.shared < NEAR);
  if (cited) reasons.push(`含学术文献的引注标号 ${s.citations.join('、')}`);
  if (far || (cited && s.shared !== undefined)) {
    reasons.push(`用词与本报告其余部分和改革词表相距较远:只有 ${Math.round(100 * s.shared!)}% 的双字词在别处出现`);
  }
  return far || cited ? reasons : [];
}

/** Returns the signals of every paragraph of an outline, by paragraph id (box labels and tables left out). */
export function noiseSignals(root: SectionDraft, lexicon: Lexicon): Map<string, NoiseSignals> {
  const lexiconGrams = new Set<string>();
  for (const w of lexicon) for (const g of bigrams(w)) lexiconGrams.add(g);
  // How many times each bigram occurs across the report's units (paragraphs and headings), to take one unit's own out.
  const counts = new Map<string, number>();
  const add = (grams: Set<string>) => {
    for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  };
  for (const s of sectionsOf(root)) add(bigrams(s.heading));
  const paragraphs = [...paragraphsOf<SectionDraft, ParagraphDraft>(root)].map(({ paragraph }) => paragraph);
  const gramsOf = new Map(paragraphs.map((p) => [p.id, bigrams(p.text)]));
  for (const p of paragraphs) add(gramsOf.get(p.id)!);
  const signals = new Map<string, NoiseSignals>();
  for (const p of paragraphs) {
    if (p.role === 'box-label' || p.role === 'table') continue;
    const own = gramsOf.get(p.id)!;
    const citations = [...p.text.matchAll(CITATION)].map((m) => m[0].replace(/\s+/gu, ''));
    let shared: number | undefined;
    if (own.size >= MIN_BIGRAMS) {
      const found = [...own].filter((g) => counts.get(g)! > 1 || lexiconGrams.has(g)).length;
      shared = found / own.size;
    }
    signals.set(p.id, { citations, shared });
  }
  return signals;
}

/** Returns the paragraphs flagged as possible noise, by id, each with its reasons in Chinese. */
export function detectNoise(root: SectionDraft, lexicon: Lexicon): Map<string, string[]> {
  const flagged = new Map<string, string[]>();
  for (const [id, s] of noiseSignals(root, lexicon)) {
    const reasons = noiseReasons(s);
    if (reasons.length > 0) flagged.set(id, reasons);
  }
  return flagged;
}
