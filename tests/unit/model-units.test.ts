// model/units.ts: the units a figure can carry, what each measures, and how a figure's number is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureMeasureSchema } from '../../model/schemas/figure.ts';
import { UNITS, measureOf, numeralOf } from '../../model/units.ts';
import { figuresInText } from '../../pipeline/4-extract/figures.ts';

test('numeralOf reads the last numeral before the unit: arabic or chinese', () => {
  assert.equal(numeralOf('由20.7天缩短至5天', '天'), 'arabic');
  assert.equal(numeralOf('百分之三十', '%'), 'chinese');
  assert.equal(numeralOf('2.3万元', '万元'), 'arabic');
  assert.equal(numeralOf('三十项', '项'), 'chinese');
  // For a change, the value after it decides.
  assert.equal(numeralOf('由二十天缩短至5天', '天'), 'arabic');
  assert.equal(numeralOf('由20天缩短至五天', '天'), 'chinese');
  assert.equal(numeralOf('１２项', '项'), 'arabic', 'full-width digits are arabic');
  assert.equal(numeralOf('3300多个', '个'), 'arabic');
});

test('numeralOf on figures as the pipeline finds them', () => {
  const got = (text: string) => figuresInText(text).map((f) => [f.text, f.unit, numeralOf(f.text, f.unit)]);
  assert.deepEqual(got('开办时间由20.7天缩短至5天。'), [['由20.7天缩短至5天', '天', 'arabic']]);
  assert.deepEqual(got('提高百分之三十。'), [['百分之三十', '%', 'chinese']]);
  assert.deepEqual(got('补贴2.3万元。'), [['2.3万元', '万元', 'arabic']]);
  assert.deepEqual(got('完成三十项。'), [['三十项', '项', 'chinese']]);
});

test('measureOf: what a unit measures, count when unknown', () => {
  assert.equal(measureOf('万元'), 'money');
  assert.equal(measureOf('个工作日'), 'duration');
  assert.equal(measureOf('个百分点'), 'points');
  assert.equal(measureOf('%'), 'percent');
  assert.equal(measureOf('平方公里'), 'area');
  assert.equal(measureOf('项'), 'count');
  assert.equal(measureOf('不是单位'), 'count');
});

test('UNITS: each unit once, a known measure, and no unit after a shorter one it starts with (it could never match)', () => {
  const units = UNITS.map(([u]) => u);
  assert.equal(new Set(units).size, units.length);
  for (const [, measure] of UNITS) assert.ok(figureMeasureSchema.safeParse(measure).success, measure);
  units.forEach((u, i) => {
    for (const earlier of units.slice(0, i)) assert.ok(!u.startsWith(earlier), `${u} comes after ${earlier}`);
  });
});
