/** The order in which the site lists reports and jurisdictions, shared by the pipeline's aggregates and the pages. */

const pinyin = new Intl.Collator('zh-u-co-pinyin');

/** Returns a comparison of two Chinese strings in pinyin order. */
export function comparePinyin(a: string, b: string): number {
  return pinyin.compare(a, b);
}

/** What ordering a report needs: its jurisdiction's name, the start of its period and its slug. */
export interface Orderable {
  jurisdictionName: string;
  periodStart: string;
  slug: string;
}

/** Returns a comparison of two reports in site order: jurisdiction in pinyin, then period, then slug. */
export function compareReports(a: Orderable, b: Orderable): number {
  return comparePinyin(a.jurisdictionName, b.jurisdictionName) || a.periodStart.localeCompare(b.periodStart) || a.slug.localeCompare(b.slug);
}
