import { createHash } from 'node:crypto';
import Nzh from 'nzh';
import type { Paragraph, Section, TextMark } from './types.ts';

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
 */

/** What a figure measures, from its unit. */
export type FigureKind = 'count' | 'percent' | 'points' | 'money' | 'area' | 'duration';

/** A number found in report text, with its unit and the words around it. */
export interface Figure {
  /** Stable id, fig- and eight hex digits from report, paragraph and text; the anchor on the report page. */
  id: string;
  report: string;
  jurisdiction: string;
  section: string;
  paragraph: string;
  /** UTF-16 offsets of `text` in the paragraph text. */
  start: number;
  end: number;
  /** The span as printed: 115项, 由20.7天缩短至5天, 百分之三十. */
  text: string;
  /** The number (for a change, the value after it), as printed times nothing: 2.3万元 is 2.3 with unit 万元. */
  value: number;
  /** The unit as printed: 项, 个工作日, 万元, %. */
  unit: string;
  kind: FigureKind;
  /** A change from one value to another, when the text says so. */
  change?: { from: number; to: number; verb: string };
  /** Hedge printed with the number: 多, 余, 近, 约, 超过 …. */
  approx?: string;
  /** How the number is written. */
  numeral: 'arabic' | 'chinese';
  /** The words the figure quantifies: the noun after the unit, or else the words before the number. */
  phrase: string;
  /** The sentence the figure is in. */
  sentence: string;
  /** Reform domains of the paragraph. */
  domains: string[];
}

/** A claim of being first or leading. */
export interface First {
  /** Stable id, first- and eight hex digits; the anchor on the report page. */
  id: string;
  report: string;
  jurisdiction: string;
  section: string;
  paragraph: string;
  start: number;
  end: number;
  /** The claim as printed: 在全省率先, 全国首批, 排名第一位. */
  text: string;
  /** 率先 (did it first), 首个 (the first one of its kind), 第一 (ranked first), 前列 (among the leaders). */
  claim: '率先' | '首个' | '第一' | '前列';
  /** Where the claim holds: 全国, 全省, 全市 …, or 未说明 when the sentence names none. */
  scope: string;
  sentence: string;
  domains: string[];
  /**
   * Id of another first of the same report that makes the same claim in a longer (or earlier,
   * identical) sentence — a run-in heading restated by its paragraph, a summary repeated. Counts
   * of firsts leave these out.
   */
  repeatOf?: string;
}

/** Which report the figures come from. */
export interface FigureContext {
  report: string;
  jurisdiction: string;
}

/** Units in the order they are tried (longest first where one is a prefix of another). */
const UNITS: Array<[string, FigureKind]> = [
  ['个百分点', 'points'],
  ['百分点', 'points'],
  ['个工作日', 'duration'],
  ['工作日', 'duration'],
  ['个小时', 'duration'],
  ['个月', 'duration'],
  ['小时', 'duration'],
  ['分钟', 'duration'],
  ['天', 'duration'],
  ['平方公里', 'area'],
  ['平方千米', 'area'],
  ['万平方米', 'area'],
  ['平方米', 'area'],
  ['万亩', 'area'],
  ['亩', 'area'],
  ['公顷', 'area'],
  ['亿元', 'money'],
  ['万元', 'money'],
  ['元', 'money'],
  ['%', 'percent'],
  ['％', 'percent'],
  ['万人次', 'count'],
  ['人次', 'count'],
  ['件次', 'count'],
  ['家次', 'count'],
  ['万人', 'count'],
  ['万户', 'count'],
  ['万家', 'count'],
  ['万件', 'count'],
  ['万个', 'count'],
  ['项', 'count'],
  ['个', 'count'],
  ['次', 'count'],
  ['家', 'count'],
  ['件', 'count'],
  ['宗', 'count'],
  ['人', 'count'],
  ['名', 'count'],
  ['所', 'count'],
  ['户', 'count'],
  ['份', 'count'],
  ['张', 'count'],
  ['期', 'count'],
  ['条', 'count'],
  ['批次', 'count'],
  ['批', 'count'],
  ['场', 'count'],
  ['座', 'count'],
  ['套', 'count'],
  ['台', 'count'],
  ['篇', 'count'],
  ['轮', 'count'],
];
const UNIT_KIND = new Map(UNITS);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT_RE = UNITS.map(([u]) => escape(u)).join('|');
const CN_DIGITS = '零〇一二两三四五六七八九十百千万亿';
/**
 * A number as printed: Arabic digits with decimals, or Chinese numerals. No thousands commas: the
 * seeds punctuate with ASCII commas (5个工作日,60分钟), where 1,200 and a list would be ambiguous.
 */
