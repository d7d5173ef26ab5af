// Web-page furniture comes in families (LAYOUTS.md): one-label metadata lines, bar-separated link
// rows, font switchers, weekday date lines, Latin banners, editor lines with a correction link,
// provincial ICP numbers and report lines in footers. Each is chrome, not text or a heading; and a
// few short lines (speaker lines, document numbers, bare dates) are text, not headings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSourceLines } from '../../pipeline/1-read/lines.ts';
import { detectChrome } from '../../pipeline/2-structure/chrome.ts';
import { matchHeading } from '../../pipeline/2-structure/headings.ts';

const page = [
  '2023年5月8日 星期一 |',
  'HOT NEWS',
  '某县推进“放管服”改革见成效',
  '发布日期:2023-05-08',
  '字体:【 默认 超大 | 大 中 小 】',
  '今年以来,某县围绕优化营商环境推出改革举措12项,企业开办时间压缩至1个工作日。',
  '下一步,县委改革办将继续抓好改革任务落实。',
  '(责任编辑:周小青) [纠错]',
  '打印本页 | 关闭窗口 |',
  '|',
  '主办:中共某县县委宣传部',
  '黔ICP备12345678号-1',
  '违法和不良信息举报电话:0851-12345678',
].join('\n');

test('web furniture families are chrome, and their metadata is read', () => {
  const { chrome, meta } = detectChrome(splitSourceLines(page, 1), '某县推进“放管服”改革见成效');
  const parts = new Map(chrome.map((c) => [c.line, c.part]));
  assert.equal(parts.get(1), 'ui-label', 'weekday date line');
  assert.equal(parts.get(2), 'ui-label', 'Latin banner');
  assert.equal(parts.get(4), 'byline', 'one-label date line at the top');
  assert.equal(parts.get(5), 'ui-label', 'font switcher');
  assert.equal(parts.get(6), undefined, 'report text stays text');
  assert.equal(parts.get(7), undefined, 'report text stays text');
  assert.equal(parts.get(8), 'byline', 'editor line with a correction link');
  assert.equal(parts.get(9), 'navigation', 'bar-separated links');
  assert.equal(parts.get(10), 'navigation', 'a bar alone');
  for (const n of [11, 12, 13]) assert.equal(parts.get(n), 'footer', `footer line ${n}`);
  assert.equal(meta.date, '2023-05-08');
  assert.equal(meta.editor, '周小青');
});

test('a one-label line inside the text is not a byline', () => {
  const body = ['标题', '正文第一段。', '正文第二段。', '正文第三段。', '来源:调查显示,群众满意度提高到95%', '正文第四段。', '正文第五段。', '正文第六段。', '正文第七段。', '正文第八段。', '正文第九段。', '正文第十段。', '正文第十一段。', '正文第十二段。', '正文第十三段。', '正文第十四段。', '正文第十五段。', '结尾。'].join('\n');
  const { chrome } = detectChrome(splitSourceLines(body, 1), '');
  assert.ok(!chrome.some((c) => c.line === 5));
});

test('(某某办供稿) names the source, not a person who signed', () => {
  const { meta } = detectChrome(splitSourceLines('正文。\n(某县委改革办供稿)', 1), '');
  assert.equal(meta.source, '某县委改革办');
  assert.equal(meta.author, undefined);
});

test('speaker lines, document numbers and bare dates are not headings; short sub-heads still are', () => {
  for (const line of ['市长 郭文斌', '县委书记 杨志远', '润办发〔2021〕12号', '(2022年7月)', '2021年3月8日', '(此件公开发布)']) assert.equal(matchHeading(line), undefined, line);
  for (const line of ['政治站位高', '改革落实深', '重点领域改革多点突破']) assert.equal(matchHeading(line)?.style, 'plain', line);
});
