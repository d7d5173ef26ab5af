import type { Period } from '../../model/schemas/report.ts';

/** A period as parsed from the seed's `period:` field (the free-text note is a field of its own). */
export type ParsedPeriod = Omit<Period, 'note'>;

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
 * years or months written as ISO 8601 does (2013/2018, 2019-01/2019-06).
 */
export function parsePeriod(raw: string): ParsedPeriod | undefined {
  const value = raw.trim();
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
