import { csvFormatRows } from 'd3';

/**
 * The codebook of the downloads under /data/: one entry per file, one row per column. The
 * codebook page (/data/) and the Frictionless descriptor (/data/datapackage.json) are both drawn
 * from this list; to document a new download, add an entry here.
 */

/** Frictionless Table Schema field types used here. */
export type ColumnType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'array' | 'object';

/** One column (CSV) or field (JSON) of a download. */
export interface CodebookColumn {
  name: string;
  type: ColumnType;
  /** What the column holds, in Chinese. */
  description: string;
  /** An example value as it appears in the file. */
  example?: string;
}

/** One download file and its columns. */
export interface CodebookFile {
  /** File name under /data/. */
  file: string;
  /** Frictionless resource name: lower-case, digits, - _ . only. */
  name: string;
  format: 'csv' | 'json';
  title: string;
  description: string;
  columns: CodebookColumn[];
}

const FIGURE_COLUMNS: CodebookColumn[] = [
  { name: 'id', type: 'string', description: '数字的固定编号,也是报告页上该数字的锚点(#id)。', example: 'fig-1a2b3c4d' },
  { name: 'jurisdiction', type: 'string', description: '行政区编号(见 jurisdictions)。', example: 'zhongshan' },
  { name: 'jurisdiction_name', type: 'string', description: '行政区名称。', example: '中山市' },
  { name: 'report', type: 'string', description: '报告编号(slug);报告页为 /reports/<report>/。', example: 'zhongshan-2018' },
  { name: 'period', type: 'string', description: '报告所涵盖的时期。', example: '2018年' },
  { name: 'text', type: 'string', description: '原文中的数字写法,含单位。', example: '由20.7天缩短至5天' },
  { name: 'value', type: 'number', description: '数值;前后变化取变化后的值。原文“2.3万元”记为 2.3,单位“万元”。', example: '5' },
  { name: 'unit', type: 'string', description: '原文单位(量词)。', example: '天' },
  { name: 'kind', type: 'string', description: 'count 计数、percent 百分比、points 百分点、money 金额、area 面积、duration 时长。', example: 'duration' },
  { name: 'value_before', type: 'number', description: '前后变化中变化前的值;无变化时为空。', example: '20.7' },
  { name: 'change_verb', type: 'string', description: '表示变化的动词(缩短、减少、简化…);无变化时为空。', example: '缩短' },
  { name: 'approx', type: 'string', description: '原文的约数标记(多、余、近、约、超过);无则为空。', example: '多' },
  { name: 'numeral', type: 'string', description: 'arabic 阿拉伯数字或 chinese 汉字数字。', example: 'arabic' },
  { name: 'phrase', type: 'string', description: '数字所指的词语(自动截取,仅供参考)。', example: '时间' },
  { name: 'domains', type: 'string', description: '段落所属改革领域编号,多个以分号分隔(JSON 中为数组)。', example: 'business-environment' },
  { name: 'section', type: 'string', description: '所在章节的锚点编号。', example: 's-1a2b3c' },
  { name: 'paragraph', type: 'string', description: '所在段落的锚点编号。', example: 'p-1a2b3c' },
  { name: 'sentence', type: 'string', description: '数字所在的原句。', example: '企业开办……时间由20.7天缩短至5天。' },
  { name: 'url', type: 'string', description: '原句在本站的链接。', example: '/reports/zhongshan-2018/#fig-1a2b3c4d' },
];

const FIRST_COLUMNS: CodebookColumn[] = [
  { name: 'id', type: 'string', description: '表述的固定编号,也是报告页上的锚点。', example: 'first-1a2b3c4d' },
  { name: 'jurisdiction', type: 'string', description: '行政区编号。', example: 'xiangtan' },
  { name: 'jurisdiction_name', type: 'string', description: '行政区名称。', example: '湘潭市' },
  { name: 'report', type: 'string', description: '报告编号。', example: 'xiangtan-2017' },
  { name: 'period', type: 'string', description: '报告所涵盖的时期。', example: '2017年' },
  { name: 'text', type: 'string', description: '原文表述。', example: '在全省率先' },
  { name: 'claim', type: 'string', description: '率先(率先做到)、首个(首个/首家/首批)、第一(排名第一)、前列(走在前列、领先)。', example: '率先' },
  { name: 'scope', type: 'string', description: '表述的范围:全国、全省、全市……;原句未说明时为“未说明”。', example: '全省' },
  { name: 'repeat_of', type: 'string', description: '若与本报告另一处表述重复(如小标题与正文),为那一处的编号;计数时不计。', example: '' },
  { name: 'domains', type: 'string', description: '段落所属改革领域编号,分号分隔。', example: 'rule-of-law' },
  { name: 'paragraph', type: 'string', description: '所在段落的锚点编号。', example: 'p-1a2b3c' },
  { name: 'sentence', type: 'string', description: '表述所在的原句。', example: '在全省率先开展专业法官会议制度试点工作……' },
  { name: 'url', type: 'string', description: '原句在本站的链接。', example: '/reports/xiangtan-2017/#first-1a2b3c4d' },
];

