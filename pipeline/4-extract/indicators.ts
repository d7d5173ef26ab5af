import type { IndicatorValue } from '../../model/schemas/corpus.ts';
import type { Figure } from '../../model/schemas/figure.ts';
import type { First } from '../../model/schemas/first.ts';
import type { Indicator } from '../../model/schemas/indicator.ts';

/** A report as indicator matching needs it: its paragraphs' texts in document order and its figures and firsts. */
export interface IndicatorInput {
  slug: string;
  jurisdiction: string;
  paragraphs: Array<{ id: string; text: string }>;
  figures: Array<Figure & { paragraph: string }>;
  firsts: First[];
}

/** Returns the id of an indicator value: indicator/report, and /label for a breakdown. */
function valueId(indicator: string, report: string, label?: string): string {
  return [indicator, report, ...(label ? [label] : [])].join('/');
}

/**
 * Returns the value of every indicator (content/indicators.json) in one report where one is
 * found: for each label, the first pattern (in order) that matches, in document order. Throws when
 * a pattern's group `v` does not lie on an extracted figure — a value without its figure would have no sentence.
 */
export function indicatorValues(indicators: Indicator[], report: IndicatorInput): IndicatorValue[] {
  const values: IndicatorValue[] = [];
  const where = { report: report.slug, jurisdiction: report.jurisdiction };
  for (const indicator of indicators) {
    if (indicator.valuesFrom === 'firsts') {
      const count = report.firsts.filter((f) => !f.repeatOf).length;
      if (count > 0) values.push({ id: valueId(indicator.id, report.slug), indicator: indicator.id, ...where, value: count, unit: '处' });
      continue;
    }
    const done = new Set<string>();
    for (const { pattern, label } of indicator.patterns) {
      const key = label ?? '';
      if (done.has(key)) continue;
      const re = new RegExp(pattern, 'u');
      for (const paragraph of report.paragraphs) {
        const m = re.exec(paragraph.text);
        const v = m?.groups?.v;
        if (!m || v === undefined) continue;
        const at = m.index + m[0].lastIndexOf(v);
        const figure = report.figures.find((f) => f.paragraph === paragraph.id && f.at[0] <= at && f.at[1] >= at + v.length);
        if (!figure) throw new Error(`content/indicators.json: 指标 ${indicator.id} 的模式 ${pattern} 在 ${report.slug} 中匹配到“${v}”,但那里没有抽取到的数字。请调整模式,使 (?<v>…) 正好包住一个数字和它的单位。`);
        values.push({ id: valueId(indicator.id, report.slug, label), indicator: indicator.id, ...where, ...(label ? { label } : {}), value: figure.value, unit: figure.unit, figure: figure.id });
        done.add(key);
        break;
      }
    }
  }
  return values;
}