const NUM_RE = `\\d+(?:\\.\\d+)?|[${CN_DIGITS}]+?`;
const APPROX_AFTER = '多|余';
const APPROX_BEFORE = ['超过', '近', '约', '逾', '超'];
const CHANGE_VERBS = '缩短|减少|压缩|简化|精简|降低|下降|提高|提升|增加|增长|扩大|压减|削减|调高|调整|调|提速';

/** Characters that cannot stand right before a number that starts a figure (digits, ordinals, letters). */
const NOT_BEFORE = `[\\d.A-Za-z第${CN_DIGITS}]`;
const CHANGE = new RegExp(`(?<!${NOT_BEFORE})[由从](${NUM_RE})(${UNIT_RE})?(${CHANGE_VERBS})(?:了)?(?:至|为|到)(${NUM_RE})(${APPROX_AFTER})?(${UNIT_RE})`, 'gu');
const SINGLE = new RegExp(`(?<!${NOT_BEFORE})(?:百分之(${NUM_RE})|(${NUM_RE})(${APPROX_AFTER})?(${UNIT_RE}))`, 'gu');

/** Stops for the phrase a figure quantifies. */
const PHRASE_STOP = /[,,。;;、::!!??()()“”"《》\s]|以上|以下|左右|和|及|与|等/u;
const SENTENCE_END = /[。!!??\n]/u;

/** Returns a number read from Arabic or Chinese digits, or NaN when it is not one. */
export function parseNumber(printed: string): number {
  const ascii = printed.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(ascii)) return Number(ascii);
  if (!new RegExp(`^[${CN_DIGITS}]+$`, 'u').test(printed)) return NaN;
  // nzh reads 二 but not the colloquial 两, and 〇 only as 零.
  const decoded = Number(Nzh.cn.decodeS(printed.replace(/两/g, '二').replace(/〇/g, '零')));
  return Number.isFinite(decoded) && decoded > 0 ? decoded : NaN;
}

const isChinese = (printed: string) => new RegExp(`^[${CN_DIGITS}]+$`, 'u').test(printed);

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
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to])) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return text.slice(from, to).trim();
}

const MAX_PHRASE = 12;

/** Returns the words a figure quantifies: the noun right after it, or else the clause before it. */
export function quantifiedPhrase(text: string, start: number, end: number): string {
  let after = '';
  let i = end;
  if (text[i] === '的') i++;
  while (i < text.length && after.length < MAX_PHRASE) {
    const rest = text.slice(i);
    const stop = PHRASE_STOP.exec(rest);
    if (stop && stop.index === 0) break;
    if (new RegExp(`^(?:${NUM_RE})`, 'u').test(rest) && /\d/.test(rest[0])) break;
    after += text[i];
    i++;
  }
  // A verb right after the figure (增长, 提高) means the figure is an object: read the words before instead.
  if ([...after].length >= 2 && !/^(?:比|较|同比|增长|下降|提高|降低|以上|左右|中|里|内|的)/u.test(after)) return after;
  let before = '';
  let j = start;
  while (j > 0 && before.length < MAX_PHRASE) {
    const ch = text[j - 1];
    if (PHRASE_STOP.test(ch)) break;
    before = ch + before;
    j--;
  }
  before = before.replace(/(?:共|累计|达到|达|为|约|近|超过|逾|全年|合计|总计)+$/u, '');
  return before || after;
}

function hashId(prefix: string, content: string): string {
  return `${prefix}-${createHash('sha1').update(content).digest('hex').slice(0, 8)}`;
}