const INDICATOR_COLUMNS: CodebookColumn[] = [
  { name: 'indicator', type: 'string', description: '指标编号;指标页为 /indicators/<indicator>/。', example: 'reform-tasks' },
  { name: 'indicator_name', type: 'string', description: '指标名称。', example: '年度改革任务(举措)' },
  { name: 'indicator_unit', type: 'string', description: '指标的比较单位。', example: '项' },
  { name: 'jurisdiction', type: 'string', description: '行政区编号。', example: 'zhongshan' },
  { name: 'jurisdiction_name', type: 'string', description: '行政区名称。', example: '中山市' },
  { name: 'report', type: 'string', description: '报告编号。', example: 'zhongshan-2018' },
  { name: 'period', type: 'string', description: '数值所涵盖的时期(即报告的时期)。', example: '2018年' },
  { name: 'period_start', type: 'string', description: '时期起始月份 YYYY-MM。', example: '2018-01' },
  { name: 'period_end', type: 'string', description: '时期结束月份 YYYY-MM。', example: '2018-12' },
  { name: 'label', type: 'string', description: '分项(如 市一级、区一级);总数为空。', example: '' },
  { name: 'status', type: 'string', description: 'reported 已报告;not_reported 报告中未找到此数值(页面显示“未报告”,不是 0)。', example: 'reported' },
  { name: 'value', type: 'number', description: '数值;未报告时为空。', example: '115' },
  { name: 'unit', type: 'string', description: '原文单位。', example: '项' },
  { name: 'value_before', type: 'number', description: '前后变化中变化前的值。', example: '' },
  { name: 'text', type: 'string', description: '原文写法。', example: '115项' },
  { name: 'figure', type: 'string', description: '对应数字的编号(见 figures);“率先”计数无此项。', example: 'fig-1a2b3c4d' },
  { name: 'sentence', type: 'string', description: '数值所在的原句。', example: '……统筹推进改革任务115项。' },
  { name: 'url', type: 'string', description: '原句(或表述列表)在本站的链接。', example: '/reports/zhongshan-2018/#fig-1a2b3c4d' },
];

const PASSAGE_COLUMNS: CodebookColumn[] = [
  { name: 'report', type: 'string', description: '报告编号(slug);报告页为 /reports/<report>/。', example: 'zhongshan-2018' },
  { name: 'jurisdiction', type: 'string', description: '行政区编号。', example: 'zhongshan' },
  { name: 'paragraph_id', type: 'string', description: '段落的固定锚点编号。', example: 'p-1a2b3c' },
  { name: 'url', type: 'string', description: '段落在本站的链接。', example: '/reports/zhongshan-2018/#p-1a2b3c' },
  { name: 'section', type: 'string', description: '从顶层到所在章节的标题,以 > 分隔;正文开头的段落为空。', example: '【“放管服”改革】' },
  { name: 'kind', type: 'string', description: 'text 普通段落、item 分项、definition 资料链接中的定义、place 区县条目、table 表格、quote 引用。', example: 'item' },
  { name: 'domains', type: 'string', description: '所属改革领域编号,多个以分号分隔(JSON 中为数组);见 domains.json。', example: 'streamlining; business-environment' },
  { name: 'evidence', type: 'string', description: '每个领域的归类依据:领域: 方式(heading 所在标题、run-in 段首小标题、keywords 关键词): 依据文字(JSON 中为对象数组)。', example: 'streamlining: heading: 【“放管服”改革】' },
  { name: 'text', type: 'string', description: '段落原文。', example: '商事登记制度改革。2018年,中山市……' },
];

