import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figuresOf, firstsOf, paragraphsOf } from '../../model/outline.ts';
import type { Figure } from '../../model/schemas/figure.ts';
import type { First } from '../../model/schemas/first.ts';
import type { Indicator } from '../../model/schemas/indicator.ts';
import type { Paragraph } from '../../model/schemas/paragraph.ts';
import type { Section } from '../../model/schemas/section.ts';
import { measureOf } from '../../model/units.ts';
import { sentenceAround } from '../../model/zh.ts';
import { extractFigures, figuresInText, firstsInText, parseNumber } from '../../pipeline/4-extract/figures.ts';
import { indicatorValues } from '../../pipeline/4-extract/indicators.ts';
import type { SectionDraft } from '../../pipeline/draft.ts';
import { build, builtFounding, builtSeed, foundingSlugs, loadFounding, seedSlugs, type Built } from './helpers.ts';

/** A figure or first of a built report with what the site reads from the text: its paragraph's text, the printed words and the sentence. */
type Located<T> = T & { paragraph: string; printed: string; sentence: string; text: string };

/** Returns the figures and firsts of a built report, each read back from its paragraph's text in the MDX body. */
function findings(built: Built): { figures: Array<Located<Figure> & { words: string }>; firsts: Array<Located<First>> } {
  const locate = <T extends { at: [number, number]; paragraph: string }>(f: T): Located<T> => {
    const text = built.texts.get(f.paragraph);
    assert.ok(text !== undefined, `${built.record.slug}: ${f.paragraph} is not in the body`);
    return { ...f, text, printed: text.slice(f.at[0], f.at[1]), sentence: sentenceAround(text, f.at[0], f.at[1]) };
  };
  return {
    figures: figuresOf(built.record.outline).map((f) => {
      const located = locate(f);
      return { ...located, words: located.text.slice(f.phrase[0], f.phrase[1]) };
    }),
    firsts: firstsOf(built.record.outline).map(locate),
  };
}

/** The five founding reports (their copies in tests/fixtures/founding/) built as the content script builds them, with their figures and firsts. */
const bySlug = new Map(foundingSlugs().map((slug) => [slug, findings(builtFounding(slug))]));
const values = foundingSlugs().flatMap((slug) => builtFounding(slug).values);
/** Every seed of the project, for the invariants that hold for any report. */
const seeds = new Map(seedSlugs().map((slug) => [slug, { built: builtSeed(slug), ...findings(builtSeed(slug)) }]));

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
  const got = (text: string) => figuresInText(text).map((f) => [f.text, f.value, f.unit, measureOf(f.unit)]);
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
  // 百分之 takes the whole numeral after it: no unit follows to end it.
  assert.deepEqual(got('提高百分之三十,降低百分之5。'), [['百分之三十', 30, '%', 'percent'], ['百分之5', 5, '%', 'percent']]);
  const approx = figuresInText('累计3300多个事项')[0];
  assert.equal(approx.value, 3300);
  assert.equal(approx.approx, '多');
  // Offsets point into the text: the span reads the printed figure.
  const text = '全年减税降费8亿元,投入120万元。';
  for (const f of figuresInText(text)) assert.equal(text.slice(f.start, f.end), f.text);
});

