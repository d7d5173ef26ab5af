// model/outline.ts: the one walker of a report's outline, shared by the pipeline (drafts with text)
// and the site (the stored record): document order, the path of sections above a paragraph, and
// the figures and firsts in order with their paragraph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figuresOf, firstsOf, headingLine, paragraphsOf, sectionsOf, type OutlineNode } from '../../model/outline.ts';
import type { Paragraph } from '../../model/schemas/paragraph.ts';
import type { Section } from '../../model/schemas/section.ts';
import { builtFounding } from './helpers.ts';

interface P {
  id: string;
  figures: Array<{ id: string }>;
  firsts: Array<{ id: string }>;
}
type S = OutlineNode<P> & { id: string; heading: string; children: S[] };

const p = (id: string, figures: string[] = [], firsts: string[] = []): P => ({ id, figures: figures.map((f) => ({ id: f })), firsts: firsts.map((f) => ({ id: f })) });
const section = (id: string, level: number, paragraphs: P[], children: S[] = []): S => ({ id, level, heading: id, paragraphs, children });

// top: a │ 1: b, c │ 1.1: d │ 1.1.1: e │ 1.2: (none) │ 2: f
const s111 = section('1.1.1', 3, [p('e', ['fig-e'])]);
const s11 = section('1.1', 2, [p('d', [], ['first-d'])], [s111]);
const s12 = section('1.2', 2, []);
const s1 = section('1', 1, [p('b', ['fig-b1', 'fig-b2']), p('c')], [s11, s12]);
const s2 = section('2', 1, [p('f', ['fig-f'], ['first-f'])]);
const root = section('top', 0, [p('a', [], ['first-a'])], [s1, s2]);

test('sectionsOf walks the sections in document order, the root left out', () => {
  assert.deepEqual([...sectionsOf(root)].map((s) => s.id), ['1', '1.1', '1.1.1', '1.2', '2']);
  assert.deepEqual([...sectionsOf(s12)], []);
});

test('paragraphsOf gives each paragraph in document order with its section and the path of sections above it', () => {
  const placed = [...paragraphsOf<S, P>(root)].map(({ paragraph, section, path }) => [paragraph.id, section.id, path.map((s) => s.id).join('/')]);
  assert.deepEqual(placed, [
    ['a', 'top', ''],
    ['b', '1', '1'],
    ['c', '1', '1'],
    ['d', '1.1', '1/1.1'],
    ['e', '1.1.1', '1/1.1/1.1.1'],
    ['f', '2', '2'],
  ]);
  // A section's own paragraphs come before its subsections'.
  const [b] = [...paragraphsOf<S, P>(s1)];
  assert.equal(b.paragraph.id, 'b');
  assert.deepEqual(b.path, [], 'the path starts below the section walked from');
});

test('figuresOf and firstsOf list findings in document order, each with its paragraph', () => {
  assert.deepEqual(figuresOf(root).map((f) => `${f.paragraph}:${f.id}`), ['b:fig-b1', 'b:fig-b2', 'e:fig-e', 'f:fig-f']);
  assert.deepEqual(firstsOf(root).map((f) => `${f.paragraph}:${f.id}`), ['a:first-a', 'd:first-d', 'f:first-f']);
});

test('headingLine puts a two-line heading on one line', () => {
  assert.equal(headingLine('1.深化经济体制改革——\n“一张蓝图绘到底”'), '1.深化经济体制改革——“一张蓝图绘到底”');
  assert.equal(headingLine('政治站位高\n改革落实深'), '政治站位高 改革落实深');
  assert.equal(headingLine('【改革工作概况】'), '【改革工作概况】');
});

test('on a stored record the walker agrees with the record’s counts', () => {
  const { record } = builtFounding('zhuzhou-2017');
  assert.equal([...sectionsOf(record.outline)].length, record.stats.sections);
  const placed = [...paragraphsOf<Section, Paragraph>(record.outline)];
  assert.equal(placed.length, record.stats.paragraphs);
  for (const { section, path } of placed) {
    assert.equal(path.at(-1) ?? record.outline, section);
    path.forEach((s, i) => assert.equal(s.level, i + 1, 'levels go down one at a time along the path'));
  }
  assert.equal(figuresOf(record.outline).length, 81);
});
