import { z } from 'astro/zod';
import { glossaryTermSchema } from '../../model/schemas/glossary-term.ts';
import { loadTerms, type TermView } from '../lib/site.ts';
import { column, type Dataset } from './dataset.ts';

const g = glossaryTermSchema.shape;

/** Returns the terms with a page: kept in the glossary, or used in a report. */
async function termsWithPages(): Promise<TermView[]> {
  return (await loadTerms()).filter((t) => t.kept || t.occurrences > 0);
}

/** Returns a term's glossary fields: its definition, what it rests on, synonyms, related terms, English gloss (null for an extracted term). */
function glossaryFields(t: TermView) {
  return {
    kept: Boolean(t.kept),
    definition: t.kept?.definition ?? null,
    basis: t.kept?.basis ?? null,
    synonyms: t.kept?.synonyms ?? [],
    related: t.kept?.related ?? [],
    en: t.kept?.en ?? null,
  };
}

/** Returns the exported form of a term: glossary fields, the reports' own definitions and every occurrence with its report and paragraph. */
function exportTerm(t: TermView) {
  return {
    term: t.term,
    url: t.href,
    ...glossaryFields(t),
    domain: t.domain ? { id: t.domain.id, name: t.domain.name, inferred: t.domainInferred } : null,
    reportDefinitions: t.reportDefinitions.map((d) => ({ report: d.report.slug, definition: d.definition, url: d.href })),
    jurisdictions: t.uses.filter((u) => u.lines.length > 0).map((u) => ({ id: u.jurisdiction.id, name: u.jurisdiction.name, occurrences: u.lines.length })),
    occurrences: t.uses.flatMap((u) =>
      u.lines.map((l) => ({
        report: l.report.slug,
        jurisdiction: u.jurisdiction.id,
        section: l.section,
        paragraph: l.paragraph ?? null,
        inHeading: l.inHeading,
        start: l.start,
        end: l.end,
        text: l.match,
        before: l.before,
        after: l.after,
        url: l.href,
      })),
    ),
  };
}

/** terms.csv / terms.json: every term with a page and each of its occurrences. */
export const terms: Dataset = {
  name: 'terms',
  title: '术语及其出现位置',
  description: '每个术语在各报告中的每次出现一行(收录但未出现的术语一行,出现位置各列为空)。',
  files: [
    { file: 'terms.csv', format: 'csv', title: '术语及其出现位置', description: '每个术语在各报告中的每次出现一行(收录但未出现的术语一行,出现位置各列为空)。' },
    { file: 'terms.json', format: 'json', title: '术语(JSON)', description: '每个术语一个对象,出现位置为数组。' },
  ],
  join: '、',
  row: z.object({
    term: column(z.string(), '术语。', '放管服'),
    kept: column(z.boolean(), 'true:本站术语表收录并撰写了释义;false:从报告引号中自动抽取。', 'true'),
    definition: column(g.definition.nullable(), '本站撰写的释义(非报告原文)。', '简政放权、放管结合、优化服务的合称……'),
    basis: column(g.basis.nullable(), g.basis.description!, '国务院2015年推进简政放权放管结合职能转变工作电视电话会议'),
    synonyms: column(z.array(z.string()), '同义说法,以、分隔。', '简政放权、放管结合、优化服务'),
    related: column(z.array(z.string()), '相关术语,以、分隔。', '证照分离'),
    en: column(z.string().nullable(), '英文释义。', 'streamline administration, delegate power, improve services'),
    domain: column(z.string().nullable(), '所属改革领域编号。', 'streamlining'),
    domain_name: column(z.string().nullable(), '所属改革领域名称。', '放管服与行政审批'),
    domain_inferred: column(z.boolean().nullable(), 'true:领域由术语出现的段落推断。', 'false'),
    report: column(z.string().nullable(), '出现所在的报告编号;术语未在任何报告出现时为空。', 'zhongshan-2018'),
    jurisdiction: column(z.string().nullable(), '行政区编号。', 'zhongshan'),
    section: column(z.string().nullable(), '所在章节锚点。', 's-1a2b3c'),
    paragraph: column(z.string().nullable(), '所在段落锚点;出现在标题中时为空。', 'p-1a2b3c'),
    in_heading: column(z.boolean().nullable(), '是否出现在标题中。', 'false'),
    start: column(z.number().int().nullable(), '在段落文字中的起始位置(UTF-16 码元)。', '12'),
    end: column(z.number().int().nullable(), '结束位置(不含)。', '15'),
    text: column(z.string().nullable(), '原文中的写法(可能是同义说法)。', '简政放权'),
    context: column(z.string().nullable(), '前后文(索引行)。', '……简政放权取得新成效……'),
    url: column(z.string().nullable(), '出现位置在本站的链接。', '/reports/xiangtan-2017/#p-1a2b3c'),
  }),
  async rows() {
    const rows: Array<Record<string, unknown>> = [];
    for (const t of await termsWithPages()) {
      const head = {
        term: t.term,
        ...glossaryFields(t),
        domain: t.domain?.id ?? null,
        domain_name: t.domain?.name ?? null,
        domain_inferred: t.domain ? t.domainInferred : null,
      };
      const lines = t.uses.flatMap((u) => u.lines);
      if (lines.length === 0) rows.push(head);
      for (const l of lines) {
        rows.push({ ...head, report: l.report.slug, jurisdiction: l.report.jurisdiction.id, section: l.section, paragraph: l.paragraph ?? null, in_heading: l.inHeading, start: l.start, end: l.end, text: l.match, context: `${l.before}${l.match}${l.after}`, url: l.href });
      }
    }
    return rows;
  },
  async json() {
    return (await termsWithPages()).map(exportTerm);
  },
};
