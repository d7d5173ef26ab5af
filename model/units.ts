import type { FigureMeasure } from './schemas/figure.ts';
import { CN_NUMERAL_CHARS } from './zh.ts';

/**
 * The units a figure can carry and what each measures (项 counts, 天 is a duration, 万元 money):
 * the pipeline finds figures by these units, and a figure's measure is read from its unit.
 */

/** Units in the order they are tried (longest first where one is a prefix of another). */
export const UNITS: ReadonlyArray<readonly [string, FigureMeasure]> = [
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
const MEASURE = new Map(UNITS);

/** Returns what a unit measures. */
export function measureOf(unit: string): FigureMeasure {
  return MEASURE.get(unit) ?? 'count';
}

/**
 * Returns how a figure's number is written: arabic or chinese, read from the last numeral before
 * its unit (for a change, the value after it: 由二十天缩短至5天 is arabic).
 */
export function numeralOf(printed: string, unit: string): 'arabic' | 'chinese' {
  const number = printed.endsWith(unit) ? printed.slice(0, -unit.length) : printed;
  for (let i = number.length - 1; i >= 0; i--) {
    if (/[0-9０-９]/.test(number[i])) return 'arabic';
    if (CN_NUMERAL_CHARS.includes(number[i])) return 'chinese';
  }
  return 'arabic';
}
