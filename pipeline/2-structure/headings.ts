import type { HeadingStyle } from '../../model/schemas/section.ts';
import { SENTENCE_END_CHARS, chineseNumeral, parseChineseNumeral } from '../../model/zh.ts';

/**
 * Heading and run-in rules for Chinese official and news writing.
 *
 * Numbered headings follow GB/T 9704-2012 (党政机关公文格式): 一、 → （一） → 1. → （1）, with the
 * ASCII and full-width variants that copied pages carry, plus ① circled numbers. Unnumbered
 * headings are 【…】 brackets, `领域:标题` labels and short lines without closing punctuation.
 */

/** Punctuation that closes a sentence or clause; a line ending in one is text, not a heading. */
const CLOSING = /[。！？!?；;：:…，,、.．]$/;
/** Sentence ends used to find a run-in heading (the text up to the first one). */
const SENTENCE_END = new RegExp(`[${SENTENCE_END_CHARS}]`, 'u');
const CLAUSE_MARK = /[,，;；:：]/;

/** Numbering patterns in GB/T 9704 order; `rank` is the outline rank they imply. */
const NUMBERED: Array<{ style: HeadingStyle; rank: number; re: RegExp }> = [
  { style: 'cn-number', rank: 1, re: /^([一二三四五六七八九十]{1,3})[、．.]/ },
  { style: 'paren-cn', rank: 2, re: /^[（(]([一二三四五六七八九十]{1,3})[）)]/ },
  { style: 'arabic', rank: 3, re: /^(\d{1,3})(?:[.．、]|\s)(?!\d)/ },
  { style: 'paren-arabic', rank: 4, re: /^[（(](\d{1,3})[）)]/ },
  { style: 'circled', rank: 5, re: /^([\u2460-\u2473])/ },
];

/** Returns the GB/T 9704 rank of a numbered heading style (lower is higher in the outline). */
export function styleRank(style: string): number | undefined {
  const m = /^markdown-(\d)$/.exec(style);
  if (m) return Number(m[1]) - 10;
  return NUMBERED.find((n) => n.style === style)?.rank;
}

const BRACKET = /^【([^【】]{1,30})】/;
const LABEL_HEADING = /^([^\s:：,，。;；、]{2,8})[:：]\s*(\S.*)$/;
const LEAD_OFFICIAL = /牵头(?:区|市|县|镇|街道)?领导\s*[:：]\s*(\S.+)$/;

/** A field of a wiki infobox (• 中文名:…): a bulleted label and its value, text rather than a heading. */
const INFOBOX_FIELD = /^[•·▪◦‣∙]\s*[^\s:：]{1,10}\s*[:：]/u;
/**
 * Short unpunctuated lines that are not headings: a speaker line (市长 郭文斌, 县委书记 杨志远), a
 * document number (润办发〔2021〕12号), a bare date or a date in parentheses under a title
 * ((2022年7月), 2021年3月8日), and a publication note ((此件公开发布)).
 */
const NOT_A_HEADING = [
  /^[\u4e00-\u9fff]{0,10}(?:长|书记|主任|主席|委员|部长|局长|记者|代表)\s+[\u4e00-\u9fff·]{2,4}$/u,
  /^[\u4e00-\u9fff]{1,10}[〔［\[(（]\d{4}[〕］\])）]\s*第?\d{1,4}号$/u,
  /^[(（]?\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?[)）]?$/u,
  /^[(（][^()（）]{0,8}(?:公开|发布|印发|存档)[^()（）]{0,6}[)）]$/u,
];

const MAX_PLAIN = 26;
const MAX_NUMBERED = 40;
const MAX_RUN_IN = 30;

/** A heading found at the start of a line. */
export interface HeadingMatch {
  style: HeadingStyle;
  /** Numbering as printed, marker included (1., 一、, (二)). */
  number?: string;
  /** The printed heading: the whole line, or the run-in part up to and including its first 。. */
  heading: string;
  /** Text of the line after a run-in heading (the paragraph it opens), if any. */
  rest?: string;
  /** True when the heading ends with —— and may continue on the next line. */
  continues: boolean;
  /** Lead official named in the heading (牵头区领导:…), if any. */
  lead?: string;
}

