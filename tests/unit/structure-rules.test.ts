import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paragraphsOf, sectionsOf } from '../../model/outline.ts';
import { readSeed, type Seed } from '../../pipeline/1-read/seed-file.ts';
import { detectChrome, readBylineLine, readDateline, readReporters } from '../../pipeline/2-structure/chrome.ts';
import { matchHeading } from '../../pipeline/2-structure/headings.ts';
import type { ParagraphDraft, SectionDraft } from '../../pipeline/draft.ts';
import { build, context, ROOT, structureOf } from './helpers.ts';

// Structure rules that hold for any report: bylines, page labels and datelines (issue 12, item 4).
// Each rule has a fixture of its own under tests/fixtures/pipeline/ (byline-office, news-dateline, page-labels).

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pipeline');

function fixture(name: string): Seed {
  const { seed, problems } = readSeed(`${name}/input.md`, name, readFileSync(join(FIXTURES, name, 'input.md')), context());
  assert.deepEqual(problems, []);
  return seed!;
}

const line = (text: string, n = 1) => ({ n, raw: text, text, indent: 0 });
const headings = (root: SectionDraft) => [...sectionsOf(root)].map((s) => s.heading);

test('a byline under a bullet mark names the issuing office: author and source, not a heading', () => {
  for (const mark of ['□', '■', '●', '◆']) {
    assert.deepEqual(readBylineLine(`${mark}中共某县委改革办`), { author: '中共某县委改革办', source: '中共某县委改革办' });
    assert.deepEqual(readBylineLine(`${mark} 某市发展和改革委员会`), { author: '某市发展和改革委员会', source: '某市发展和改革委员会' });
  }
  // A bulleted point that is a statement or a topic is not a byline.
  assert.equal(readBylineLine('□推进“放管服”改革。'), undefined);
  assert.equal(readBylineLine('■ 改革亮点'), undefined);
  // Inside the text a bullet with a unit may open a list of units: only near the top or the end is it a byline.
  assert.equal(readBylineLine('●市场监管局', false), undefined);
});

test('reporter lines are bylines, with or without parentheses, spaces or colons', () => {
  assert.equal(readReporters('记者 张三 通讯员 李四'), '张三、李四');
  assert.equal(readReporters('本报记者 王五 实习生 赵六'), '王五、赵六');
  assert.equal(readReporters('记者张三通讯员李四'), '张三、李四');
  assert.equal(readReporters('文/孙七'), '孙七');
  assert.deepEqual(readBylineLine('(记者 周八)'), { author: '周八' });
  assert.deepEqual(readBylineLine('（记者 周八 通讯员 吴九）'), { author: '周八、吴九' });
  // A sentence that mentions a reporter is text.
  assert.equal(readReporters('市委改革办相关负责人告诉记者'), undefined);
  assert.equal(readBylineLine('会议由记者站站长主持。'), undefined);
});

test('news datelines give the paper or site as source and the reporters as author; the text after them stays', () => {
  assert.deepEqual(readDateline('某某网-某某日报讯(记者 陈晓 通讯员 周平)3月8日,会议召开。'), { source: '某某网-某某日报', author: '陈晓、周平', end: '某某网-某某日报讯(记者 陈晓 通讯员 周平)'.length });
  assert.deepEqual(readDateline('本报讯 近日,市委改革办开展督察。'), { source: undefined, author: undefined, end: 4 });
  assert.equal(readDateline('某通讯社某地3月1日电(记者 王一)今天……')?.author, '王一');
  // Words that merely contain 讯 are not datelines.
  assert.equal(readDateline('通讯网络建设加快推进。'), undefined);
  assert.equal(readDateline('资讯服务平台上线运行。'), undefined);
  // A dateline alone on its line is chrome; one that opens a paragraph is not.
  const { chrome, meta } = detectChrome([line('本报讯(记者 陈晓)', 1), line('会议指出,要推进改革。', 2)], '');
  assert.deepEqual(chrome.map((c) => [c.line, c.part]), [[1, 'byline']]);
  assert.equal(meta.author, '陈晓');
});

test('page labels are chrome wherever they stand, in either script, bare or bracketed', () => {
  const labels = ['全文', '正文', '摘要', '基本介绍', '基本介紹', '内容摘要', '导读', '导读:', '【全文】', '·摘要·'];
  const lines = [...Array.from({ length: 20 }, (_, i) => line(`第${i + 1}段文字,推进改革。`, i + 1)), ...labels.map((l, i) => line(l, 30 + i))];
  const { chrome } = detectChrome(lines, '');
  assert.deepEqual(chrome.map((c) => c.text), labels);
  assert.ok(chrome.every((c) => c.part === 'ui-label'));
  // A heading that only begins with such a word is a heading.
  assert.ok(matchHeading('摘要与说明')?.style === 'plain');
});

test('fixture byline-office: the □ byline is the author, the 一、 sections stay top-level', () => {
  const seed = fixture('byline-office');
  const s = structureOf(seed);
  assert.deepEqual(
    s.chrome.map((c) => [c.part, c.text]),
    [
      ['title', '某市2021年改革工作综述'],
      ['byline', '□中共某市委全面深化改革委员会办公室'],
      ['byline', '■记者 王小明 通讯员 赵一'],
    ],
  );
  assert.deepEqual(
    s.root.children.map((c) => [c.level, c.number]),
    [
      [1, '一、'],
      [1, '二、'],
      [1, '三、'],
    ],
  );
  assert.ok(!headings(s.root).some((h) => /改革办|记者/.test(h)));
  const { record } = build(seed);
  assert.equal(record.author, '中共某市委全面深化改革委员会办公室');
  assert.equal(record.source, '中共某市委全面深化改革委员会办公室');
  assert.equal(record.fromText.author, 8);
});

test('fixture news-dateline: source and reporters read from the dateline; its paragraph keeps every character and has no run-in', () => {
  const seed = fixture('news-dateline');
  const s = structureOf(seed);
  const { record } = build(seed);
  assert.equal(record.source, '某某网-某某日报');
  assert.equal(record.author, '陈晓、李青、周平');
  const paragraphs = [...paragraphsOf<SectionDraft, ParagraphDraft>(s.root)].map(({ paragraph }) => paragraph);
  assert.ok(paragraphs[0].text.startsWith('某某网-某某日报讯(记者 陈晓 李青 通讯员 周平)3月8日,'));
  const local = paragraphs.find((p) => p.text.startsWith('本报讯'));
  assert.ok(local, '本报讯 stays report text');
  assert.equal(local.runIn, undefined, '本报讯 is not a run-in heading');
  assert.deepEqual(headings(s.root), []);
  assert.deepEqual(s.chrome.map((c) => c.text), ['某市召开全面深化改革委员会会议', '（记者 陈晓）']);
});

test('fixture page-labels: wiki labels are chrome, infobox fields are text, the 【】 sections are top-level', () => {
  const s = structureOf(fixture('page-labels'));
  assert.deepEqual(s.chrome.filter((c) => c.part === 'ui-label').map((c) => c.text), ['基本介紹', '摘要', '全文', '导读:']);
  assert.deepEqual(headings(s.root), ['【概况】', '【主要做法】', '【成效】']);
  assert.ok(s.root.children.every((c) => c.level === 1));
  const opening = s.root.paragraphs.map((p) => p.text);
  assert.deepEqual(opening.slice(0, 2), ['• 中文名:某县行政审批制度改革', '• 实施时间:2016年']);
});
