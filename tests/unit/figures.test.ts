import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFigures, figuresInText, firstsInText, matchIndicators, parseNumber, type ReportFigures } from '../../scripts/lib/figures.ts';
import { buildReport } from '../../scripts/lib/report.ts';
import type { Section } from '../../scripts/lib/types.ts';
import { loadSeed, pipelineData, ROOT, seedSlugs } from './helpers.ts';

/** Every seed built as the content script builds it, with its figures and firsts. */
const reports: ReportFigures[] = seedSlugs().map((slug) => {
  const { record } = buildReport(loadSeed(slug), pipelineData());
  return record as unknown as ReportFigures;
});
const bySlug = new Map(reports.map((r) => [r.slug, r]));
const indicators = JSON.parse(readFileSync(join(ROOT, 'content', 'indicators.json'), 'utf8'));
const values = matchIndicators(indicators, reports);

/** Returns the value of an indicator in a report (and label), or undefined. */
function valueOf(indicator: string, report: string, label?: string) {
  return values.find((v) => v.indicator === indicator && v.report === report && v.label === label);
}

test('Chinese numerals are read by nzh, with 两 and 〇', () => {
  assert.equal(parseNumber('一千'), 1000);
  assert.equal(parseNumber('两万'), 20000);
  assert.equal(parseNumber('十三'), 13);
  assert.equal(parseNumber('一百零五'), 105);
  assert.equal(parseNumber('20.7'), 20.7);
  assert.ok(Number.isNaN(parseNumber('改革')));
});

test('counts, percentages, money, areas and durations are figures with their unit', () => {
  const got = (text: string) => figuresInText(text).map((f) => [f.text, f.value, f.unit, f.kind]);
  assert.deepEqual(got('统筹推进改革任务115项。'), [['115项', 115, '项', 'count']]);
  assert.deepEqual(got('同比增长11.3%,提高4个百分点。'), [['11.3%', 11.3, '%', 'percent'], ['4个百分点', 4, '个百分点', 'points']]);
  assert.deepEqual(got('全年减税降费8亿元,投入120万元。'), [['8亿元', 8, '亿元', 'money'], ['120万元', 120, '万元', 'money']]);
  assert.deepEqual(got('新增耕地流转面积7.5万亩,扩展至138平方公里、260平方千米。'), [
    ['7.5万亩', 7.5, '万亩', 'area'],
    ['138平方公里', 138, '平方公里', 'area'],
    ['260平方千米', 260, '平方千米', 'area'],
  ]);
  assert.deepEqual(got('压缩至5个工作日,60分钟办结,9.9个月,130小时。'), [
    ['5个工作日', 5, '个工作日', 'duration'],
    ['60分钟', 60, '分钟', 'duration'],
    ['9.9个月', 9.9, '个月', 'duration'],
    ['130小时', 130, '小时', 'duration'],
  ]);
  assert.deepEqual(got('重点培育百名好书记、全面培养一千名书记,培育两万户,完成十三项。'), [
    ['百名', 100, '名', 'count'],
    ['一千名', 1000, '名', 'count'],
    ['两万户', 2, '万户', 'count'],
    ['十三项', 13, '项', 'count'],
  ]);
  const approx = figuresInText('累计3300多个事项')[0];
  assert.equal(approx.value, 3300);
  assert.equal(approx.approx, '多');
});

test('before→after changes keep both values', () => {
  const [startUp] = figuresInText('时间由20.7天缩短至5天。');
  assert.equal(startUp.text, '由20.7天缩短至5天');
  assert.deepEqual(startUp.change, { from: 20.7, to: 5, verb: '缩短' });
  assert.equal(startUp.value, 5);
  assert.equal(startUp.unit, '天');
  assert.equal(startUp.phrase, '时间');
  const [steps] = figuresInText('企业开办程序由5个简化至3个,');
  assert.deepEqual([steps.change, steps.unit, steps.phrase], [{ from: 5, to: 3, verb: '简化' }, '个', '企业开办程序']);
  const [approvals] = figuresInText('投资报建审批事项由43项减少为35项。');
  assert.deepEqual([approvals.change, approvals.unit], [{ from: 43, to: 35, verb: '减少' }, '项']);
  assert.equal(figuresInText('由43项减少为35项').length, 1, 'the numbers inside a change are not figures of their own');
});