/** Returns the heading at the start of a line of text, or undefined when the line is text. */
export function matchHeading(text: string): HeadingMatch | undefined {
  for (const { style, re } of NUMBERED) {
    const m = re.exec(text);
    if (!m) continue;
    const after = text.slice(m[0].length);
    if (after.trim() === '') return undefined;
    const lead = LEAD_OFFICIAL.exec(after)?.[1];
    if (/——$/.test(after)) return { style, number: m[0], heading: text, continues: true };
    if (!CLOSING.test(after) && after.length <= MAX_NUMBERED) {
      return { style, number: m[0], heading: text, continues: false, lead };
    }
    // GB/T 9704 run-in heading: a numbered paragraph whose first sentence is its heading.
    const end = SENTENCE_END.exec(after);
    if (end && end.index + 1 <= MAX_NUMBERED && end.index + 1 < after.length) {
      const cut = m[0].length + end.index + 1;
      return { style, number: m[0], heading: text.slice(0, cut), rest: text.slice(cut), continues: false };
    }
    return undefined;
  }
  const b = BRACKET.exec(text);
  if (b) {
    const rest = text.slice(b[0].length).replace(/^[ \u00a0\u3000]+/, '');
    return { style: 'bracket', heading: b[0], rest: rest === '' ? undefined : rest, continues: false };
  }
  if (CLOSING.test(text) || startsWithMarker(text) || INFOBOX_FIELD.test(text) || NOT_A_HEADING.some((re) => re.test(text))) return undefined;
  const l = LABEL_HEADING.exec(text);
  if (l && text.length <= MAX_NUMBERED) return { style: 'label', heading: text, continues: false };
  if (text.length <= MAX_PLAIN && !SENTENCE_END.test(text)) {
    return { style: 'plain', heading: text, continues: /——$/.test(text) };
  }
  return undefined;
}

/** Returns true when a line may finish a heading that ended with ——: short, no closing punctuation. */
export function isHeadingContinuation(text: string): boolean {
  return text.length <= MAX_PLAIN && !CLOSING.test(text) && matchHeading(text)?.number === undefined;
}

/** Returns the heading without numbering, brackets, a lead-official note or closing punctuation. */
export function headingTitle(match: HeadingMatch): string {
  // A heading continued after —— reads as one line; two stacked lines read as a phrase pair.
  let t = match.heading.replace(/——\n/g, '——').replace(/\n/g, ' ');
  if (match.number) t = t.slice(match.number.length);
  if (match.style === 'bracket') t = t.replace(/^【|】$/g, '');
  t = t.replace(LEAD_OFFICIAL, '');
  return t.replace(/[。！？!?]$/, '').trim();
}

/** Enumeration markers: 一是…二是…, 一方面…另一方面…, —— bullets. */
const ORDINAL = /^([一二三四五六七八九十]{1,3})是/;
const ASPECT = /^(?:一方面|另一方面)/;
const DASH = /^——(?!—)/;

/** A marker at the start of a paragraph. */
export interface MarkerMatch {
  marker: string;
  family: 'ordinal' | 'aspect' | 'dash';
  /** For ordinal markers, the number (一是 → 1). */
  ordinal?: number;
}

/** Returns the enumeration marker that opens a text, if any. */
export function matchMarker(text: string): MarkerMatch | undefined {
  const o = ORDINAL.exec(text);
  if (o) {
    const ordinal = parseChineseNumeral(o[1]);
    if (ordinal !== undefined) return { marker: o[0], family: 'ordinal', ordinal };
  }
  const a = ASPECT.exec(text);
  if (a) return { marker: a[0], family: 'aspect' };
  const d = DASH.exec(text);
  if (d) return { marker: d[0], family: 'dash' };
  return undefined;
}

function startsWithMarker(text: string): boolean {
  return matchMarker(text) !== undefined;
}

