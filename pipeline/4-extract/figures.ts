import Nzh from 'nzh';
import { paragraphsOf } from '../../model/outline.ts';
import type { Figure } from '../../model/schemas/figure.ts';
import type { Span } from '../../model/schemas/span.ts';
import { UNITS } from '../../model/units.ts';
import type { First } from '../../model/schemas/first.ts';
import { toSimplified } from '../../model/simplified.ts';
import { CN_NUMERAL_CHARS, SCOPES, SCOPE_UNSTATED, sentenceSpan } from '../../model/zh.ts';
import type { ParagraphDraft, SectionDraft } from '../draft.ts';
import { idMaker } from '../ids.ts';

/**
 * Figures and "firsts" found in report text.
 *
 * A figure is a number with the unit that says what it counts (项, 次, 天, %, 万元 …), optionally a
 * before→after change (由20.7天缩短至5天). Dates, years and document numbers carry no such unit
 * (年, 月, 日, 号 are not units here), which is what keeps them out. Chinese numerals are read by
 * nzh; a lone 一 is an article far more often than a count, so it never makes a figure, and short
 * quoted slogans (“四个全面”) are skipped.
 *
 * A first is a claim to have done something first or best (在全省率先, 全国首个, 排名第一位, 走在前列)
 * with the scope it claims (全国, 全省, 全市 …).
 *
 * Both point at their paragraph and span (model/schemas/figure.ts, first.ts); the words and the
 * sentence are read from the text there. They are found in the paragraph's Simplified form
 * (model/simplified.ts keeps every offset), so 100項 has the unit 项 and 在全省率先 the scope 全省.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT_RE = UNITS.map(([u]) => escape(u)).join('|');
/**
 * A number as printed: Arabic digits with decimals, or Chinese numerals. No thousands commas: the
 * seeds punctuate with ASCII commas (5个工作日,60分钟), where 1,200 and a list would be ambiguous.
 */
const NUM_RE = `\\d+(?:\\.\\d+)?|[${CN_NUMERAL_CHARS}]+?`;
const APPROX_AFTER = '多|余';
const APPROX_BEFORE = ['超过', '近', '约', '逾', '超'];
const CHANGE_VERBS = '缩短|减少|压缩|简化|精简|降低|下降|提高|提升|增加|增长|扩大|压减|削减|调高|调整|调|提速';

/** Characters that cannot stand right before a number that starts a figure (digits, ordinals, letters). */
const NOT_BEFORE = `[\\d.A-Za-z第${CN_NUMERAL_CHARS}]`;
const CHANGE = new RegExp(`(?<!${NOT_BEFORE})[由从](${NUM_RE})(${UNIT_RE})?(${CHANGE_VERBS})(?:了)?(?:至|为|到)(${NUM_RE})(${APPROX_AFTER})?(${UNIT_RE})`, 'gu');
// After 百分之 no unit follows to stop a lazy Chinese numeral, so there it is read whole (百分之三十 is 30, not 3).
const PERCENT_NUM_RE = `\\d+(?:\\.\\d+)?|[${CN_NUMERAL_CHARS}]+`;
const SINGLE = new RegExp(`(?<!${NOT_BEFORE})(?:百分之(${PERCENT_NUM_RE})|(${NUM_RE})(${APPROX_AFTER})?(${UNIT_RE}))`, 'gu');

/** Stops for the phrase a figure quantifies. */
const PHRASE_STOP = /[,,。;;、::!!??()()“”"《》\s]|以上|以下|左右|和|及|与|等/u;

/** Returns a number read from Arabic or Chinese digits, or NaN when it is not one. */
export function parseNumber(printed: string): number {
  const ascii = printed.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(ascii)) return Number(ascii);
  if (!new RegExp(`^[${CN_NUMERAL_CHARS}]+$`, 'u').test(printed)) return NaN;
  // nzh reads 二 but not the colloquial 两, and 〇 only as 零.
  const decoded = Number(Nzh.cn.decodeS(printed.replace(/两/g, '二').replace(/〇/g, '零')));
  return Number.isFinite(decoded) && decoded > 0 ? decoded : NaN;
}

const isChinese = (printed: string) => new RegExp(`^[${CN_NUMERAL_CHARS}]+$`, 'u').test(printed);

/** Ranges of short quoted phrases (slogans such as “四个全面”, “三集中”), where Chinese numerals are names, not counts. */
function quotedSlogans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/“([^“”]{1,12})”/gu)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Whether a Chinese numeral quantifies here: never a lone 一, never inside a slogan, never as a single digit with 个 (四个意识). */
function chineseNumeralCounts(printed: string, unit: string, at: number, slogans: Array<[number, number]>): boolean {
  if (slogans.some(([a, b]) => at >= a && at < b)) return false;
  // A lone 一 is an article (一个重要举措); a lone 二 is an ordinal or adjective (二次开发): counts say 两.
  if (printed === '一' || printed === '二' || printed === '零' || printed === '〇') return false;
  if ([...printed].length === 1 && unit === '个') return false;
  return true;
}

