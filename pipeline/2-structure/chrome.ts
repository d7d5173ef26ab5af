import type { ChromeLine, ChromePart } from '../../model/schemas/report.ts';
import type { SourceLine, TextMetadata } from '../draft.ts';

/**
 * Page chrome: the furniture of the web page or yearbook system a report was copied from.
 * It is set aside from the report text and kept, with the part of the page it is, for the source view.
 * The rules describe how Chinese government and news sites lay out an article page; none
 * of them names a particular report.
 */

const BREADCRUMB = /^(?:您?当前(?:所在)?位置|您的位置|所在位置)\s*[:：]?/;
const SHARE = /微信扫码|扫一扫|分享到|关注.{0,12}公众号|点击(?:上方|上面)?蓝字|长按(?:识别)?二维码/;
const NAVIGATION = /上一篇|下一篇|【关闭窗口】|【打印(?:本页|此页)?】|【返回顶部】|【收藏】/;
const FOOTER = /^(?:(?:主办|承办|协办|主管)(?:单位)?|通讯地址|联系地址|地址|版权所有|备案号|网站标识码|联系电话|联系我们|技术支持|ICP备|Copyright|©)\s*[:：]?|^[\u4e00-\u9fff]{0,2}ICP(?:备|证)|^[\u4e00-\u9fff]{0,2}公网安备|^[^。，,]{0,16}许可证(?:号|编号)?\s*[:：]|违法和不良信息举报|^举报(?:电话|邮箱)/i;
/** A line of links or buttons separated by bars (首页 | 新闻 | 关闭窗口 |), or a bar alone. */
const BAR_LINE = /^(?:[^|。，,；;！？!?]{0,8}\s*\|\s*)+[^|。，,；;！？!?]{0,8}$/u;
/** A font-size switcher: 字体:【 默认 超大 | 大 中 小 】. */
const FONT_SWITCHER = /^【?\s*字[体号]\s*[:：]/u;
/** A page's date line with its weekday: 2024年11月23日 星期六 |. */
const WEEKDAY_DATE = /^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]\s*\|?$/u;
/** A section banner in Latin capitals: HOT NEWS, FOCUS NEWS. */
const LATIN_BANNER = /^[A-Z][A-Z &]{2,30}$/;
/** An editor's line with a correction link: (责任编辑:某某) [纠错]. */
const EDITOR_LINE = /^[(（]\s*(?:责任编辑|编辑)\s*[:：]\s*([^()（）]{1,30}?)\s*[)）]\s*(?:\[纠错\]|【纠错】)$/u;
const UI_LABELS = new Set(['文章内容', '正文', '打印', '关闭', '返回', '字号', '大 中 小', '分享到', '【打印】', '【关闭】', '收藏']);
/**
 * Page labels: a lone word that names a part of the page (全文, 摘要, 基本介绍 on wiki mirrors), in
 * Simplified or Traditional characters, bare or in brackets, with or without a colon. Such a line is
 * a label wherever it stands, not a section heading.
 */
const PAGE_LABEL = /^[【\[(（·•]?\s*(?:全文|正文|正文内容|文章正文|全文如下|原文|摘要|内容摘要|内容提要|提要|导读|导语|基本介绍|基本介紹|基本信息|基本資料|基本资料|简介|簡介|概述|目录|目錄)\s*[】\])）·•]?\s*[:：]?$/u;

/** Marks that open a byline on news and yearbook pages: □中共某市委改革办, ■本报记者 某某. */
const BYLINE_BULLET = /^[□■●◆◇]\s*(\S.{1,39})$/u;
/** The end of a unit's name: an office, committee, bureau, paper, site … (中共某市委改革办, 某县发改局). */
const UNIT = /(?:办公室|办|委员会|委|局|厅|署|部|处|科|室|中心|组|政府|院|所|会|社|报|网|台|站)$/u;
/** Reporter roles in a news byline (记者 张三 通讯员 李四, 本报记者 某某, 文/某某). */
const ROLE = /^(?:本报|本台|本网|本刊)?(?:特约|见习|实习)?(?:记者|通讯员|实习生|摄影|摄|撰稿|作者|供稿)$|^(?:文|图|文图|文\/图|图\/文)$/u;
/** A name in a byline: two to four Han characters, or a transliterated name with ·. */
const NAME = /^[\u4e00-\u9fff·]{2,8}$/u;
/**
 * A news dateline at the start of a line: 本报讯, 某网-某日报讯, 某社某地3月1日电, each optionally
 * with its reporters in parentheses. `src` is the paper or site (absent for 本报讯).
 */
