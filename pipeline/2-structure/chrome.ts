import type { ChromeLine, ChromePart } from '../../model/schemas/report.ts';
import type { SourceLine, TextMetadata } from '../draft.ts';

/**
 * Page chrome: the furniture of the web page or yearbook system a report was copied from.
 * It is set aside from the report text and kept, with the part of the page it is, for the source view.
 * The rules describe how Chinese government and news sites lay out an article page; none
 * of them names a particular report.
 */

const BREADCRUMB = /^(?:您?当前(?:所在)?位置|您的位置|所在位置)\s*[:：]?/;
const SHARE = /微信扫码|扫一扫|分享到|关注.{0,12}公众号/;
const NAVIGATION = /上一篇|下一篇|【关闭窗口】|【打印(?:本页|此页)?】|【返回顶部】|【收藏】/;
const FOOTER = /^(?:主办单位|承办单位|协办单位|主管单位|通讯地址|联系地址|地址|版权所有|备案号|网站标识码|联系电话|联系我们|技术支持|ICP备|京ICP|Copyright|©)\s*[:：]?/i;
const UI_LABELS = new Set(['文章内容', '正文', '打印', '关闭', '返回', '字号', '大 中 小', '分享到', '【打印】', '【关闭】', '收藏']);

/** Labels of a byline: 【作者】…, 来源:…, 发布时间:…, 浏览次数:…, 【字体:大 中 小】. */
const BYLINE_LABEL = /【?(作者|文章来源|信息来源|来源|成文日期|发布时间|发布日期|时间|浏览次数|阅读次数|点击率|点击数|字体|责任编辑|编辑)】?\s*[:：]?/g;
const BYLINE_FIELD: Record<string, keyof TextMetadata | 'date' | undefined> = {
  作者: 'author',
  文章来源: 'source',
  信息来源: 'source',
  来源: 'source',
  成文日期: 'date',
  发布时间: 'date',
  发布日期: 'date',
  时间: 'date',
  责任编辑: 'editor',
  编辑: 'editor',
};

/** A closing line wholly in parentheses: (李雪欣), ( 编辑:… ). */
const SIGNATURE = /^[(（]\s*(?:(编辑|责任编辑|作者|撰稿|撰稿人|供稿|记者|通讯员)\s*[:：]\s*)?([^()（）]{1,80}?)\s*[)）]$/;

/** How many lines from the top may still be header furniture (title repeat, labels). */
const HEADER_ZONE = 12;

/** Returns the date as YYYY-MM-DD when the text is a full date (2017年12月19日, 2018-12-31, 2018/12/31). */
export function parseChineseDate(text: string): string | undefined {
  const m = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Returns the labelled fields of a byline, or undefined when the line carries fewer than two labels. */
export function readByline(text: string): Array<{ label: string; value: string }> | undefined {
  const matches = [...text.matchAll(BYLINE_LABEL)];
  const distinct = new Set(matches.map((m) => m[1]));
  if (distinct.size < 2) return undefined;
  // A byline is mostly labels and short values; a sentence that mentions 来源 and 作者 is not one.
  if (/[。；;]/.test(text)) return undefined;
  return matches.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = i + 1 < matches.length ? (matches[i + 1].index ?? text.length) : text.length;
    return { label: m[1], value: text.slice(start, end).trim() };
  });
}

function compact(s: string): string {
  return s.replace(/[\s\u00a0\u3000]/g, '');
}

/** Returns the chrome part of one line, or undefined when it is report text. */
function classifyLine(line: SourceLine, title: string, rank: number): ChromePart | undefined {
  const t = line.text;
  if (BREADCRUMB.test(t)) return 'breadcrumb';
  if (t.length <= 60 && SHARE.test(t)) return 'share';
  if (NAVIGATION.test(t) && t.length <= 80) return 'navigation';
  if (readByline(t)) return 'byline';
  if (FOOTER.test(t) && t.length <= 80 && !/[。]$/.test(t)) return 'footer';
  if (rank < HEADER_ZONE && UI_LABELS.has(t)) return 'ui-label';
  // The printed title repeated at the top, as a plain line or as a markdown heading.
  if (rank < HEADER_ZONE && title !== '' && compact(t.replace(/^#{1,6}\s+/, '')) === compact(title)) return 'title';
  return undefined;
}

/**
 * Returns the chrome lines of a body and the metadata they carry.
 * `title` is the report's title from its frontmatter ('' when not stated): a line repeating it
 * near the top is set aside as the printed title, shown as the page heading instead.
 */
export function detectChrome(lines: SourceLine[], title: string): { chrome: ChromeLine[]; meta: TextMetadata } {
  const chrome: ChromeLine[] = [];
  const meta: TextMetadata = { lines: {} };
  const content = lines.filter((l) => l.text !== '');
  const set = (field: 'author' | 'editor' | 'signedBy' | 'source' | 'date', value: string, line: number, dateKind?: string) => {
    if (value === '' || meta[field] !== undefined) return;
    if (field === 'date') {
      const iso = parseChineseDate(value);
      if (!iso) return;
      meta.date = iso;
      if (dateKind) meta.dateKind = dateKind;
    } else {
      meta[field] = value;
    }
    meta.lines[field] = line;
  };
  const parts = content.map((line, rank) => classifyLine(line, title, rank));
  // The signature is the last line of the text proper, before any trailing navigation or footer.
  let lastText = parts.length - 1;
  while (lastText >= 0 && parts[lastText] !== undefined) lastText--;
  if (lastText >= 0 && SIGNATURE.test(content[lastText].text)) parts[lastText] = 'signature';
  content.forEach((line, rank) => {
    const part = parts[rank];
    if (!part) return;
    chrome.push({ line: line.n, part, text: line.text });
    if (part === 'byline') {
      for (const { label, value } of readByline(line.text) ?? []) {
        const field = BYLINE_FIELD[label];
        if (field === 'date') set('date', value, line.n, label === '时间' ? '发布时间' : label);
        else if (field === 'author' || field === 'editor' || field === 'source') set(field, value, line.n);
      }
    }
    if (part === 'signature') {
      const m = SIGNATURE.exec(line.text);
      if (m && m[1] && /编辑/.test(m[1])) set('editor', m[2].trim(), line.n);
      else if (m) {
        set('signedBy', m[2].trim(), line.n);
        set('author', m[2].trim(), line.n);
      }
    }
  });
  // Footer blocks run to the end of the page: a short unpunctuated line between two footer
  // lines (a bare address or copyright) belongs to the footer too.
  const footerLines = chrome.filter((c) => c.part === 'footer').map((c) => c.line);
  if (footerLines.length >= 2) {
    const [first, last] = [footerLines[0], footerLines[footerLines.length - 1]];
    for (const line of content) {
      if (line.n > first && line.n < last && !chrome.some((c) => c.line === line.n) && line.text.length <= 60) {
        chrome.push({ line: line.n, part: 'footer', text: line.text });
      }
    }
  }
  chrome.sort((a, b) => a.line - b.line);
  return { chrome, meta };
}