const TERM_COLUMNS: CodebookColumn[] = [
  { name: 'term', type: 'string', description: '术语。', example: '放管服' },
  { name: 'kept', type: 'boolean', description: 'true:本站术语表收录并撰写了释义;false:从报告引号中自动抽取。', example: 'true' },
  { name: 'definition', type: 'string', description: '本站撰写的释义(非报告原文)。', example: '简政放权、放管结合、优化服务的合称……' },
  { name: 'source', type: 'string', description: '释义依据的文件或报告。', example: '国务院2015年推进简政放权放管结合职能转变工作电视电话会议' },
  { name: 'synonyms', type: 'string', description: '同义说法,以、分隔。', example: '简政放权、放管结合、优化服务' },
  { name: 'related', type: 'string', description: '相关术语,以、分隔。', example: '证照分离' },
  { name: 'en', type: 'string', description: '英文释义。', example: 'streamline administration, delegate power, improve services' },
  { name: 'domain', type: 'string', description: '所属改革领域编号。', example: 'streamlining' },
  { name: 'domain_name', type: 'string', description: '所属改革领域名称。', example: '放管服与行政审批' },
  { name: 'domain_inferred', type: 'boolean', description: 'true:领域由术语出现的段落推断。', example: 'false' },
  { name: 'report', type: 'string', description: '出现所在的报告编号;术语未在任何报告出现时为空。', example: 'zhongshan-2018' },
  { name: 'jurisdiction', type: 'string', description: '行政区编号。', example: 'zhongshan' },
  { name: 'section', type: 'string', description: '所在章节锚点。', example: 's-1a2b3c' },
  { name: 'paragraph', type: 'string', description: '所在段落锚点;出现在标题中时为空。', example: 'p-1a2b3c' },
  { name: 'in_heading', type: 'boolean', description: '是否出现在标题中。', example: 'false' },
  { name: 'start', type: 'integer', description: '在段落文字中的起始位置(UTF-16 码元)。', example: '12' },
  { name: 'end', type: 'integer', description: '结束位置(不含)。', example: '15' },
  { name: 'text', type: 'string', description: '原文中的写法(可能是同义说法)。', example: '简政放权' },
  { name: 'context', type: 'string', description: '前后文(索引行)。', example: '……简政放权取得新成效……' },
  { name: 'url', type: 'string', description: '出现位置在本站的链接。', example: '/reports/xiangtan-2017/#p-1a2b3c' },
];

const DOMAIN_COLUMNS: CodebookColumn[] = [
  { name: 'groups', type: 'array', description: '专项小组:id、name(中文)、nameEn、order。', example: '{"id":"economy-ecology","name":"经济体制和生态文明体制"}' },
  { name: 'domains', type: 'array', description: '改革领域:id(网址用)、group、name、nameEn、description、headings(标题中出现即归入的词语)、keywords(关键词)、order。', example: '{"id":"streamlining","name":"放管服与行政审批"}' },
];

const REPORT_COLUMNS: CodebookColumn[] = [
  { name: 'slug', type: 'string', description: '报告编号;报告页为 /reports/<slug>/。', example: 'zhuzhou-2017' },
  { name: 'title', type: 'string', description: '原文标题;原文无标题时为空(见 displayTitle)。', example: '深化改革 永不停步的使命……' },
  { name: 'displayTitle', type: 'string', description: '显示用标题;原文无标题时为方括号内的说明性标题。', example: '[湘潭市2017年改革工作总结]' },
  { name: 'jurisdiction', type: 'object', description: '行政区:id、name、nameEn、province、level、parent。', example: '{"id":"zhongshan","name":"中山市"}' },
  { name: 'period', type: 'object', description: '涵盖时期:start、end(YYYY-MM)、label、note。', example: '{"start":"2019-01","end":"2019-06","label":"2019年上半年"}' },
  { name: 'kind', type: 'object', description: '文件类型:id、name、nameEn。', example: '{"id":"plan-news","name":"改革计划(新闻报道)"}' },
  { name: 'publisher', type: 'string', description: '出版者或网站。', example: '株洲高新网' },
  { name: 'source', type: 'string', description: '来源。', example: '株洲新区' },
  { name: 'author', type: 'string', description: '作者。', example: '区深改办' },
  { name: 'date', type: 'string', description: '成文或发布日期 YYYY-MM-DD(dateKind 说明是哪一种)。', example: '2017-12-19' },
  { name: 'chrome', type: 'array', description: '从正文中分出的网页元素:line(源文件行号)、kind、text。', example: '{"line":18,"kind":"breadcrumb"}' },
  { name: 'preamble', type: 'array', description: '第一个标题之前的段落:id、kind、text。', example: '{"id":"p-1a2b3c","text":"……"}' },
  { name: 'sections', type: 'array', description: '章节树:id、level、number、heading(原文)、title、paragraphs(id、kind、text)、sections(下级章节)。', example: '{"id":"s-1a2b3c","level":1,"heading":"一、总体推进情况"}' },
];

