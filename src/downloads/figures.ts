import { z } from 'astro/zod';
import { figureChangeSchema, figureMeasureSchema, figureSchema } from '../../model/schemas/figure.ts';
import { firstSchema } from '../../model/schemas/first.ts';
import { column, type Dataset } from './dataset.ts';
import { loadFindings, type FigureView, type FirstView } from '../lib/site.ts';

/** Columns that figures and firsts share: which report, where, and the link. */
const where = {
  jurisdiction: column(z.string(), '行政区编号(见 jurisdictions)。', 'zhongshan'),
  jurisdiction_name: column(z.string(), '行政区名称。', '中山市'),
  report: column(z.string(), '报告编号(slug);报告页为 /reports/<report>/。', 'zhongshan-2018'),
  period: column(z.string(), '报告所涵盖的时期。', '2018年'),
};

/** Returns the columns a figure or first shares: its id, report and words as printed. */
function located(f: FigureView | FirstView) {
  return {
    id: f.id,
    jurisdiction: f.report.jurisdiction.id,
    jurisdiction_name: f.report.jurisdiction.name,
    report: f.report.slug,
    period: f.report.record.period.label,
    text: f.text,
  };
}

/** figures.csv / figures.json: every figure found in the reports, with its sentence and link. */
export const figures: Dataset = {
  name: 'figures',
  title: '报告中的数字',
  description: '从报告正文中自动抽取的数字(计数、百分比、金额、面积、时长、前后变化),每行一个,附原句。日期、年份、文号和序号不计。',
  files: [
    { file: 'figures.csv', format: 'csv', title: '报告中的数字', description: '从报告正文中自动抽取的数字(计数、百分比、金额、面积、时长、前后变化),每行一个,附原句。日期、年份、文号和序号不计。' },
    { file: 'figures.json', format: 'json', title: '报告中的数字(JSON)', description: '与 figures.csv 相同的内容;domains 为数组。' },
  ],
  row: z.object({
    id: column(figureSchema.shape.id, '数字的固定编号,也是报告页上该数字的锚点(#id)。', 'fig-1a2b3c4d'),
    ...where,
    text: column(z.string(), '原文中的数字写法,含单位。', '由20.7天缩短至5天'),
    value: column(figureSchema.shape.value, figureSchema.shape.value.description!, '5'),
    unit: column(figureSchema.shape.unit, figureSchema.shape.unit.description!, '天'),
    measure: column(figureMeasureSchema, 'count 计数、percent 百分比、points 百分点、money 金额、area 面积、duration 时长。', 'duration'),
    value_before: column(figureChangeSchema.shape.from.nullable(), figureChangeSchema.shape.from.description!, '20.7'),
    change_verb: column(figureChangeSchema.shape.verb.nullable(), figureChangeSchema.shape.verb.description!, '缩短'),
    approx: column(z.string().nullable(), figureSchema.shape.approx.description!, '多'),
    numeral: column(z.enum(['arabic', 'chinese']), 'arabic 阿拉伯数字或 chinese 汉字数字。', 'arabic'),
    phrase: column(z.string(), '数字所指的词语(自动截取,仅供参考)。', '时间'),
    domains: column(z.array(z.string()), '段落所属改革领域编号,多个以分号分隔(JSON 中为数组)。', 'business-environment'),
    section: column(z.string(), '所在章节的锚点编号。', 's-1a2b3c'),
    paragraph: column(z.string(), '所在段落的锚点编号。', 'p-1a2b3c'),
    sentence: column(z.string(), '数字所在的原句。', '企业开办……时间由20.7天缩短至5天。'),
    url: column(z.string(), '原句在本站的链接。', '/reports/zhongshan-2018/#fig-1a2b3c4d'),
  }),
  async rows() {
    const { figures: all } = await loadFindings();
    return all.map((f) => ({
      ...located(f),
      value: f.value,
      unit: f.unit,
      measure: f.measure,
      value_before: f.change?.from ?? null,
      change_verb: f.change?.verb ?? null,
      approx: f.approx ?? null,
      numeral: f.numeral,
      phrase: f.words,
      domains: f.domains,
      section: f.section,
      paragraph: f.paragraph,
      sentence: f.sentence,
      url: f.href,
    }));
  },
};

/** firsts.csv / firsts.json: every claim of being first or leading, with scope, sentence and link. */
export const firsts: Dataset = {
  name: 'firsts',
  title: '“率先”“首个”等表述',
  description: '报告中声称率先、首个、第一或走在前列的表述,附范围和原句。“力争”“争创”等目标不计。',
  files: [
    { file: 'firsts.csv', format: 'csv', title: '“率先”“首个”等表述', description: '报告中声称率先、首个、第一或走在前列的表述,附范围和原句。“力争”“争创”等目标不计。' },
    { file: 'firsts.json', format: 'json', title: '“率先”“首个”等表述(JSON)', description: '与 firsts.csv 相同的内容。' },
  ],
  row: z.object({
    id: column(firstSchema.shape.id, firstSchema.shape.id.description!, 'first-1a2b3c4d'),
    jurisdiction: column(z.string(), '行政区编号。', 'xiangtan'),
    jurisdiction_name: column(z.string(), '行政区名称。', '湘潭市'),
    report: column(z.string(), '报告编号。', 'xiangtan-2017'),
    period: column(z.string(), '报告所涵盖的时期。', '2017年'),
    text: column(z.string(), '原文表述。', '在全省率先'),
    claim: column(firstSchema.shape.claim, firstSchema.shape.claim.description!, '率先'),
    scope: column(firstSchema.shape.scope, firstSchema.shape.scope.description!, '全省'),
    repeat_of: column(z.string().nullable(), firstSchema.shape.repeatOf.description!, ''),
    domains: column(z.array(z.string()), '段落所属改革领域编号,分号分隔。', 'rule-of-law'),
    paragraph: column(z.string(), '所在段落的锚点编号。', 'p-1a2b3c'),
    sentence: column(z.string(), '表述所在的原句。', '在全省率先开展专业法官会议制度试点工作……'),
    url: column(z.string(), '原句在本站的链接。', '/reports/xiangtan-2017/#first-1a2b3c4d'),
  }),
  async rows() {
    const { firsts: all } = await loadFindings();
    return all.map((f) => ({
      ...located(f),
      claim: f.claim,
      scope: f.scope,
      repeat_of: f.repeatOf ?? null,
      domains: f.domains,
      paragraph: f.paragraph,
      sentence: f.sentence,
      url: f.href,
    }));
  },
};