test('dates, years, document numbers, list numbering, ordinals and slogans are not figures', () => {
  for (const text of [
    '2018年',
    '2018年9月30日,市委深改组对全市改革任务实行分级督察。',
    '根据《关于深化改革的意见》(中发〔2016〕26号)',
    '粤府办〔2016〕26号文',
    '3.狠抓督察考核',
    '(一)推进放管服改革',
    '每次召开会议的第一个议题',
    '花石镇成功获批第二批全国特色小镇',
    '建立一个重要机制',
    '增强“四个意识”、坚定“四个自信”',
    '实行营业执照“二十四证合一”',
    '通过土地二次开发提升城区品质',
    '建设4K超高清电视',
  ]) {
    assert.deepEqual(figuresInText(text).map((f) => f.text), [], text);
  }
});

test('the issue’s values are found in the seeds', () => {
  const find = (slug: string, text: string) => bySlug.get(slug)!.figures.filter((f) => f.text === text);
  const [zsStartUp] = find('zhongshan-2018', '由20.7天缩短至5天');
  assert.deepEqual(zsStartUp.change, { from: 20.7, to: 5, verb: '缩短' });
  assert.equal(zsStartUp.unit, '天');
  assert.ok(zsStartUp.sentence.includes('企业开办程序由5个简化至3个'));
  assert.equal(find('guangzhou-2019h1', '351项')[0].phrase, '证明事项');
  assert.equal(find('guangzhou-2019h1', '71项')[0].phrase, '证明事项');
  assert.equal(find('xiangtan-2017', '25项')[0].phrase, '承担国家级改革试点');
  assert.equal(find('xiangtan-2017', '30项')[0].phrase, '省级改革试点');
  const [xtApprovals] = find('xiangtan-2017', '由43项减少为35项');
  assert.deepEqual(xtApprovals.change, { from: 43, to: 35, verb: '减少' });
  assert.equal(xtApprovals.phrase, '投资报建审批事项');
  for (const r of reports) {
    for (const f of r.figures) {
      assert.ok(!/^(19|20)\d\d$/.test(String(f.value)) || f.unit !== '年', `${r.slug}: a year became a figure: ${f.text}`);
      assert.ok(!f.sentence.includes(`〔${f.value}〕`), `${r.slug}: a document number became a figure: ${f.text}`);
    }
  }
});

test('every figure and first keeps its paragraph, sentence, domains and a unique stable id', () => {
  for (const r of reports) {
    const ids = new Set<string>();
    const paragraphs = new Map<string, string>();
    const walk = (s: ReportFigures['outline']) => {
      for (const p of s.paragraphs) paragraphs.set(p.id, p.text);
      s.children.forEach(walk);
    };
    walk(r.outline);
    for (const f of [...r.figures, ...r.firsts]) {
      assert.ok(!ids.has(f.id), `${r.slug}: duplicate id ${f.id}`);
      ids.add(f.id);
      const text = paragraphs.get(f.paragraph);
      assert.ok(text, `${r.slug}: ${f.id} names an unknown paragraph`);
      assert.equal(text.slice(f.start, f.end), f.text, `${r.slug}: ${f.id} offsets`);
      assert.ok(f.sentence.includes(f.text), `${r.slug}: ${f.id} sentence`);
      assert.equal(f.report, r.slug);
      assert.ok(Array.isArray(f.domains));
    }
  }
  // Ids come from content: building again gives the same ids.
  const again = buildReport(loadSeed('zhongshan-2018'), pipelineData()).record as unknown as ReportFigures;
  assert.deepEqual(again.figures.map((f) => f.id), bySlug.get('zhongshan-2018')!.figures.map((f) => f.id));
});

