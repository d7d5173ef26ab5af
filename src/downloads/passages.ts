import { z } from 'astro/zod';
import { paragraphRoleSchema } from '../../model/schemas/paragraph.ts';
import { reportUrl } from '../../model/urls.ts';
import { loadPassages, type Passage } from '../lib/site.ts';
import { column, type Dataset } from './dataset.ts';

/** Returns a passage as a row: lists as arrays (the CSV joins them with '; '). */
function passageRow(p: Passage) {
  return {
    report: p.report.slug,
    jurisdiction: p.report.jurisdiction.id,
    paragraph_id: p.id,
    url: reportUrl(p.report.slug, p.id),
    section: p.path.join(' > '),
    role: p.role,
    domains: p.domains.map((t) => t.domain),
    evidence: p.domains.map((t) => ({ domain: t.domain, via: t.via, evidence: t.evidence })),
    text: p.text,
  };
}

/** passages.csv / passages.json: every passage with its report, anchor, section, domains, evidence and text. */
export const passages: Dataset = {
  name: 'passages',
  title: '段落与改革领域',
  description: '每份报告的每个段落,附所属改革领域和归类依据;一段可属于多个领域,未归类的领域列为空。',
  files: [
    { file: 'passages.csv', format: 'csv', title: '段落与改革领域', description: '每份报告的每个段落,附所属改革领域和归类依据;一段可属于多个领域,未归类的领域列为空。' },
    { file: 'passages.json', format: 'json', title: '段落与改革领域(JSON)', description: '与 passages.csv 相同;domains 为数组,evidence 为对象数组(domain、via、evidence)。' },
  ],
  join: '; ',
  row: z.object({
    report: column(z.string(), '报告编号(slug);报告页为 /reports/<report>/。', 'zhongshan-2018'),
    jurisdiction: column(z.string(), '行政区编号。', 'zhongshan'),
    paragraph_id: column(z.string(), '段落的固定锚点编号。', 'p-1a2b3c'),
    url: column(z.string(), '段落在本站的链接。', '/reports/zhongshan-2018/#p-1a2b3c'),
    section: column(z.string(), '从顶层到所在章节的标题,以 > 分隔;正文开头的段落为空。', '【“放管服”改革】'),
    role: column(paragraphRoleSchema, 'text 普通段落、item 分项、definition 资料链接中的定义、place 区县条目、table 表格、quote 引用。', 'item'),
    domains: column(z.array(z.string()), '所属改革领域编号,多个以分号分隔(JSON 中为数组);见 domains.json。', 'streamlining; business-environment'),
    evidence: column(
      z.array(z.object({ domain: z.string(), via: z.string(), evidence: z.array(z.string()) })),
      '每个领域的归类依据:领域: 方式(heading 所在标题、run-in 段首小标题、keywords 关键词): 依据文字(JSON 中为对象数组)。',
      'streamlining: heading: 【“放管服”改革】',
    ),
    text: column(z.string(), '段落原文。', '商事登记制度改革。2018年,中山市……'),
  }),
  async rows() {
    return (await loadPassages()).map(passageRow);
  },
  csvRow: (row) => ({ ...row, evidence: evidenceCell(row.evidence as Parameters<typeof evidenceCell>[0]) }),
};

/** Returns a passage's evidence as the CSV writes it: domain: via: words, tags separated by '; '. */
export function evidenceCell(evidence: Array<{ domain: string; via: string; evidence: string[] }>): string {
  return evidence.map((t) => `${t.domain}: ${t.via}: ${t.evidence.join('/')}`).join('; ');
}