test('before→after changes keep both values', () => {
  const phrase = (text: string, f: { phrase: [number, number] }) => text.slice(f.phrase[0], f.phrase[1]);
  const t1 = '时间由20.7天缩短至5天。';
  const [startUp] = figuresInText(t1);
  assert.equal(startUp.text, '由20.7天缩短至5天');
  assert.deepEqual(startUp.change, { from: 20.7, to: 5, verb: '缩短' });
  assert.equal(startUp.value, 5);
  assert.equal(startUp.unit, '天');
  assert.equal(phrase(t1, startUp), '时间');
  const t2 = '企业开办程序由5个简化至3个,';
  const [steps] = figuresInText(t2);
  assert.deepEqual([steps.change, steps.unit, phrase(t2, steps)], [{ from: 5, to: 3, verb: '简化' }, '个', '企业开办程序']);
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

test('the five founding reports hold 329 figures and 42 firsts (41 counted: one restates another)', () => {
  const counts = Object.fromEntries([...bySlug].map(([slug, r]) => [slug, [r.figures.length, r.firsts.length]]));
  assert.deepEqual(counts, {
    'guangzhou-2019h1': [49, 7],
    'pingshan-2017': [4, 0],
    'xiangtan-2017': [84, 21],
    'zhongshan-2018': [111, 10],
    'zhuzhou-2017': [81, 4],
  });
  const all = [...bySlug.values()];
  assert.equal(all.reduce((n, r) => n + r.figures.length, 0), 329);
  assert.equal(all.reduce((n, r) => n + r.firsts.length, 0), 42);
  assert.equal(all.reduce((n, r) => n + r.firsts.filter((f) => !f.repeatOf).length, 0), 41);
});

test('the issue’s values are found in the five founding reports', () => {
  const find = (slug: string, printed: string) => bySlug.get(slug)!.figures.filter((f) => f.printed === printed);
  const [zsStartUp] = find('zhongshan-2018', '由20.7天缩短至5天');
  assert.deepEqual(zsStartUp.change, { from: 20.7, to: 5, verb: '缩短' });
  assert.equal(zsStartUp.unit, '天');
  assert.ok(zsStartUp.sentence.includes('企业开办程序由5个简化至3个'));
  assert.equal(find('guangzhou-2019h1', '351项')[0].words, '证明事项');
  assert.equal(find('guangzhou-2019h1', '71项')[0].words, '证明事项');
  assert.equal(find('xiangtan-2017', '25项')[0].words, '承担国家级改革试点');
  assert.equal(find('xiangtan-2017', '30项')[0].words, '省级改革试点');
  const [xtApprovals] = find('xiangtan-2017', '由43项减少为35项');
  assert.deepEqual(xtApprovals.change, { from: 43, to: 35, verb: '减少' });
  assert.equal(xtApprovals.words, '投资报建审批事项');
  for (const [slug, r] of bySlug) {
    for (const f of r.figures) {
      assert.ok(!/^(19|20)\d\d$/.test(String(f.value)) || f.unit !== '年', `${slug}: a year became a figure: ${f.printed}`);
      assert.ok(!f.sentence.includes(`〔${f.value}〕`), `${slug}: a document number became a figure: ${f.printed}`);
    }
  }
});

test('every seed: every figure and first lies in a reporting paragraph of its report, with its sentence and a unique id', () => {
  for (const [slug, { built, figures, firsts }] of seeds) {
    const { record } = built;
    const roles = new Map([...paragraphsOf<Section, Paragraph>(record.outline)].map(({ paragraph }) => [paragraph.id, paragraph.role]));
    const ids = new Set<string>();
    for (const f of [...figures, ...firsts]) {
      assert.ok(!ids.has(f.id), `${slug}: duplicate id ${f.id}`);
      ids.add(f.id);
      // Glossary boxes define, they do not report: figures and firsts come from the report's own statements.
      assert.ok(['text', 'item', 'place', 'table'].includes(roles.get(f.paragraph)!), `${slug}: ${f.id} is in a ${roles.get(f.paragraph)} paragraph`);
      assert.ok(f.at[0] < f.at[1] && f.at[1] <= f.text.length, `${slug}: ${f.id} span ${f.at} outside its paragraph`);
      assert.ok(f.sentence.includes(f.printed), `${slug}: ${f.id} sentence`);
    }
    for (const f of figures) {
      // The span covers the number and its unit, as printed.
      assert.ok(f.printed.endsWith(f.unit) || (f.unit === '%' && f.printed.startsWith('百分之')), `${slug}: ${f.id} reads ${f.printed}, not a ${f.unit} figure`);
      const [found] = figuresInText(f.printed);
      assert.equal(found?.value, f.value, `${slug}: ${f.id} value ${f.value} is not what ${f.printed} says`);
      assert.ok(f.phrase[0] <= f.phrase[1] && f.phrase[1] <= f.text.length && f.words.length <= 12, `${slug}: ${f.id} phrase`);
    }
    for (const f of firsts) {
      assert.match(f.printed, /率先|首|第一|前列|领先/, `${slug}: ${f.id} reads ${f.printed}`);
      if (f.repeatOf) assert.ok(firsts.some((g) => g.id === f.repeatOf && !g.repeatOf && g.printed === f.printed), `${slug}: ${f.id} restates ${f.repeatOf}, which is no first of the report`);
    }
    // Every indicator value of the report is on one of its figures (or counts its firsts), under its jurisdiction.
    const valueIds = new Set<string>();
    for (const v of built.values) {
      assert.ok(!valueIds.has(v.id), `${slug}: value ${v.id} twice`);
      valueIds.add(v.id);
      assert.deepEqual([v.report, v.jurisdiction], [slug, record.jurisdiction], v.id);
      if (v.figure) {
        const figure = figures.find((f) => f.id === v.figure);
        assert.ok(figure, `${slug}: ${v.id} names no figure of the report`);
        assert.deepEqual([v.value, v.unit], [figure.value, figure.unit], v.id);
      }
    }
    const counted = firsts.filter((f) => !f.repeatOf).length;
    const claimed = built.values.find((v) => v.indicator === 'firsts-claimed');
    assert.deepEqual(claimed && [claimed.value, claimed.unit, claimed.figure], counted > 0 ? [counted, '处', undefined] : undefined, slug);
  }
});

test('figure ids come from content: the same on a second build, and unchanged by a paragraph added earlier', () => {
  const ids = (b: Built) => figuresOf(b.record.outline).map((f) => f.id);
  const before = ids(builtFounding('zhongshan-2018'));
  assert.deepEqual(ids(build(loadFounding('zhongshan-2018'))), before);
  const seed = loadFounding('zhongshan-2018');
  assert.ok(seed.body.includes('\n【“放管服”改革】'));
  const changed = build({ ...seed, body: seed.body.replace('\n【“放管服”改革】', '\n新增一段:完成改革任务7项。\n【“放管服”改革】') });
  const after = ids(changed);
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(after.filter((id) => before.includes(id)), before);
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
  const expect = (indicator: string, report: string, printed: string, label?: string) => {
    const v = valueOf(indicator, report, label);
    assert.ok(v, `${indicator} ${report} ${label ?? ''}: no value`);
    assert.ok(v.figure, `${indicator} ${report}: the value names no figure`);
    const figure = bySlug.get(report)!.figures.find((f) => f.id === v.figure);
    assert.ok(figure, `${indicator} ${report}: figure ${v.figure} is not in the report`);
    assert.equal(figure.printed, printed, `${indicator} ${report}`);
    assert.deepEqual([v.value, v.unit, v.jurisdiction], [figure.value, figure.unit, builtFounding(report).record.jurisdiction]);
    return figure;
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
  const startUp = expect('business-startup-time', 'zhongshan-2018', '由20.7天缩短至5天');
  expect('certificates-cancelled', 'guangzhou-2019h1', '351项', '市一级');
  expect('certificates-cancelled', 'guangzhou-2019h1', '71项', '区一级');
  expect('pilots-national', 'xiangtan-2017', '25项');
  expect('pilots-provincial', 'xiangtan-2017', '30项');
  expect('discipline-cases', 'zhongshan-2018', '556人');
  expect('discipline-cases', 'xiangtan-2017', '53人');
  assert.equal(startUp.change!.from, 20.7);
  // No value is invented: a report without the sentence has no value (the page shows 未报告).
  assert.equal(valueOf('leading-group-meetings', 'zhuzhou-2017'), undefined);
  assert.equal(valueOf('pilots-national', 'guangzhou-2019h1'), undefined);
  assert.ok(values.every((v) => v.value > 0));
  // The firsts indicator counts the claims a report makes, restatements left out; a report with none has no value.
  for (const [slug, r] of bySlug) {
    const counted = r.firsts.filter((f) => !f.repeatOf).length;
    const v = valueOf('firsts-claimed', slug);
    assert.deepEqual(v && [v.value, v.unit, v.figure], counted > 0 ? [counted, '处', undefined] : undefined, slug);
  }
  assert.equal(new Set(values.map((v) => v.id)).size, values.length, 'value ids are unique');
});

test('a pattern whose value is not an extracted figure fails with a message naming it', () => {
  const text = '召开会议四回。';
  const outline: SectionDraft = { id: 'top', level: 0, style: 'root', title: '', heading: '', lines: [1, 1], paragraphs: [{ id: 'p-1', role: 'text', text, lines: [1, 1] }], children: [] };
  const { figures, firsts } = extractFigures(outline, 'r');
  const indicator: Indicator = { id: 'x', name: 'x', nameEn: 'x', unit: '次', description: 'x', valuesFrom: 'figures', patterns: [{ pattern: '召开会议(?<v>四回)' }] };
  const report = { slug: 'r', jurisdiction: 'j', paragraphs: [{ id: 'p-1', text }], figures, firsts };
  assert.throws(() => indicatorValues([indicator], report), /指标 x .*四回/);
  // The same pattern on a figure gives its value.
  const found = { ...report, paragraphs: [{ id: 'p-1', text: '召开会议4次。' }] };
  const on = extractFigures({ ...outline, paragraphs: [{ ...outline.paragraphs[0], text: '召开会议4次。' }] }, 'r');
  assert.deepEqual(indicatorValues([{ ...indicator, patterns: [{ pattern: '召开会议(?<v>\\d+次)' }] }], { ...found, ...on }), [
    { id: 'x/r', indicator: 'x', report: 'r', jurisdiction: 'j', value: 4, unit: '次', figure: on.figures[0].id },
  ]);
});
