import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containsAllTerms, excerptAround, findOccurrences, hasHan, matchableText, queryTerms, splitSections } from '../../src/browser/search-terms.ts';

test('queryTerms splits on ASCII and ideographic spaces and drops quotes and repeats', () => {
  assert.deepEqual(queryTerms(' 河长制\u3000“医联体”  河长制 "PPP" '), ['河长制', '医联体', 'PPP']);
  assert.deepEqual(queryTerms('   '), []);
});

test('hasHan tells Chinese queries from Latin ones', () => {
  assert.equal(hasHan('PPP项目'), true);
  assert.equal(hasHan('PPP'), false);
});

test('matching ignores spaces next to Chinese, which Pagefind adds at inline elements, but keeps Latin word breaks', () => {
  assert.equal(matchableText('增长 15.5%, 全面 推进').text, '增长15.5%,全面推进');
  assert.equal(matchableText('Public  Private').text, 'public private');
  assert.equal(containsAllTerms('比上年增长 15.5%。', ['增长15.5%']), true);
  assert.equal(containsAllTerms('publicprivate', ['public private']), false);
});

test('containsAllTerms needs every term, case-insensitive for Latin', () => {
  assert.equal(containsAllTerms('全面推行河长制和ppp模式', ['河长制', 'PPP']), true);
  assert.equal(containsAllTerms('全面推行河长制', ['河长制', '医联体']), false);
  assert.equal(containsAllTerms('营商 环 境', ['营商环境']), true);
  assert.equal(containsAllTerms('营造良好商业环境', ['营商环境']), false);
  assert.equal(containsAllTerms('任何文本', []), false);
});

test('findOccurrences maps matches back to the original text across inserted spaces', () => {
  const text = '推进河长 制,建立河长制';
  const ranges = findOccurrences(text, ['河长制']);
  assert.deepEqual(ranges.map((r) => text.slice(r.start, r.end)), ['河长 制', '河长制']);
});

test('findOccurrences drops overlaps, preferring the earlier and longer match', () => {
  const text = '放管服改革放管';
  assert.deepEqual(findOccurrences(text, ['放管', '放管服']), [
    { start: 0, end: 3 },
    { start: 5, end: 7 },
  ]);
});

test('splitSections cuts the text at headings found in order and skips missing ones', () => {
  const text = '湘潭市 标题 一、总体情况 正文甲 二、重点改革 正文乙';
  const sections = splitSections(text, [
    { id: 's-1', text: '一、总体情况' },
    { id: 's-x', text: '不存在的标题' },
    { id: 's-2', text: '二、重点改革' },
  ], '标题');
  assert.deepEqual(
    sections.map((s) => [s.id, s.title, text.slice(s.start, s.end).trim()]),
    [
      [undefined, '标题', '湘潭市 标题'],
      ['s-1', '一、总体情况', '一、总体情况 正文甲'],
      ['s-2', '二、重点改革', '二、重点改革 正文乙'],
    ],
  );
});

test('excerptAround centres on the first match and marks every match inside', () => {
  const text = '甲'.repeat(50) + '河长制' + '乙'.repeat(10) + '河长制' + '丙'.repeat(50);
  const { parts, before, after } = excerptAround(text, findOccurrences(text, ['河长制']), 30);
  assert.equal(before, true);
  assert.equal(after, true);
  assert.deepEqual(parts.filter((p) => p.match).map((p) => p.text), ['河长制', '河长制']);
  assert.ok(parts.map((p) => p.text).join('').length >= 30);
});
