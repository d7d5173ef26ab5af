import type { Period, PeriodPrecision } from '../../model/schemas/report.ts';

/**
 * A period as parsed from the seed's `period:` field (the free-text note is a field of its own).
 * `precision` is left out when exact, its schema default, so records of exact periods do not carry it.
 */
export type ParsedPeriod = Omit<Period, 'note' | 'precision'> & { precision?: Exclude<PeriodPrecision, 'exact'> };

/** Values of `period:` that say the text does not state its period. */
export const UNSTATED_PERIOD = ['未说明', '未注明', '不详'];

/** The accepted forms of `period:`, as the editor guide and every message lists them. */
export const PERIOD_FORMS = '"2018"(全年)、"2019-H1"/"2019-H2"(上/下半年)、"2019-Q3"(季度)、"2019-06"(月)、"2019-01/2019-06"(月份区间)、"2013/2017"(年份区间);大致时期在前面加“约”,如 约2018;原文没有说明时期写 未说明';

const MONTH = /^(\d{4})(?:-(\d{2}))?$/;

function month(value: string, atEnd: boolean): string | undefined {
  const m = MONTH.exec(value);
  if (!m) return undefined;
  const mo = m[2] === undefined ? (atEnd ? 12 : 1) : Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}`;
}

function label(start: string, end: string): string {
  const [ys, ms] = start.split('-').map(Number);
  const [ye, me] = end.split('-').map(Number);
  if (ys === ye) {
    if (ms === 1 && me === 12) return `${ys}年`;
    if (ms === 1 && me === 6) return `${ys}年上半年`;
    if (ms === 7 && me === 12) return `${ys}年下半年`;
    if (me - ms === 2 && (ms - 1) % 3 === 0) return `${ys}年第${'一二三四'[(ms - 1) / 3]}季度`;
    return ms === me ? `${ys}年${ms}月` : `${ys}年${ms}—${me}月`;
  }
  if (ms === 1 && me === 12) return `${ys}—${ye}年`;
  return `${ys}年${ms}月—${ye}年${me}月`;
}

/**
 * Returns the parsed period, or undefined when the value is not one of the accepted forms:
 * a year (2018), a half or quarter (2019-H1, 2019-Q3), a month (2019-06) or an interval of
 * years or months written as ISO 8601 does (2013/2018, 2019-01/2019-06); any of them after 约
 * (approximately: 约2018); or 未说明 (the text does not state its period).
 */
export function parsePeriod(raw: string): ParsedPeriod | undefined {
  const written = raw.trim();
  if (UNSTATED_PERIOD.includes(written)) return { raw: written, precision: 'unstated', start: '', end: '', years: [], label: '时期未说明' };
  const approximate = /^(?:约|大约)\s*/.exec(written);
  const exact = approximate ? parsePeriod(written.slice(approximate[0].length)) : undefined;
  if (approximate) return exact && !exact.precision ? { ...exact, raw: written, precision: 'approximate', label: `约${exact.label}` } : undefined;
  const value = written;
  let start: string | undefined;
  let end: string | undefined;
  const part = /^(\d{4})-(H[12]|Q[1-4])$/.exec(value);
  if (part) {
    const first = part[2] === 'H1' ? 1 : part[2] === 'H2' ? 7 : (Number(part[2][1]) - 1) * 3 + 1;
    const last = part[2].startsWith('H') ? first + 5 : first + 2;
    start = `${part[1]}-${String(first).padStart(2, '0')}`;
    end = `${part[1]}-${String(last).padStart(2, '0')}`;
  } else if (value.includes('/')) {
    const [a, b] = value.split('/');
    start = month(a, false);
    end = month(b, true);
  } else {
    start = month(value, false);
    end = month(value, true);
  }
  if (!start || !end || start > end) return undefined;
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) years.push(y);
  return { raw: value, start, end, years, label: label(start, end) };
}

const CN_DIGITS = '〇一二三四';

/**
 * Returns the accepted form an editor probably meant by a period the parser does not accept
 * (2018年 → 2018, 2019年上半年 → 2019-H1, 2013-2017 → 2013/2017), or undefined when there is no
 * safe guess. Only a suggestion for the error message: the seed is never changed.
 */
export function suggestPeriod(raw: string): string | undefined {
  const v = raw.trim().replace(/\s+/g, '').replace(/[（(].*[)）]$/, '');
  const prefix = /^(约|大约)/.exec(v)?.[0] ?? '';
  const rest = v.slice(prefix.length).replace(/^大约/, '');
  const candidates: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^(\d{4})年?(?:全年|度|年度)?$/, (m) => m[1]],
    [/^(\d{4})年?上半年$/, (m) => `${m[1]}-H1`],
    [/^(\d{4})年?下半年$/, (m) => `${m[1]}-H2`],
    [/^(\d{4})年?第?([一二三四1-4])季度$/, (m) => `${m[1]}-Q${/\d/.test(m[2]) ? m[2] : CN_DIGITS.indexOf(m[2])}`],
    [/^(\d{4})年(\d{1,2})月$/, (m) => `${m[1]}-${m[2].padStart(2, '0')}`],
    [/^(\d{4})年(\d{1,2})[-—–~至到](\d{1,2})月$/, (m) => `${m[1]}-${m[2].padStart(2, '0')}/${m[1]}-${m[3].padStart(2, '0')}`],
    [/^(\d{4})年?[-—–~至到](\d{4})年?$/, (m) => `${m[1]}/${m[2]}`],
    [/^(?:不详|不明|未知|无|没有|未写明|原文未说明)$/, () => '未说明'],
  ];
  for (const [re, to] of candidates) {
    const m = re.exec(rest);
    if (m) {
      const guess = to(m);
      const full = guess === '未说明' ? guess : `${prefix ? '约' : ''}${guess}`;
      return parsePeriod(full) ? full : undefined;
    }
  }
  return undefined;
}

/** Returns the fix for a period the parser does not accept: the accepted forms, and the likely one first. */
export function periodFix(raw: string): string {
  const guess = suggestPeriod(raw);
  const quoted = guess && /^\d/.test(guess) ? `"${guess}"` : guess;
  return `${guess ? `大概应写成 period: ${quoted}。` : ''}可用的写法:${PERIOD_FORMS};起点不能晚于终点。`;
}