/** Returns an id maker unique within one report: repeated content gets -2, -3, … in order. */
function idMaker(prefix: string): (content: string) => string {
  const used = new Map<string, number>();
  return (content) => {
    const base = hashId(prefix, content);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

type Found = Omit<Figure, 'id' | 'report' | 'jurisdiction' | 'section' | 'paragraph' | 'domains'>;

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
      kind: UNIT_KIND.get(toUnit) ?? 'count',
      change: { from, to, verb },
      ...(approx ? { approx } : {}),
      numeral: isChinese(toText) ? 'chinese' : 'arabic',
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
      kind: UNIT_KIND.get(unit) ?? 'percent',
      ...(approx ? { approx } : {}),
      numeral: isChinese(printed) ? 'chinese' : 'arabic',
      phrase: quantifiedPhrase(text, start, end),
      sentence: sentenceAround(text, start, end),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

const SCOPES = ['全国同类城市', '同类城市', '全国', '全省', '全市', '全区', '全县', '全球', '国内', '省内', '市内', '珠三角', '长株潭', '全国地级市', '地级市'];
const SCOPE_RE = SCOPES.sort((a, b) => b.length - a.length).map(escape).join('|');
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

type FoundFirst = Omit<First, 'id' | 'report' | 'jurisdiction' | 'section' | 'paragraph' | 'domains'>;

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
      found.push({ start, end, text: m[0], claim, scope: inside ?? nearby ?? '未说明', sentence });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Paragraph kinds that hold the report's own statements (glossary boxes and labels define, they do not report). */
const REPORTING = new Set<Paragraph['kind']>(['text', 'item', 'place', 'table']);

function* paragraphsOf(section: Section): Generator<{ section: Section; paragraph: Paragraph }> {
  for (const paragraph of section.paragraphs) yield { section, paragraph };
  for (const child of section.children) yield* paragraphsOf(child);
}

/** Returns every figure and first of an outline, in document order, with stable ids. */
export function extractFigures(root: Section, context: FigureContext): { figures: Figure[]; firsts: First[] } {
  const figureId = idMaker('fig');
  const firstId = idMaker('first');
  const figures: Figure[] = [];
  const firsts: First[] = [];
  for (const { section, paragraph } of paragraphsOf(root)) {
    if (!REPORTING.has(paragraph.kind)) continue;
    const where = { report: context.report, jurisdiction: context.jurisdiction, section: section.id, paragraph: paragraph.id };
    const domains = (paragraph.domains ?? []).map((d) => d.domain);
    for (const f of figuresInText(paragraph.text)) {
      figures.push({ id: figureId(`${context.report}\u0000${paragraph.id}\u0000${f.text}`), ...where, ...f, domains });
    }
    for (const f of firstsInText(paragraph.text)) {
      firsts.push({ id: firstId(`${context.report}\u0000${paragraph.id}\u0000${f.text}`), ...where, ...f, domains });
    }
  }
  markRepeatedFirsts(firsts);
  return { figures, firsts };
}

const bare = (sentence: string) => sentence.replace(/[\s\p{P}]/gu, '');

/** Sets repeatOf on firsts that restate another first of the same report (same claim, sentence contained in the other's). */
function markRepeatedFirsts(firsts: First[]): void {
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

/** Returns the note shown on a figure's mark: 115 项, 20.7 天 → 5 天. */
export function figureNote(f: Pick<Figure, 'value' | 'unit' | 'change' | 'approx'>): string {
  const approx = f.approx ? (['多', '余'].includes(f.approx) ? `${f.approx}` : '') : '';
  return f.change ? `${f.change.from} ${f.unit} → ${f.change.to} ${f.unit}` : `${f.value}${approx} ${f.unit}`;
}

/** Adds figure and first marks to the paragraphs they were found in; returns the number of marks added. */
export function applyFigureMarks(root: Section, figures: Figure[], firsts: First[]): number {
  const byParagraph = new Map<string, TextMark[]>();
  const add = (paragraph: string, mark: TextMark) => {
    const list = byParagraph.get(paragraph) ?? [];
    list.push(mark);
    byParagraph.set(paragraph, list);
  };
  for (const f of figures) add(f.paragraph, { start: f.start, end: f.end, kind: 'figure', ref: f.id, note: figureNote(f) });
  for (const f of firsts) add(f.paragraph, { start: f.start, end: f.end, kind: 'first', ref: f.id, note: `${f.scope === '未说明' ? '' : f.scope}${f.claim}` });
  let added = 0;
  for (const { paragraph } of paragraphsOf(root)) {
    const marks = byParagraph.get(paragraph.id);
    if (!marks) continue;
    paragraph.marks = [...(paragraph.marks ?? []), ...marks].sort((a, b) => a.start - b.start || b.end - a.end || a.kind.localeCompare(b.kind));
    added += marks.length;
  }
  return added;
}

/** An indicator as matching needs it: its id, where its values come from and the patterns that find them. */
export interface IndicatorRule {
  id: string;
  source?: 'figures' | 'firsts';
  patterns: Array<{ pattern: string; label?: string }>;
}

/** A report as indicator matching needs it: its outline (paragraph texts) and extracted figures and firsts. */
export interface ReportFigures {
  slug: string;
  jurisdiction: string;
  outline: OutlineLike;
  figures: Figure[];
  firsts: First[];
}

/** The part of an outline section that matching reads. */
export interface OutlineLike {
  id: string;
  paragraphs: Array<{ id: string; text: string }>;
  children: OutlineLike[];
}

/** The value of an indicator in one report, traced to the figure (and so the sentence) it came from. */
export interface IndicatorValue {
  indicator: string;
  report: string;
  jurisdiction: string;
  /** Breakdown (市一级, 区一级), if the pattern names one. */
  label?: string;
  value: number;
  /** Unit as printed in the report. */
  unit: string;
  /** The figure as printed (115项, 由20.7天缩短至5天), or for firsts the count and 处. */
  text: string;
  /** Id of the figure the value is; absent for counts of firsts. */
  figure?: string;
  paragraph?: string;
  sentence?: string;
  change?: { from: number; to: number; verb: string };
}

function* outlineParagraphs(section: OutlineLike): Generator<{ id: string; text: string }> {
  yield* section.paragraphs;
  for (const child of section.children) yield* outlineParagraphs(child);
}

/**
 * Returns the value of every indicator in every report where one is found: for each report and
 * label, the first pattern (in order) that matches, in document order. Throws when a pattern's
 * group `v` does not lie on an extracted figure — a value without its figure would have no sentence.
 */
export function matchIndicators(rules: IndicatorRule[], reports: ReportFigures[]): IndicatorValue[] {
  const values: IndicatorValue[] = [];
  for (const rule of rules) {
    for (const report of reports) {
      if (rule.source === 'firsts') {
        const count = report.firsts.filter((f) => !f.repeatOf).length;
        if (count > 0) values.push({ indicator: rule.id, report: report.slug, jurisdiction: report.jurisdiction, value: count, unit: '处', text: `${count}处` });
        continue;
      }
      const done = new Set<string>();
      for (const { pattern, label } of rule.patterns) {
        const key = label ?? '';
        if (done.has(key)) continue;
        const re = new RegExp(pattern, 'u');
        for (const paragraph of outlineParagraphs(report.outline)) {
          const m = re.exec(paragraph.text);
          const v = m?.groups?.v;
          if (!m || v === undefined) continue;
          const at = m.index + m[0].lastIndexOf(v);
          const figure = report.figures.find((f) => f.paragraph === paragraph.id && f.start <= at && f.end >= at + v.length);
          if (!figure) throw new Error(`content/indicators.json: 指标 ${rule.id} 的模式 ${pattern} 在 ${report.slug} 中匹配到“${v}”,但那里没有抽取到的数字。请调整模式,使 (?<v>…) 正好包住一个数字和它的单位。`);
          values.push({
            indicator: rule.id,
            report: report.slug,
            jurisdiction: report.jurisdiction,
            ...(label ? { label } : {}),
            value: figure.value,
            unit: figure.unit,
            text: figure.text,
            figure: figure.id,
            paragraph: paragraph.id,
            sentence: figure.sentence,
            ...(figure.change ? { change: figure.change } : {}),
          });
          done.add(key);
          break;
        }
      }
    }
  }
  return values;
}