function sentenceAround(text: string, start: number, end: number): string {
  const [from, to] = sentenceSpan(text, start, end);
  return text.slice(from, to);
}

const MAX_PHRASE = 12;

/** Returns the span of the words a figure quantifies: the noun right after it, or else the clause before it. */
export function quantifiedPhrase(text: string, start: number, end: number): Span {
  const from = text[end] === '的' ? end + 1 : end;
  let i = from;
  while (i < text.length && i - from < MAX_PHRASE) {
    const rest = text.slice(i);
    const stop = PHRASE_STOP.exec(rest);
    if (stop && stop.index === 0) break;
    if (new RegExp(`^(?:${NUM_RE})`, 'u').test(rest) && /\d/.test(rest[0])) break;
    i++;
  }
  const after = text.slice(from, i);
  // A verb right after the figure (增长, 提高) means the figure is an object: read the words before instead.
  if ([...after].length >= 2 && !/^(?:比|较|同比|增长|下降|提高|降低|以上|左右|中|里|内|的)/u.test(after)) return [from, i];
  let j = start;
  while (j > 0 && start - j < MAX_PHRASE && !PHRASE_STOP.test(text[j - 1])) j--;
  const before = text.slice(j, start).replace(/(?:共|累计|达到|达|为|约|近|超过|逾|全年|合计|总计)+$/u, '');
  return before ? [j, j + before.length] : [from, i];
}

/** A figure found in one text: what the record stores, with its span as start/end, its words and its sentence. */
interface Found extends Omit<Figure, 'id' | 'paragraph' | 'at'> {
  start: number;
  end: number;
  /** The figure as printed. */
  text: string;
  sentence: string;
}

