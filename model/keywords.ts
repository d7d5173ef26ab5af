import { toSimplified } from './simplified.ts';

/**
 * Keyword evidence: which of a domain's keywords a text contains. The classifier decides with it
 * (pipeline/3-classify/domains.ts), and the site shows it beside a passage filed by keywords; the
 * record stores only that a tag came from keywords, since the words follow from the text and the taxonomy.
 * The text is read in its Simplified form (model/simplified.ts), so 行政許可 is the keyword 行政许可.
 */

/** Returns the keywords that occur in a text, leaving out any that is part of a longer keyword found too (改革 beside 深化改革). */
export function keywordsIn(text: string, keywords: string[]): string[] {
  const plain = toSimplified(text);
  const hits = keywords.filter((k) => plain.includes(k));
  return hits.filter((k) => !hits.some((other) => other !== k && other.includes(k)));
}