/** Every documented download, in the order the codebook lists them. */
export const CODEBOOK: CodebookFile[] = [
  { file: 'figures.csv', name: 'figures', format: 'csv', title: '报告中的数字', description: '从报告正文中自动抽取的数字(计数、百分比、金额、面积、时长、前后变化),每行一个,附原句。日期、年份、文号和序号不计。', columns: FIGURE_COLUMNS },
  { file: 'figures.json', name: 'figures-json', format: 'json', title: '报告中的数字(JSON)', description: '与 figures.csv 相同的内容;domains 为数组。', columns: FIGURE_COLUMNS },
  { file: 'firsts.csv', name: 'firsts', format: 'csv', title: '“率先”“首个”等表述', description: '报告中声称率先、首个、第一或走在前列的表述,附范围和原句。“力争”“争创”等目标不计。', columns: FIRST_COLUMNS },
  { file: 'firsts.json', name: 'firsts-json', format: 'json', title: '“率先”“首个”等表述(JSON)', description: '与 firsts.csv 相同的内容。', columns: FIRST_COLUMNS },
  { file: 'indicators.csv', name: 'indicators', format: 'csv', title: '可比指标', description: '每个指标在每份报告中的数值,一行一个(分项各一行);报告中没有的记为 not_reported。', columns: INDICATOR_COLUMNS },
  { file: 'indicators.json', name: 'indicators-json', format: 'json', title: '可比指标(JSON)', description: '指标定义(含查找数值的正则表达式)及其数值。', columns: INDICATOR_COLUMNS },
  { file: 'passages.csv', name: 'passages', format: 'csv', title: '段落与改革领域', description: '每份报告的每个段落,附所属改革领域和归类依据;一段可属于多个领域,未归类的领域列为空。', columns: PASSAGE_COLUMNS },
  { file: 'passages.json', name: 'passages-json', format: 'json', title: '段落与改革领域(JSON)', description: '与 passages.csv 相同;domains 为数组,evidence 为对象数组(domain、via、evidence)。', columns: PASSAGE_COLUMNS },
  { file: 'domains.json', name: 'domains', format: 'json', title: '改革领域分类', description: '领域分类表及归类规则(与 content/domains.json 相同)。', columns: DOMAIN_COLUMNS },
  { file: 'terms.csv', name: 'terms', format: 'csv', title: '术语及其出现位置', description: '每个术语在各报告中的每次出现一行(收录但未出现的术语一行,出现位置各列为空)。', columns: TERM_COLUMNS },
  { file: 'terms.json', name: 'terms-json', format: 'json', title: '术语(JSON)', description: '每个术语一个对象,出现位置为数组。', columns: TERM_COLUMNS },
  { file: 'reports.json', name: 'reports', format: 'json', title: '报告元数据与章节树', description: '每份报告的元数据、从正文分出的网页元素,以及章节树(含每段全文)。', columns: REPORT_COLUMNS },
];

/** Returns rows as UTF-8 CSV with a byte-order mark (so Excel and WPS read the Chinese) and a header row in codebook order. */
export function toCsv(file: string, rows: Array<Record<string, string | number | undefined | null>>): string {
  const entry = CODEBOOK.find((f) => f.file === file);
  if (!entry) throw new Error(`${file} is not in the codebook (src/lib/codebook.ts)`);
  const names = entry.columns.map((c) => c.name);
  const body = rows.map((r) => names.map((n) => (r[n] === undefined || r[n] === null ? '' : String(r[n]))));
  return `\uFEFF${csvFormatRows([names, ...body])}\n`;
}

/** Returns a Response for a CSV download. */
export function csvResponse(csv: string): Response {
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

/** Returns a Response for a JSON download, pretty-printed with a final newline. */
export function jsonResponse(body: unknown): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