/** Returns the figures of one text (offsets into it), in order, changes first where they overlap. */
export function figuresInText(text: string): Found[] {
  const found: Found[] = [];
  const taken: Array<[number, number]> = [];
  const slogans = quotedSlogans(text);
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  for (const m of text.matchAll(CHANGE)) {
    const [whole, fromText, fromUnit, verb, toText, approx, toUnit] = m;
    const from = parseNumber(fromText);
    const to = parseNumber(toText);
    if (Number.isNaN(from) || Number.isNaN(to)) continue;
    if (fromUnit && fromUnit !== toUnit) continue;
    const start = m.index;
    const end = start + whole.length;
    taken.push([start, end]);
    found.push({
      start,
      end,
      text: whole,
      value: to,
      unit: toUnit,
      change: { from, to, verb },
      ...(approx ? { approx } : {}),
      phrase: quantifiedPhrase(text, start, end),
      sentence: sentenceAround(text, start, end),
    });
  }
  for (const m of text.matchAll(SINGLE)) {
    const [whole, percentOf, numText, approxAfter, unitText] = m;
    const printed = percentOf ?? numText;
    const unit = percentOf ? '%' : unitText;
    const start = m.index;
    const end = start + whole.length;
    if (!free(start, end)) continue;
    const value = parseNumber(printed);
    if (Number.isNaN(value)) continue;
    if (isChinese(printed) && !percentOf && !chineseNumeralCounts(printed, unit, start, slogans)) continue;
    // A number glued to a preceding 年/月 digit run is part of a date (2018年9月30日) — the lookbehind
    // already rules out digits; 号/年/月/日 are not units, so the remaining risk is none.
    const approxBefore = APPROX_BEFORE.find((a) => text.slice(Math.max(0, start - a.length), start) === a);
    const approx = approxAfter ?? approxBefore;
    taken.push([start, end]);
    found.push({
      start,
      end,
      text: whole,
      value,
      unit,
      ...(approx ? { approx } : {}),
      phrase: quantifiedPhrase(text, start, end),
      sentence: sentenceAround(text, start, end),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

const SCOPE_RE = [...SCOPES].sort((a, b) => b.length - a.length).map(escape).join('|');
/** Claims of being first, each with the claim it makes; a scope inside the match wins over one found nearby. */
const FIRST_PATTERNS: Array<{ re: RegExp; claim: First['claim'] }> = [
  { re: new RegExp(`(?:在|于)?(${SCOPE_RE})?(?:范围内)?率先(?:在(${SCOPE_RE}))?`, 'gu'), claim: '率先' },
  { re: new RegExp(`(${SCOPE_RE})(?:的|范围内)?(?:首个|首家|首批|首创|首例|首张|首单|首部|首条|第一个|第一家|第一批|第一所|第一张)`, 'gu'), claim: '首个' },
  { re: new RegExp(`走在(${SCOPE_RE})?(?:的)?前列|(${SCOPE_RE})领先|(${SCOPE_RE})?第一(?:方阵|梯队)`, 'gu'), claim: '前列' },
  { re: new RegExp(`(?:排名|位居|名列|位列|居)(${SCOPE_RE})?第一(?:位|名)?|(${SCOPE_RE})第一(?![个家批所张次])`, 'gu'), claim: '第一' },
];

/** Words that make a first a goal rather than a claim: 以率先建成…为目标, 争创…走在前列, 打造1个全国领先的…. */
const ASPIRATION = /(?:争创|力争|争取|努力|打造|目标|以)[^,,。;;]*$/u;

/** Whether the claim at `start` is an aim (in the same clause after 争创, 力争, 以 …) rather than something done. */
function isAspiration(text: string, start: number): boolean {
  const clause = text.slice(Math.max(0, start - 12), start);
  return ASPIRATION.test(clause) && /(?:争创|力争|争取|努力|打造|目标)|以$/u.test(clause.split(/[,,。;;]/u).at(-1) ?? '');
}

/** A claim found in one text, with its span as start/end, its words and its sentence. */
interface FoundFirst extends Omit<First, 'id' | 'paragraph' | 'at' | 'repeatOf'> {
  start: number;
  end: number;
  text: string;
  sentence: string;
}

/** Returns the claims of being first in one text (offsets into it), in order. */
export function firstsInText(text: string): FoundFirst[] {
  const found: FoundFirst[] = [];
  for (const { re, claim } of FIRST_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      if (isAspiration(text, start)) continue;
      const sentence = sentenceAround(text, start, end);
      const inside = m.slice(1).find((g) => g !== undefined);
      // Without a scope in the claim, the nearest scope word before it in the same sentence.
      const sentenceStart = text.lastIndexOf(sentence, start);
      const before = text.slice(Math.max(sentenceStart, 0), start);
      const nearby = [...before.matchAll(new RegExp(SCOPE_RE, 'gu'))].at(-1)?.[0];
      found.push({ start, end, text: m[0], claim, scope: inside ?? nearby ?? SCOPE_UNSTATED, sentence });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Paragraph roles that hold the report's own statements (glossary boxes and labels define, they do not report). */
const REPORTING = new Set<ParagraphDraft['role']>(['text', 'item', 'place', 'table']);

/** A figure or first with the id of the paragraph it was found in. */
export type Located<T> = T & { paragraph: string };

/** Returns every figure and first of an outline, in document order, with stable ids; `report` is the report's slug. */
export function extractFigures(root: SectionDraft, report: string): { figures: Array<Located<Figure>>; firsts: Array<Located<First>> } {
  const figureId = idMaker('fig', 8);
  const firstId = idMaker('first', 8);
  const figures: Array<Located<Figure>> = [];
  const found: Array<FoundFirst & { id: string; paragraph: string; repeatOf?: string }> = [];
  for (const { paragraph } of paragraphsOf<SectionDraft, ParagraphDraft>(root)) {
    if (!REPORTING.has(paragraph.role)) continue;
    const plain = toSimplified(paragraph.text);
    for (const { start, end, text, sentence: _sentence, ...f } of figuresInText(plain)) {
      figures.push({ id: figureId(`${report}\u0000${paragraph.id}\u0000${text}`), at: [start, end], ...f, paragraph: paragraph.id });
    }
    for (const f of firstsInText(plain)) {
      found.push({ id: firstId(`${report}\u0000${paragraph.id}\u0000${f.text}`), paragraph: paragraph.id, ...f });
    }
  }
  markRepeatedFirsts(found);
  const firsts = found.map(({ id, paragraph, start, end, claim, scope, repeatOf }): Located<First> => ({ id, at: [start, end], claim, scope, ...(repeatOf ? { repeatOf } : {}), paragraph }));
  return { figures, firsts };
}

const bare = (sentence: string) => sentence.replace(/[\s\p{P}]/gu, '');

/** Sets repeatOf on firsts that restate another first of the same report (same claim, sentence contained in the other's). */
function markRepeatedFirsts(firsts: Array<FoundFirst & { id: string; repeatOf?: string }>): void {
  firsts.forEach((f, i) => {
    const mine = bare(f.sentence);
    const other = firsts.find((g, j) => {
      if (j === i || g.text !== f.text || g.repeatOf) return false;
      const theirs = bare(g.sentence);
      return theirs === mine ? j < i : theirs.includes(mine);
    });
    if (other) f.repeatOf = other.id;
  });
}

/** Stores every figure and first in the paragraph it was found in, with a mark on its words. */
export function applyFigures(root: SectionDraft, figures: Array<Located<Figure>>, firsts: Array<Located<First>>): void {
  const byParagraph = new Map<string, ParagraphDraft>();
  for (const { paragraph } of paragraphsOf<SectionDraft, ParagraphDraft>(root)) byParagraph.set(paragraph.id, paragraph);
  for (const { paragraph, ...figure } of figures) {
    const p = byParagraph.get(paragraph)!;
    (p.figures ??= []).push(figure);
    (p.marks ??= []).push({ at: figure.at, ref: figure.id });
  }
  for (const { paragraph, ...first } of firsts) {
    const p = byParagraph.get(paragraph)!;
    (p.firsts ??= []).push(first);
    (p.marks ??= []).push({ at: first.at, ref: first.id });
  }
}
