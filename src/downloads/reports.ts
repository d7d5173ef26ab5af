import { z } from 'astro/zod';
import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import type { Paragraph } from '../../model/schemas/paragraph.ts';
import type { Section } from '../../model/schemas/section.ts';
import { loadSite, paragraphText, type ReportView } from '../lib/site.ts';
import { column, type Dataset } from './dataset.ts';

/** A section of the exported section tree, with the text of its paragraphs. */
interface ExportSection {
  id: string;
  level: number;
  number: string | null;
  heading: string;
  title: string;
  paragraphs: Array<{ id: string; role: string; text: string }>;
  sections: ExportSection[];
}

/** Returns a report's paragraphs as exported: id, role, text. */
function exportParagraphs(report: ReportView, paragraphs: Paragraph[]) {
  return paragraphs.map((p) => ({ id: p.id, role: p.role, text: paragraphText(report, p.id) }));
}

function exportSection(report: ReportView, s: Section): ExportSection {
  return {
    id: s.id,
    level: s.level,
    number: s.number ?? null,
    heading: s.heading,
    title: s.title,
    paragraphs: exportParagraphs(report, s.paragraphs),
    sections: s.children.map((c) => exportSection(report, c)),
  };
}

/** Returns the exported form of a report: its metadata, the chrome set aside and its section tree with every paragraph. */
function exportReport(report: ReportView) {
  const { record, jurisdiction, kind, displayTitle } = report;
  const placed = [...paragraphsOf<Section, Paragraph>(record.outline)];
  return {
    slug: record.slug,
    url: report.url,
    title: record.title,
    displayTitle,
    titleStated: record.titleStated,
    jurisdiction: { id: jurisdiction.id, name: jurisdiction.name, nameEn: jurisdiction.nameEn, province: jurisdiction.province, level: jurisdiction.level, parent: jurisdiction.parent?.name ?? null },
    period: { start: record.period.start, end: record.period.end, label: record.period.label, note: record.period.note },
    kind: { id: kind.id, name: kind.name, nameEn: kind.nameEn },
    publisher: record.publisher,
    source: record.source,
    url_original: record.url,
    author: record.author,
    editor: record.editor,
    signedBy: record.signedBy,
    date: record.date,
    dateKind: record.dateKind,
    stats: record.stats,
    chrome: record.chrome,
    glossary: placed
      .filter(({ paragraph }) => paragraph.role === 'definition' && paragraph.term)
      .map(({ paragraph, section }) => ({ term: paragraph.term!, definition: paragraphText(report, paragraph.id), paragraph: paragraph.id, section: section.id })),
    projects: [...sectionsOf(record.outline)]
      .filter((s) => s.number && s.project)
      .map((s) => ({ number: s.number!, title: s.title, ...s.project, section: s.id })),
    places: placed.filter(({ paragraph }) => paragraph.role === 'place' && paragraph.place).map(({ paragraph, section }) => ({ place: paragraph.place!, paragraph: paragraph.id, section: section.id })),
    preamble: exportParagraphs(report, record.outline.paragraphs),
    sections: record.outline.children.map((s) => exportSection(report, s)),
  };
}

/** reports.json: each report's metadata and its section tree with every paragraph. */
export const reports: Dataset = {
  name: 'reports',
  title: '报告元数据与章节树',
  description: '每份报告的元数据、从正文分出的网页元素,以及章节树(含每段全文)。',
  files: [{ file: 'reports.json', format: 'json', title: '报告元数据与章节树', description: '每份报告的元数据、从正文分出的网页元素,以及章节树(含每段全文)。' }],
  row: z.object({
    slug: column(z.string(), '报告编号;报告页为 /reports/<slug>/。', 'zhuzhou-2017'),
    title: column(z.string(), '原文标题;原文无标题时为空(见 displayTitle)。', '深化改革 永不停步的使命……'),
    displayTitle: column(z.string(), '显示用标题;原文无标题时为方括号内的说明性标题。', '[湘潭市2017年改革工作总结]'),
    jurisdiction: column(z.object({}), '行政区:id、name、nameEn、province、level、parent。', '{"id":"zhongshan","name":"中山市"}'),
    period: column(z.object({}), '涵盖时期:start、end(YYYY-MM)、label、note。', '{"start":"2019-01","end":"2019-06","label":"2019年上半年"}'),
    kind: column(z.object({}), '文件类型:id、name、nameEn。', '{"id":"plan-news","name":"改革计划(新闻报道)"}'),
    publisher: column(z.string(), '出版者或网站。', '株洲高新网'),
    source: column(z.string(), '来源。', '株洲新区'),
    author: column(z.string(), '作者。', '区深改办'),
    date: column(z.string(), '成文或发布日期 YYYY-MM-DD(dateKind 说明是哪一种)。', '2017-12-19'),
    chrome: column(z.array(z.object({})), '从正文中分出的网页元素:line(源文件行号)、part(类别)、text。', '{"line":18,"part":"breadcrumb"}'),
    preamble: column(z.array(z.object({})), '第一个标题之前的段落:id、role、text。', '{"id":"p-1a2b3c","text":"……"}'),
    sections: column(z.array(z.object({})), '章节树:id、level、number、heading(原文)、title、paragraphs(id、role、text)、sections(下级章节)。', '{"id":"s-1a2b3c","level":1,"heading":"一、总体推进情况"}'),
  }),
  async rows() {
    return (await loadSite()).reports.map(exportReport);
  },
};