test('firsts keep their scope; aims and restatements are not counted', () => {
  const got = (text: string) => firstsInText(text).map((f) => [f.text, f.claim, f.scope]);
  assert.deepEqual(got('在全省率先制定《督察办法》。'), [['在全省率先', '率先', '全省']]);
  assert.deepEqual(got('成立全国首个大湾区中心,中山成为全国首批试点城市。'), [['全国首个', '首个', '全国'], ['全国首批', '首个', '全国']]);
  assert.deepEqual(got('占全省总数的三分之一,数量在21个地市级中排名第一位。'), [['排名第一位', '第一', '全省']]);
  assert.deepEqual(got('在全省走在前列。'), [['走在前列', '前列', '全省']]);
  assert.deepEqual(got('率先在全市成立水政执法监察大队'), [['率先在全市', '率先', '全市']]);
  assert.deepEqual(got('以率先建成国家生态文明试验区为目标'), []);
  assert.deepEqual(got('争创2个走在前列的国家级试点示范区域'), []);
  const zs = bySlug.get('zhongshan-2018')!;
  const inspections = zs.firsts.filter((f) => f.sentence.includes('督察办法'));
  assert.equal(inspections.length, 2, 'run-in heading and its paragraph both claim it');
  assert.equal(inspections.filter((f) => !f.repeatOf).length, 1, 'but it counts once');
});

test('indicators: the values the issue lists, each on its figure', () => {
  const expect = (indicator: string, report: string, text: string, label?: string) => {
    const v = valueOf(indicator, report, label);
    assert.ok(v, `${indicator} ${report} ${label ?? ''}: no value`);
    assert.equal(v.text, text, `${indicator} ${report}`);
    if (v.figure) assert.ok(bySlug.get(report)!.figures.some((f) => f.id === v.figure && f.text === text));
  };
  expect('reform-tasks', 'zhongshan-2018', '115项');
  expect('reform-tasks', 'xiangtan-2017', '213项');
  expect('reform-tasks', 'pingshan-2017', '28个');
  expect('reform-tasks', 'guangzhou-2019h1', '209项');
  expect('leading-group-meetings', 'zhongshan-2018', '4次');
  expect('leading-group-meetings', 'xiangtan-2017', '4次');
  expect('documents-reviewed', 'zhongshan-2018', '12份');
  expect('documents-reviewed', 'xiangtan-2017', '31个');
  expect('reform-inspections', 'zhongshan-2018', '24次', '专项改革督察');
  expect('reform-inspections', 'xiangtan-2017', '4次', '自主开展');
  expect('business-startup-time', 'zhongshan-2018', '由20.7天缩短至5天');
  expect('certificates-cancelled', 'guangzhou-2019h1', '351项', '市一级');
  expect('certificates-cancelled', 'guangzhou-2019h1', '71项', '区一级');
  expect('pilots-national', 'xiangtan-2017', '25项');
  expect('pilots-provincial', 'xiangtan-2017', '30项');
  expect('discipline-cases', 'zhongshan-2018', '556人');
  expect('discipline-cases', 'xiangtan-2017', '53人');
  assert.equal(valueOf('business-startup-time', 'zhongshan-2018')!.change!.from, 20.7);
  // No value is invented: a report without the sentence has no value (the page shows 未报告).
  assert.equal(valueOf('leading-group-meetings', 'zhuzhou-2017'), undefined);
  assert.equal(valueOf('pilots-national', 'guangzhou-2019h1'), undefined);
  assert.ok(values.every((v) => v.value > 0));
});

test('a pattern whose value is not an extracted figure fails with a message naming it', () => {
  const outline: Section = { id: 'top', level: 0, style: 'root', title: '', heading: '', lines: [1, 1], paragraphs: [{ id: 'p-1', kind: 'text', text: '召开会议四回。', lines: [1, 1] }], children: [] };
  const { figures, firsts } = extractFigures(outline, { report: 'r', jurisdiction: 'j' });
  assert.throws(() => matchIndicators([{ id: 'x', patterns: [{ pattern: '召开会议(?<v>四回)' }] }], [{ slug: 'r', jurisdiction: 'j', outline, figures, firsts }]), /指标 x .*四回/);
});
