/**
 * Chinese text helpers shared by the pipeline and the site: numerals, sentence ends and the scopes
 * that claims of being first name. One definition of each, so the two sides cannot drift apart.
 */

/** The digits one to nine as GB/T 9704 numbering writes them (一、 二、 …). */
export const CN_DIGITS = '一二三四五六七八九';

/** Every character a Chinese number can be written with: 零 to 亿, the colloquial 两 and 〇. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Characters that end a sentence, full-width and ASCII. */
export const SENTENCE_END_CHARS = '。！？!?';

const SENTENCE_END = new RegExp(`[${SENTENCE_END_CHARS}]`, 'u');

/** Returns true when a character ends a sentence. */
export function isSentenceEnd(ch: string): boolean {
  return SENTENCE_END.test(ch);
}

/** Returns the Chinese numeral for 1–99 (一, 十, 十一, 二十三). */
export function chineseNumeral(n: number): string {
  const digit = (d: number) => CN_DIGITS[d - 1];
  if (n <= 10) return n === 10 ? '十' : digit(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : digit(tens)) + '十' + (ones ? digit(ones) : '');
}

/** Returns the value of a Chinese numeral 1–99, or undefined. */
export function parseChineseNumeral(s: string): number | undefined {
  for (let n = 1; n < 100; n++) if (chineseNumeral(n) === s) return n;
  return undefined;
}

/**
 * Returns the span [start, end) of the sentence around text[from, to): back to just after the
 * previous sentence end or line break, forward through the next sentence end (a line break ends
 * it without being included), with surrounding whitespace left out.
 */
export function sentenceSpan(text: string, from: number, to: number): [number, number] {
  const ends = (ch: string) => ch === '\n' || isSentenceEnd(ch);
  let start = from;
  while (start > 0 && !ends(text[start - 1])) start--;
  let end = to;
  while (end < text.length && !ends(text[end])) end++;
  if (end < text.length && text[end] !== '\n') end++;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return [start, end];
}

/** Returns the sentence around text[from, to) (see sentenceSpan). */
export function sentenceAround(text: string, from: number, to: number): string {
  const [start, end] = sentenceSpan(text, from, to);
  return text.slice(start, end);
}

/**
 * The scopes a claim of being first can name (在全省率先, 全国首个), widest first: the order charts
 * stack them in. Matching tries longer names first, whatever this order.
 */
export const SCOPES = ['全球', '全国', '国内', '全国同类城市', '全国地级市', '同类城市', '地级市', '全省', '省内', '珠三角', '长株潭', '全市', '市内', '全区', '全县'] as const;

/** The scope of a claim whose sentence names none. */
export const SCOPE_UNSTATED = '未说明';

/** Returns a scope's place in the widest-first order; unknown scopes and 未说明 come last. */
export function scopeRank(scope: string): number {
  const i = (SCOPES as readonly string[]).indexOf(scope);
  return i === -1 ? SCOPES.length : i;
}
