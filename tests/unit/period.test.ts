// The seed's `period:`: the accepted forms, approximate (约) and unstated (未说明) periods, and the
// accepted form suggested for the Chinese ways of writing one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod, periodFix, suggestPeriod } from '../../pipeline/1-read/period.ts';
import { periodSchema } from '../../model/schemas/report.ts';

test('exact periods: a year, a half, a quarter, a month, intervals; precision left at its default', () => {
  assert.deepEqual(parsePeriod('2018'), { raw: '2018', start: '2018-01', end: '2018-12', years: [2018], label: '2018年' });
  assert.equal(parsePeriod('2019-H1')?.label, '2019年上半年');
  assert.equal(parsePeriod('2019-Q3')?.label, '2019年第三季度');
  assert.equal(parsePeriod('2013/2017')?.label, '2013—2017年');
  assert.equal(periodSchema.parse({ ...parsePeriod('2018'), note: '' }).precision, 'exact');
});

test('约 makes any exact form approximate: same months and years, 约 in the label', () => {
  const p = parsePeriod('约2019-H1');
  assert.deepEqual(p, { raw: '约2019-H1', precision: 'approximate', start: '2019-01', end: '2019-06', years: [2019], label: '约2019年上半年' });
  assert.equal(parsePeriod('约 2013/2017')?.label, '约2013—2017年');
  assert.equal(parsePeriod('约未说明'), undefined);
  assert.equal(parsePeriod('约约2018'), undefined);
});

test('未说明 claims no time: empty start and end, no years, and the schema accepts it', () => {
  for (const raw of ['未说明', '未注明', '不详']) {
    const p = parsePeriod(raw);
    assert.deepEqual(p, { raw, precision: 'unstated', start: '', end: '', years: [], label: '时期未说明' });
    assert.equal(periodSchema.parse({ ...p, note: '' }).precision, 'unstated');
  }
});

test('Chinese ways of writing a period are refused, with the accepted form suggested', () => {
  const cases: Record<string, string | undefined> = {
    '2018年': '2018',
    '2019年度': '2019',
    '2019年上半年': '2019-H1',
    '2019年下半年': '2019-H2',
    '2019年第三季度': '2019-Q3',
    '2019年3月': '2019-03',
    '2019年1-6月': '2019-01/2019-06',
    '2013—2017年': '2013/2017',
    '2013-2017': '2013/2017',
    '约2018年': '约2018',
    '不明': '未说明',
    '2019年13月': undefined,
    '今年': undefined,
  };
  for (const [raw, expected] of Object.entries(cases)) {
    assert.equal(parsePeriod(raw), undefined, raw);
    assert.equal(suggestPeriod(raw), expected, raw);
  }
  assert.match(periodFix('2018年'), /^大概应写成 period: "2018"。可用的写法:"2018"\(全年\)、.*原文没有说明时期写 未说明;起点不能晚于终点。$/);
  assert.match(periodFix('今年'), /^可用的写法:/);
});