/**
 * Returns the offsets where a paragraph splits into enumeration items: each `k是` that follows a
 * sentence end and continues the count. `next` is the ordinal expected next in this section.
 */
export function findOrdinalSplits(text: string, next: number): number[] {
  const splits: number[] = [];
  let expected = next;
  for (;;) {
    const marker = chineseNumeral(expected) + '是';
    let from = 0;
    let found = -1;
    for (;;) {
      const at = text.indexOf(marker, from);
      if (at < 0) break;
      const before = text.slice(0, at).replace(/[ \u00a0\u3000]+$/, '');
      if (at > 0 && /[。！？!?；;]$/.test(before) && (splits.length === 0 || at > splits[splits.length - 1])) {
        found = at;
        break;
      }
      from = at + 1;
    }
    if (found < 0) return splits;
    splits.push(found);
    expected++;
  }
}

/**
 * Returns the run-in heading that opens a text (after any marker), or undefined.
 * Forms: a short first sentence (建立“四张台账”。), a lead phrase set off by a space
 * (民生领域改革 2018年…), a phrase before —— (推进就业创业制度改革——起草…), a label before a colon
 * (主要任务:…). `afterMarker` allows a comma in a short first sentence (一是真刀真枪,敢于“亮剑”。).
 */
export function matchRunIn(text: string, afterMarker: boolean): string | undefined {
  const lead = /^([\u4e00-\u9fff“”《》·]{2,16})[ \u00a0\u3000]+(?=\S)/.exec(text);
  if (lead && !afterMarker && !/^\d/.test(lead[1])) return lead[1];
  const dash = /^([^\s,，。;；:：—]{2,20})——(?=[^—])/.exec(text);
  if (dash && CLOSING.test(text)) return dash[1] + '——';
  const label = /^([^\s,，。;；:：“”]{2,8})[:：](?=\S)/.exec(text);
  if (label && CLOSING.test(text)) return label[0];
  const end = SENTENCE_END.exec(text);
  if (!end) return undefined;
  const first = text.slice(0, end.index + 1);
  if (first.length > MAX_RUN_IN || /^\d/.test(first) || !quotesBalanced(first)) return undefined;
  if (afterMarker) {
    if (first.length <= 20 || !CLAUSE_MARK.test(first)) return first;
    return undefined;
  }
  // Without a marker, a run-in heading is a bare phrase (实体经济发展。), not a statement (…是…的使命。).
  if (CLAUSE_MARK.test(first) || first.length === text.length || /[是了]/.test(first)) return undefined;
  return first;
}

function quotesBalanced(s: string): boolean {
  const count = (re: RegExp) => (s.match(re) ?? []).length;
  return count(/“/g) === count(/”/g) && count(/《/g) === count(/》/g) && count(/[(（]/g) === count(/[)）]/g);
}

/** Returns the offset of 另一方面 that answers an opening 一方面 after a sentence end, or -1. */
export function findAspectSplit(text: string): number {
  const re = /[。；;！？!?][ \u00a0\u3000]*(另一方面)/g;
  const m = re.exec(text);
  return m ? m.index + m[0].length - m[1].length : -1;
}

/** Glossary box labels (·资料链接·, 名词解释). */
export const BOX_LABEL = /^[·•]?\s*(?:资料链接|名词解释|知识链接|相关链接|名词链接)\s*[·•]?$/;
/** A definition: a quoted term followed by 指 / 是指 / 即 / a colon, possibly after a short suffix. */
export const DEFINITION = /^“([^“”]{2,16})”[^:：,，。“”]{0,8}?(?:[:：]\s*指?|是指|指|即)/;
/** A sub-jurisdiction named at the start of a paragraph (越秀区…, 湘潭县…). */
export const PLACE = /^([^\s全各本该我市区县省国,，。:：“”]{1}[\u4e00-\u9fff]{1,4}?(?:新区|区|县|市|旗|镇|乡|街道))(?=[\u4e00-\u9fff])/;
/** The special group responsible for a project (这是…专项小组负责项目). */
export const PROJECT_GROUP = /这是(.{2,30}?专项小组)负责(?:的)?项目/;