const DATELINE = /^(?:本报讯|(?<src>[^\s()（）。，,:：;；“”]{2,24}?)(?:讯|(?:\d{1,2}月\d{1,2}日)电)(?=[\s(（]|$))\s*(?:[(（](?<who>[^()（）]{1,60})[)）])?/u;

/** Returns the reporters' names in a byline text (记者 张三 李四 通讯员 王五 → 张三、李四、王五), or undefined when it is not one. */
export function readReporters(text: string): string | undefined {
  const tokens = text
    .replace(/(?:本报|本台|本网|本刊)?(?:特约|见习)?(?:记者|通讯员|实习生|摄影)/gu, (m) => ` ${m} `)
    .split(/[\s\u3000、,，\/|]+|[:：]/u)
    .filter((t) => t !== '');
  if (tokens.length === 0) return undefined;
  let roles = 0;
  const names: string[] = [];
  for (const t of tokens) {
    if (ROLE.test(t) || t === '文' || t === '图') roles++;
    else if (NAME.test(t)) names.push(t);
    else return undefined;
  }
  return roles > 0 && names.length > 0 ? names.join('、') : undefined;
}

/** The author and source a byline line names, or undefined when the line is not a byline. */
export function readBylineLine(text: string, nearEdge = true): { author?: string; source?: string } | undefined {
  const bullet = BYLINE_BULLET.exec(text);
  if (bullet) {
    // Inside the text a bullet may open a list of units; a byline stands under the title or at the end.
    if (!nearEdge) return undefined;
    const rest = bullet[1].trim();
    if (/[。！？!?；;，,]/u.test(rest)) return undefined;
    const reporters = readReporters(rest);
    if (reporters) return { author: reporters };
    if (UNIT.test(rest) && !/\s/u.test(rest) && rest.length <= 24) return { author: rest, source: rest };
    return undefined;
  }
  const inParens = /^[(（]\s*([^()（）]{2,60}?)\s*[)）]$/u.exec(text);
  const reporters = readReporters(inParens ? inParens[1] : text);
  return reporters ? { author: reporters } : undefined;
}

/** The source and author of a news dateline at the start of a line, and where the dateline ends. */
export function readDateline(text: string): { source?: string; author?: string; end: number } | undefined {
  const m = DATELINE.exec(text);
  if (!m) return undefined;
  const src = m.groups?.src;
  // A dateline's paper or site is a name (某日报, 某网-某日报, 新华社北京), not a clause.
  if (src !== undefined && !/(?:报|网|台|社|刊|媒|新闻|频道|在线|客户端)/u.test(src)) return undefined;
  const who = m.groups?.who;
  const author = who ? readReporters(who) : undefined;
  if (who && !author) return undefined;
  return { source: src?.replace(/[-—－]+$/u, ''), author, end: m[0].length };
}

/** Labels of a byline: 【作者】…, 来源:…, 发布时间:…, 浏览次数:…, 【字体:大 中 小】. */
const BYLINE_LABEL = /【?(作者|文章来源|信息来源|来源|成文日期|发布时间|发布日期|日期|时间|浏览次数|阅读次数|点击率|点击数|字体|责任编辑|编辑)】?\s*[:：]?/g;
const BYLINE_FIELD: Record<string, keyof TextMetadata | 'date' | undefined> = {
  作者: 'author',
  文章来源: 'source',
  信息来源: 'source',
  来源: 'source',
  成文日期: 'date',
  发布时间: 'date',
  发布日期: 'date',
  日期: 'date',
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

/**
 * Returns the labelled fields of a byline, or undefined when it is not one: two labels or more, or
 * (at the top or bottom of the page, `nearEdge`) one label opening a short line (发布日期:2019-05-20, 来源:县委改革办).
 */
export function readByline(text: string, nearEdge = false): Array<{ label: string; value: string }> | undefined {
  const matches = [...text.matchAll(BYLINE_LABEL)];
  const distinct = new Set(matches.map((m) => m[1]));
  const lone = distinct.size === 1 && nearEdge && matches[0].index === 0 && text.length <= 40 && /[:：]/.test(text) && !/[,，。；;！？!?、]/u.test(text);
  if (distinct.size < 2 && !lone) return undefined;
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
function classifyLine(line: SourceLine, title: string, rank: number, total: number): ChromePart | undefined {
  const t = line.text;
  if (BREADCRUMB.test(t)) return 'breadcrumb';
  if (t.length <= 60 && SHARE.test(t)) return 'share';
  if (NAVIGATION.test(t) && t.length <= 80) return 'navigation';
  const edge = rank < HEADER_ZONE || rank >= total - 3;
  if (FONT_SWITCHER.test(t) && t.length <= 40) return 'ui-label';
  if (readByline(t, edge)) return 'byline';
  if (EDITOR_LINE.test(t)) return 'byline';
  // A markdown table row (| a | b |) is text; a row of links ends with a bar but does not start with one.
  if (t.length <= 60 && BAR_LINE.test(t) && (t === '|' || !t.startsWith('|'))) return 'navigation';
  if (WEEKDAY_DATE.test(t) || LATIN_BANNER.test(t)) return 'ui-label';
  if (FOOTER.test(t) && t.length <= 80 && !/[。]$/.test(t)) return 'footer';
  if (rank < HEADER_ZONE && UI_LABELS.has(t)) return 'ui-label';
  if (PAGE_LABEL.test(t)) return 'ui-label';
  if (t.length <= 60 && readBylineLine(t, rank < HEADER_ZONE || rank >= total - 3)) return 'byline';
  // A dateline alone on its line (本报讯(记者 某某)) is a byline; one that opens the text stays text.
  const dateline = readDateline(t);
  if (dateline && t.slice(dateline.end).trim() === '') return 'byline';
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
  const parts = content.map((line, rank) => classifyLine(line, title, rank, content.length));
  // The signature is the last line of the text proper, before any trailing navigation or footer.
  let lastText = parts.length - 1;
  while (lastText >= 0 && parts[lastText] !== undefined) lastText--;
  if (lastText >= 0 && SIGNATURE.test(content[lastText].text)) parts[lastText] = 'signature';
  let datelineRead = false;
  content.forEach((line, rank) => {
    const part = parts[rank];
    if (!part) {
      // A dateline that opens a paragraph near the top (本报讯 今天…) stays report text; its paper and reporters are read.
      const dateline = !datelineRead && rank < HEADER_ZONE * 2 ? readDateline(line.text) : undefined;
      if (dateline) {
        datelineRead = true;
        if (dateline.source) set('source', dateline.source, line.n);
        if (dateline.author) set('author', dateline.author, line.n);
      }
      return;
    }
    chrome.push({ line: line.n, part, text: line.text });
    if (part === 'byline') {
      const named = readBylineLine(line.text, true) ?? readDateline(line.text);
      if (named?.author) set('author', named.author, line.n);
      if (named?.source) set('source', named.source, line.n);
      const editor = EDITOR_LINE.exec(line.text);
      if (editor) set('editor', editor[1], line.n);
      for (const { label, value } of readByline(line.text, true) ?? []) {
        const field = BYLINE_FIELD[label];
        if (field === 'date') set('date', value, line.n, label === '时间' ? '发布时间' : label);
        else if (field === 'author' || field === 'editor' || field === 'source') set(field, value, line.n);
      }
    }
    if (part === 'signature') {
      const m = SIGNATURE.exec(line.text);
      const supplied = m ? /^(.+?)供稿$/u.exec(m[2].trim()) : null;
      if (m && m[1] && /编辑/.test(m[1])) set('editor', m[2].trim(), line.n);
      // (某某办供稿): the unit that supplied the text is its source, not a person who signed it.
      else if (m && (m[1] === '供稿' || supplied)) set('source', supplied ? supplied[1] : m[2].trim(), line.n);
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
