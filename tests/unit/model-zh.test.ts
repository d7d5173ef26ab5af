// model/zh.ts: Chinese numerals, sentence spans and the scopes of claims, shared by the pipeline and the site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CN_DIGITS, SCOPES, SCOPE_UNSTATED, chineseNumeral, isSentenceEnd, parseChineseNumeral, scopeRank, sentenceAround, sentenceSpan } from '../../model/zh.ts';

test('chineseNumeral writes 1–99 as GB/T 9704 numbering does, and parseChineseNumeral reads it back', () => {
  assert.deepEqual([1, 2, 9, 10, 11, 19, 20, 23, 99].map(chineseNumeral), ['一', '二', '九', '十', '十一', '十九', '二十', '二十三', '九十九']);
  for (let n = 1; n < 100; n++) assert.equal(parseChineseNumeral(chineseNumeral(n)), n);
  for (const s of ['零', '一百', '一十', '两', '', '12', '二十十']) assert.equal(parseChineseNumeral(s), undefined, s);
  assert.equal(CN_DIGITS.length, 9);
});

test('sentence ends are 。！？ and their ASCII forms, not commas or semicolons', () => {
  for (const ch of ['。', '！', '？', '!', '?']) assert.equal(isSentenceEnd(ch), true, ch);
  for (const ch of [',', ',', ';', ';', '、', ':', '.', '…']) assert.equal(isSentenceEnd(ch), false, ch);
});

test('sentenceSpan runs from after the previous end to through the next one', () => {
  const text = '第一句。第二句有25项,结束!第三句没有句号';
  const [from, to] = [text.indexOf('25项'), text.indexOf('25项') + 3];
  const span = sentenceSpan(text, from, to);
  assert.equal(text.slice(...span), '第二句有25项,结束!');
  assert.equal(sentenceAround(text, from, to), '第二句有25项,结束!');
  assert.equal(sentenceAround(text, 0, 2), '第一句。');
  assert.equal(sentenceAround(text, text.length - 2, text.length), '第三句没有句号', 'the text end ends the last sentence');
});

test('a line break ends a sentence without being part of it, and surrounding whitespace is left out', () => {
  const text = '标题行\n  正文有3项。 后文。';
  const at = text.indexOf('3项');
  assert.equal(sentenceAround(text, at, at + 2), '正文有3项。');
  assert.equal(sentenceAround(text, 0, 2), '标题行');
  const [start, end] = sentenceSpan(text, at, at + 2);
  assert.equal(text[start], '正');
  assert.equal(text[end - 1], '。');
  assert.equal(sentenceAround('只有一句', 1, 2), '只有一句');
});

test('scopes rank widest first; unknown scopes and 未说明 come last', () => {
  assert.ok(scopeRank('全国') < scopeRank('全省'));
  assert.ok(scopeRank('全省') < scopeRank('全市'));
  assert.ok(scopeRank('全市') < scopeRank('全区'));
  assert.equal(scopeRank(SCOPE_UNSTATED), SCOPES.length);
  assert.equal(scopeRank('月球'), SCOPES.length);
  assert.equal(new Set(SCOPES).size, SCOPES.length);
});
